package fr.convergence.reporting.rebuild;

import fr.convergence.kit.kafka.KafkaClients;
import fr.convergence.kit.web.ApiException;
import fr.convergence.reporting.ingest.IngestProperties;
import fr.convergence.reporting.ingest.LiveIngestion;
import fr.convergence.reporting.ingest.RecordHandler;
import fr.convergence.reporting.ingest.StreamConsumer;
import fr.convergence.reporting.ingest.Streams;
import fr.convergence.reporting.store.ActiveGeneration;
import fr.convergence.reporting.store.Generation;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Rebuilds every projection from the beginning of the streams into generation n+1 with its own consumer group,
 * while generation n keeps answering. Once its positions reach the end offsets captured at start, it hands
 * its positions to the live consumer, which moves the {@code active-generation} pointer and goes on live from
 * exactly there (nothing skipped; anything seen twice is a duplicate the projector ignores).
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
    private volatile Rebuild current;
    private volatile StreamConsumer running;

    public RebuildService(KafkaClients kafka, IngestProperties properties, ActiveGeneration active,
                          Projections projections, RecordHandler handler, LiveIngestion live) {
        this.kafka = kafka;
        this.properties = properties;
        this.active = active;
        this.projections = projections;
        this.handler = handler;
        this.live = live;
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
        String group = properties.groupId() + ".rebuild-g" + next.number() + "-" + rebuild.startedAt.toEpochMilli();
        Tracker tracker = new Tracker(rebuild, next, previous);
        StreamConsumer consumer = new StreamConsumer(kafka, group,
                properties.metadataMaxAgeMs(), projections.projector(next), handler, Map.of(), tracker);
        tracker.self = consumer;
        running = consumer;
        Thread thread = new Thread(consumer, "reporting-rebuild-g" + next.number());
        thread.setDaemon(true);
        rebuild.state = "RUNNING";
        log.info("rebuild of generation {} started: {} records to replay", next.number(), rebuild.total);
        thread.start();
        return rebuild.progress();
    }

    /** An unfinished rebuild is abandoned on shutdown; the next one starts by dropping its collections. */
    @PreDestroy
    void shutdown() {
        StreamConsumer consumer = running;
        if (consumer != null) {
            consumer.shutdown();
        }
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

    /** Seeks to the beginning, counts, logs progress, and detects the catch-up on the rebuild's own thread. */
    private final class Tracker implements StreamConsumer.Hooks {
        private final Rebuild rebuild;
        private final Generation next;
        private final Generation previous;
        private Instant lastLog = Instant.now();
        private StreamConsumer self;

        Tracker(Rebuild rebuild, Generation next, Generation previous) {
            this.rebuild = rebuild;
            this.next = next;
            this.previous = previous;
        }

        @Override
        public void onAssigned(KafkaConsumer<String, String> consumer, Collection<TopicPartition> partitions) {
            consumer.seekToBeginning(partitions);
        }

        @Override
        public void afterBatch(KafkaConsumer<String, String> consumer, int records) {
            rebuild.done.addAndGet(records);
            if (Duration.between(lastLog, Instant.now()).compareTo(LOG_EVERY) >= 0) {
                lastLog = Instant.now();
                RebuildProgress p = rebuild.progress();
                log.info("rebuild g{}: {} of {} records, {}/s, about {} s left", p.generation(), p.done(),
                        p.total(), p.ratePerSecond(), p.secondsLeft());
            }
            if (!caughtUp(consumer)) {
                return;
            }
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (TopicPartition tp : consumer.assignment()) {
                positions.put(tp, consumer.position(tp));
            }
            try {
                live.handOver(next, positions);
                projections.drop(previous);
                rebuild.state = "DONE";
                rebuild.finishedAt = Instant.now();
                log.info("rebuild g{} caught up after {} records; it is now the active generation", next.number(),
                        rebuild.done.get());
            } catch (RuntimeException e) {
                rebuild.state = "FAILED";
                rebuild.error = e.getMessage();
                rebuild.finishedAt = Instant.now();
                log.error("rebuild g{} could not swap", next.number(), e);
            }
            self.stop();
        }

        private boolean caughtUp(KafkaConsumer<String, String> consumer) {
            if (!consumer.assignment().containsAll(rebuild.endOffsets.keySet())) {
                return false;
            }
            for (Map.Entry<TopicPartition, Long> end : rebuild.endOffsets.entrySet()) {
                if (consumer.position(end.getKey()) < end.getValue()) {
                    return false;
                }
            }
            return true;
        }
    }
}
