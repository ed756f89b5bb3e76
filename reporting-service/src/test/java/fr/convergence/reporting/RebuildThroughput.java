package fr.convergence.reporting;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fr.convergence.kit.deadletter.DeadLetterStore;
import fr.convergence.kit.kafka.KafkaClients;
import fr.convergence.reporting.indicators.Filter;
import fr.convergence.reporting.indicators.IndicatorCalculator;
import fr.convergence.reporting.ingest.RecordHandler;
import fr.convergence.reporting.ingest.StreamConsumer;
import fr.convergence.reporting.ingest.Streams;
import fr.convergence.reporting.rebuild.BulkRebuild;
import fr.convergence.reporting.store.ActiveGeneration;
import fr.convergence.reporting.store.Generation;
import fr.convergence.reporting.store.GenerationWriter;
import fr.convergence.reporting.store.ProjectionReader;
import fr.convergence.reporting.store.Projector;
import fr.convergence.reporting.support.ParticipantStream;
import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.testing.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: a harness that times a rebuild on the test infrastructure (the embedded KRaft broker of
 * {@link TestInfrastructure}, and the in-process MongoDB-wire stand-in or a store given by URI). It produces a
 * realistic history (pathways of about 30 events: hiring, entry profile, a barrier, a year of monthly hours and
 * interviews, health care, an exit for most, a follow-up contact; the participant stream's reference data), then
 * rebuilds it into a fresh database with the bulk path ({@link BulkRebuild}) and, unless told not to, with the path
 * rebuilds used before (a consumer group through the live projector, poll batch by poll batch), and prints the
 * events per second of each, and the time a national view takes to compute over the result. Nothing asserts.
 * <pre>
 * ./mvnw -q -o -pl reporting-service dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=$PWD/reporting-service/target/cp.txt
 * java -Xmx4g -cp reporting-service/target/test-classes:reporting-service/target/classes:$(cat reporting-service/target/cp.txt) \
 *     fr.convergence.reporting.RebuildThroughput 10000 4 memory both
 * </pre>
 * Arguments: pathways, territories (3 partitions per topic), store ({@code memory}, or a URI such as the durable
 * {@code fr.convergence.deploy.store.EmbeddedMongoStore}'s), {@code both}|{@code bulk}|{@code old}, workers.
 */
public final class RebuildThroughput {

    private RebuildThroughput() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(GenerationWriter.class))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        int pathways = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int territories = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String uri = args.length > 2 && !args[2].equals("memory") ? args[2] : TestInfrastructure.mongoUri();
        String mode = args.length > 3 ? args[3] : "both";
        int workers = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
        String bootstrap = TestInfrastructure.kafkaBootstrap();
        String run = "bench" + UUID.randomUUID().toString().substring(0, 4);

        long produceStart = System.nanoTime();
        long events = produce(bootstrap, run, pathways, territories);
        System.out.printf("produced %d records (%d pathways, %d territories) in %.1f s%n", events, pathways,
                territories, (System.nanoTime() - produceStart) / 1e9);
        Map<TopicPartition, Long> ends = endOffsets(bootstrap, run);

        try (MongoClient client = MongoClients.create(uri)) {
            if (!mode.equals("old")) {
                MongoDatabase db = client.getDatabase("rebuild_bulk_" + System.currentTimeMillis());
                RecordHandler handler = handler(db);
                AtomicLong done = new AtomicLong();
                long[] readEnd = new long[1];
                long start = System.nanoTime();
                GenerationWriter.Written written = new BulkRebuild(KafkaClients.plaintext(bootstrap), db, handler, workers).run(new Generation(1),
                        ends, done, () -> readEnd[0] = System.nanoTime(), () -> false);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("bulk rebuild (%d workers): %d records in %.1f s (read+fold %.1f s, write %.1f s): "
                                + "%.0f events/s; written %s%n", workers, done.get(), seconds, (readEnd[0] - start) / 1e9,
                        (System.nanoTime() - readEnd[0]) / 1e9, done.get() / seconds, written);
                nationalView(db, new Generation(1));
            }
            if (!mode.equals("bulk")) {
                MongoDatabase db = client.getDatabase("rebuild_old_" + System.currentTimeMillis());
                long start = System.nanoTime();
                long done = oldRebuild(bootstrap, db, ends);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("previous rebuild path (consumer group, projector per poll batch): %d records in "
                        + "%.1f s: %.0f events/s%n", done, seconds, done / seconds);
            }
        }
        System.exit(0);
    }

    private static RecordHandler handler(MongoDatabase db) {
        return new RecordHandler(new DeadLetterStore(db, new SimpleMeterRegistry(), java.time.Clock.systemUTC()));
    }

    /** The national view's computation as the API does it today (every share read), timed 10 times. */
    private static void nationalView(MongoDatabase db, Generation g) {
        ProjectionReader reader = new ProjectionReader(db, new ActiveGeneration(db));
        long[] millis = new long[10];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            IndicatorCalculator.compute(new Filter(null, null, null, null, null), reader.pathwayFacts(g, null),
                    reader.referralFacts(g, null), reader.reference(g, null));
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("national view over the rebuilt generation: p50 %d ms, max %d ms (10 runs)%n",
                millis[5], millis[9]);
    }

    /** What rebuilds did before: a consumer group from the beginning, the live projector per poll batch. */
    private static long oldRebuild(String bootstrap, MongoDatabase db, Map<TopicPartition, Long> ends) {
        AtomicLong done = new AtomicLong();
        StreamConsumer[] self = new StreamConsumer[1];
        StreamConsumer consumer = new StreamConsumer(KafkaClients.plaintext(bootstrap), "bench-old-" + UUID.randomUUID(), 1000,
                new Projector(db, new Generation(1)), handler(db), Map.of(), new StreamConsumer.Hooks() {
            @Override
            public void onAssigned(KafkaConsumer<String, String> c, Collection<TopicPartition> partitions) {
                c.seekToBeginning(partitions);
            }

            @Override
            public void afterBatch(KafkaConsumer<String, String> c, int records) {
                done.addAndGet(records);
                if (c.assignment().containsAll(ends.keySet())
                        && ends.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                    self[0].stop();
                }
            }
        });
        self[0] = consumer;
        consumer.run();
        return done.get();
    }

    private static Map<TopicPartition, Long> endOffsets(String bootstrap, String run) {
        Properties p = new Properties();
        try (KafkaConsumer<String, String> probe = KafkaClients.plaintext(bootstrap).consumer(p)) {
            List<TopicPartition> partitions = probe.listTopics(Duration.ofSeconds(10)).entrySet().stream()
                    .filter(e -> Streams.matches(e.getKey()) && e.getKey().contains(run))
                    .flatMap(e -> e.getValue().stream())
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            return probe.endOffsets(partitions, Duration.ofSeconds(10));
        }
    }

    /** Writes the history: each territory's pathway and participant topics, 3 partitions each, keyed by person. */
    private static long produce(String bootstrap, String run, int pathways, int territories) throws Exception {
        List<String> codes = new ArrayList<>();
        List<NewTopic> topics = new ArrayList<>();
        for (int t = 0; t < territories; t++) {
            String code = run + "-t" + t;
            codes.add(code);
            topics.add(new NewTopic("convergence." + code + ".pathway.v1", 3, (short) 1));
            topics.add(new NewTopic("convergence." + code + ".participant.v1", 3, (short) 1));
        }
        try (Admin admin = KafkaClients.plaintext(bootstrap).admin(new Properties())) {
            admin.createTopics(topics).all().get();
        }
        Properties p = new Properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        long count = 0;
        AtomicLong failed = new AtomicLong();
        org.apache.kafka.clients.producer.Callback counted = (metadata, e) -> {
            if (e != null) {
                failed.incrementAndGet();
            }
        };
        Random random = new Random(42);
        try (KafkaProducer<String, String> producer = KafkaClients.plaintext(bootstrap).producer(p)) {
            for (int t = 0; t < territories; t++) {
                String code = codes.get(t);
                ParticipantStream people = new ParticipantStream(code).territoryCreated("Territoire " + t);
                for (int a = 0; a < 8; a++) {
                    people.aci(false, code + "-aci-" + a, "Atelier " + a, null, null);
                }
                for (int i = t; i < pathways; i += territories) {
                    PathwayStream s = pathway(code, i, random);
                    people.registered(s.participantId, s.aciId, i % 3 == 0 ? "<26" : i % 3 == 1 ? "26-34" : "45-54");
                    for (String record : s.records()) {
                        producer.send(new ProducerRecord<>(s.topic(), s.participantId, record), counted);
                        if (++count % 20_000 == 0) {
                            producer.flush();   // in steps: a burst of hundreds of MB starves the in-process broker
                        }
                    }
                }
                for (String[] record : people.records()) {
                    producer.send(new ProducerRecord<>(people.topic(), record[0], record[1]), counted);
                    count++;
                }
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + count + " records could not be produced");
        }
        return count;
    }

    /** About 30 events: a year of a pathway, most of them exited and followed up. */
    private static PathwayStream pathway(String territory, int i, Random random) {
        String programme = i % 3 == 0 ? "PHC" : "CVG";
        YearMonth hired = YearMonth.of(2025, 1).plusMonths(random.nextInt(24));
        PathwayStream s = PathwayStream.hired(territory, territory + "-aci-" + (i % 8), programme,
                hired.atDay(1 + random.nextInt(27)).toString(), programme.equals("PHC") ? 4 + i % 8 : 20 + i % 10);
        s.profile(hired.atDay(2).toString(), i % 2 == 0 ? "STREET" : "SOCIAL_HOTEL", null);
        s.event("BarrierAssessed", hired.atDay(5).toString(), Map.of("domain", i % 2 == 0 ? "HOUSING" : "HEALTH",
                "intensity", "HIGH", "handling", i % 3 == 0 ? "PARTNER" : "INTERNAL"));
        int months = 8 + random.nextInt(9);
        for (int m = 0; m < months; m++) {
            YearMonth month = hired.plusMonths(m);
            s.hours(month.toString(), 40 + random.nextInt(80));
            s.accompaniment(month.atDay(10).toString(), m % 3 == 2 ? "VISIT_HOUSING" : "INTERVIEW");
            if (m == 5) {
                s.event("HealthCareAccessed", month.atDay(3).toString(), Map.of());
            }
        }
        if (i % 5 != 0) {
            YearMonth end = hired.plusMonths(months);
            s.exited(end.atDay(20).toString(), i % 2 == 0 ? "DURABLE_EMPLOYMENT" : "POSITIVE_EXIT", "CDI", months,
                    "DURABLE_HOUSING");
            s.followUp(end.plusMonths(6).atDay(1).toString(), 6, "CDI", "DURABLE_HOUSING");
        }
        return s;
    }
}
