package fr.convergence.reporting.rebuild;

import com.mongodb.client.MongoDatabase;
import fr.convergence.kit.kafka.KafkaClients;
import fr.convergence.kit.web.ApiException;
import fr.convergence.reporting.ingest.IngestProperties;
import fr.convergence.reporting.ingest.LiveIngestion;
import fr.convergence.reporting.ingest.RecordHandler;
import fr.convergence.reporting.ingest.Streams;
import fr.convergence.reporting.store.ActiveGeneration;
import fr.convergence.reporting.store.Generation;
import fr.convergence.reporting.store.GenerationWriter;
import fr.convergence.reporting.store.Projections;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds every projection from the beginning of the streams into generation n+1 while generation n keeps
 * answering: the end offsets of every matching partition are captured, a {@link BulkRebuild} folds everything below
 * them in memory (partitions spread over {@code reporting.ingest.rebuild-workers} workers) and writes the generation
 * once, with bulk inserts and one durability barrier; then the live consumer hands over: it stops, the
 * {@code active-generation} pointer moves to n+1, and it goes on live from exactly the captured end offsets
 * (nothing skipped; anything seen twice is a duplicate the projector ignores). Generation n is then dropped.
 */
@Service
public class RebuildService {

    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(2);

    private final KafkaClients kafka;
    private final IngestProperties properties;
    private final ActiveGeneration active;
    private final Projections projections;
    private final RecordHandler handler;
    private final LiveIngestion live;
    private final MongoDatabase database;
    private volatile Rebuild current;
    private volatile boolean shuttingDown;

    public RebuildService(KafkaClients kafka, IngestProperties properties, ActiveGeneration active,
                          Projections projections, RecordHandler handler, LiveIngestion live, MongoDatabase database) {
        this.kafka = kafka;
        this.properties = properties;
        this.active = active;
        this.projections = projections;
        this.handler = handler;
        this.live = live;
        this.database = database;
    }

    public Optional<RebuildProgress> current() {
        return Optional.ofNullable(current).map(Rebuild::progress);
    }

    public synchronized RebuildProgress start() {
        if (current != null && !current.state.equals("DONE") && !current.state.equals("FAILED")) {
            throw ApiException.conflict("rebuild-running", "a rebuild of generation " + current.generation
                    + " is already running");
        }
        Generation previous = active.current();
        Generation next = new Generation(previous.number() + 1);
        projections.drop(next); // leftovers of an interrupted rebuild
        Rebuild rebuild = new Rebuild(next.number());
        rebuild.endOffsets = captureEndOffsets(rebuild);
        current = rebuild;
        Thread thread = new Thread(() -> run(rebuild, next, previous), "reporting-rebuild-g" + next.number());
        thread.setDaemon(true);
        rebuild.state = "RUNNING";
        log.info("rebuild of generation {} started: {} records to replay over {} partitions, {} workers",
                next.number(), rebuild.total, rebuild.endOffsets.size(), properties.rebuildWorkers());
        thread.start();
        return rebuild.progress();
    }

    private void run(Rebuild rebuild, Generation next, Generation previous) {
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reporting-rebuild-g" + next.number() + "-progress");
            t.setDaemon(true);
            return t;
        });
        progress.scheduleAtFixedRate(() -> {
            RebuildProgress p = rebuild.progress();
            log.info("rebuild g{} {}: {} of {} records, {}/s, about {} s left", p.generation(), p.state(), p.done(),
                    p.total(), p.ratePerSecond(), p.secondsLeft());
        }, LOG_EVERY.toMillis(), LOG_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            GenerationWriter.Written written = new BulkRebuild(kafka, database, handler,
                    properties.rebuildWorkers()).run(next, rebuild.endOffsets, rebuild.done,
                    () -> rebuild.state = "WRITING", () -> shuttingDown);
            live.handOver(next, rebuild.endOffsets);
            projections.drop(previous);
            rebuild.state = "DONE";
            rebuild.finishedAt = Instant.now();
            log.info("rebuild g{} written ({}) after {} records; it is now the active generation", next.number(),
                    written, rebuild.done.get());
        } catch (RuntimeException e) {
            rebuild.state = "FAILED";
            rebuild.error = e.getMessage();
            rebuild.finishedAt = Instant.now();
            log.error("rebuild g{} failed; generation {} stays active", next.number(), previous.number(), e);
        } finally {
            progress.shutdownNow();
        }
    }

    /** An unfinished rebuild is abandoned on shutdown; the next one starts by dropping its collections. */
    @PreDestroy
    void shutdown() {
        shuttingDown = true;
    }

    /** Partitions of every matching topic and their end offsets now: the target the rebuild must reach. */
    private Map<TopicPartition, Long> captureEndOffsets(Rebuild rebuild) {
        Properties p = new Properties();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> probe = kafka.consumer(p)) {
            List<TopicPartition> partitions = probe.listTopics(Duration.ofSeconds(10)).entrySet().stream()
                    .filter(e -> Streams.matches(e.getKey()))
                    .flatMap(e -> e.getValue().stream())
                    .map((PartitionInfo i) -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            Map<TopicPartition, Long> ends = probe.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> begins = probe.beginningOffsets(partitions, Duration.ofSeconds(10));
            rebuild.total = ends.entrySet().stream().mapToLong(e -> e.getValue() - begins.get(e.getKey())).sum();
            return Map.copyOf(ends);
        }
    }
}
