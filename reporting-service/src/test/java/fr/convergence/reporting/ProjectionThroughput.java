package fr.convergence.reporting;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.convergence.kit.deadletter.DeadLetterStore;
import fr.convergence.reporting.ingest.RecordHandler;
import fr.convergence.reporting.store.Generation;
import fr.convergence.reporting.store.Projector;
import fr.convergence.reporting.support.PathwayStream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: a harness that prints how many pathway events per second the projector applies through the live
 * consumer's path (poll batches of up to 500 records, one unit of work each, as {@code StreamConsumer} does),
 * with no Kafka in the way. Nothing asserts on time. Run from the repository root after {@code verify} (the
 * exec plugin is not available offline):
 * <pre>
 * ./mvnw -q -o -pl reporting-service dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=$PWD/reporting-service/target/cp.txt
 * java -cp reporting-service/target/test-classes:reporting-service/target/classes:$(cat reporting-service/target/cp.txt) \
 *     fr.convergence.reporting.ProjectionThroughput mongodb://127.0.0.1:27999 300 500
 * </pre>
 * Arguments: store URI ({@code memory} for an in-process stand-in), pathways (10 events each, interleaved at
 * random with a fixed seed, like many participants' streams on one partition), records per batch. Point it at
 * the durable local store ({@code fr.convergence.deploy.store.EmbeddedMongoStore <port> <dir>}, which commits
 * and fsyncs every write command) to see what the demo sees. Each run writes a fresh database.
 */
public final class ProjectionThroughput {

    private ProjectionThroughput() {
    }

    public static void main(String[] args) {
        // the driver's debug logging would cost more than the projection
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        String uri = args.length > 0 ? args[0] : "memory";
        int pathways = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        MongoServer server = null;
        if (uri.equals("memory")) {
            server = new MongoServer(new MemoryBackend());
            uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        }
        List<ConsumerRecord<String, String>> records = workload(pathways);
        try (MongoClient client = MongoClients.create(uri)) {
            // the service's write concern (service-kit): majority + journal
            MongoDatabase db = client.getDatabase("throughput_" + System.currentTimeMillis())
                    .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
            RecordHandler handler = new RecordHandler(new DeadLetterStore(db, new SimpleMeterRegistry(), java.time.Clock.systemUTC()));
            Projector projector = new Projector(db, new Generation(1));
            long start = System.nanoTime();
            for (int from = 0; from < records.size(); from += batchSize) {
                handler.handleBatch(records.subList(from, Math.min(records.size(), from + batchSize)), projector);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("store=%s events=%d pathways=%d batch=%d: %.1f s, %.0f events/s%n", uri,
                    records.size(), pathways, batchSize, seconds, records.size() / seconds);
        } finally {
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    /** Per pathway: hired, a barrier, six monthly hours, health care, exit; pathways interleaved at random. */
    static List<ConsumerRecord<String, String>> workload(int pathways) {
        Random random = new Random(42);
        String territory = "bench";
        String topic = "convergence." + territory + ".pathway.v1";
        List<List<String>> streams = new ArrayList<>();
        for (int i = 0; i < pathways; i++) {
            PathwayStream s = PathwayStream.hired(territory, "aci-" + (i % 6), i % 2 == 0 ? "PHC" : "CVG",
                    "2026-01-" + (10 + i % 15), 20);
            s.event("BarrierAssessed", "2026-02-03", Map.of("domain", "HOUSING", "intensity", "HIGH",
                    "handling", "PARTNER"));
            for (int m = 1; m <= 6; m++) {
                s.hours("2026-0" + m, 60 + m);
            }
            s.event("HealthCareAccessed", "2026-04-02", Map.of());
            s.exited("2026-07-15", "DURABLE_EMPLOYMENT", "CDI", 7);
            streams.add(new ArrayList<>(s.records()));
        }
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < pathways; i++) {
            open.add(i);
        }
        long offset = 0;
        while (!open.isEmpty()) {
            int k = random.nextInt(open.size());
            List<String> s = streams.get(open.get(k));
            out.add(new ConsumerRecord<>(topic, 0, offset++, "p" + open.get(k), s.remove(0)));
            if (s.isEmpty()) {
                open.remove(k);
            }
        }
        return out;
    }
}
