package fr.convergence.reporting.ingest;

import fr.convergence.reporting.store.ApplyOutcome;
import fr.convergence.reporting.store.Projector;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Properties;
import fr.convergence.kit.kafka.KafkaClients;
import java.util.function.Consumer;

/**
 * A poll loop on its own thread over every territory's streams (pattern subscription). Each polled batch is one
 * unit of work: its records are folded onto the projector's buffer, the buffer is written, then the offsets are
 * committed (at-least-once; the projections make redelivery harmless). On a store or broker failure it drops
 * the unwritten buffer, closes the consumer and starts again from the last commit.
 */
public class StreamConsumer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);

    public interface Hooks {
        /** Called after each batch on the polling thread; may call {@link StreamConsumer#stop()}. */
        default void afterBatch(KafkaConsumer<String, String> consumer, int records) {
        }

        default void onAssigned(KafkaConsumer<String, String> consumer, Collection<TopicPartition> partitions) {
        }

        /** Called once a batch is written and committed, with how long that took since the poll returned it. */
        default void written(int records, long nanos) {
        }

        /** Called for each record once its batch is written and committed. */
        default void handled(ConsumerRecord<String, String> record, ApplyOutcome outcome) {
        }
    }

    private final KafkaClients kafka;
    private final Properties config;
    private final Projector projector;
    private final RecordHandler handler;
    private final Hooks hooks;
    private final Map<TopicPartition, Long> startPositions;
    private final boolean handover;
    private final Set<TopicPartition> seen = new HashSet<>();
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Consumer<KafkaConsumer<String, String>> onClose = c -> { };

    public StreamConsumer(KafkaClients kafka, String groupId, int metadataMaxAgeMs, Projector projector,
                          RecordHandler handler, Map<TopicPartition, Long> startPositions, Hooks hooks) {
        this.projector = projector;
        this.handler = handler;
        this.hooks = hooks;
        this.startPositions = new HashMap<>(startPositions);
        this.handover = !startPositions.isEmpty();
        this.kafka = kafka;
        config = new Properties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A territory's topic created later is read from its first record.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, metadataMaxAgeMs);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    }

    public Projector projector() {
        return projector;
    }

    /** Runs {@code action} with the consumer right before it closes (on the polling thread). */
    public void onClose(Consumer<KafkaConsumer<String, String>> action) {
        this.onClose = action;
    }

    @Override
    public void run() {
        while (running) {
            try (KafkaConsumer<String, String> c = kafka.consumer(config)) {
                consumer = c;
                c.subscribe(Streams.ALL, new Listener(c));
                while (running) {
                    ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(200));
                    if (!records.isEmpty()) {
                        long start = System.nanoTime();
                        // one unit of work per batch: applied to the projector's buffer, written, then committed
                        List<ApplyOutcome> outcomes = handler.handleBatch(records, projector);
                        c.commitSync();
                        hooks.written(records.count(), System.nanoTime() - start);
                        int i = 0;
                        for (ConsumerRecord<String, String> record : records) {
                            hooks.handled(record, outcomes.get(i++));
                        }
                    }
                    hooks.afterBatch(c, records.count());
                }
                onClose.accept(c);
            } catch (WakeupException e) {
                projector.discard(); // empty unless woken mid-batch: those records come again
                if (running) {
                    log.warn("consumer woken up while running; restarting");
                }
            } catch (RuntimeException e) {
                // the records of the unwritten batch come again from the last commit
                projector.discard();
                log.error("consumer {} failed; restarting from the last commit in 2 s",
                        config.get(ConsumerConfig.GROUP_ID_CONFIG), e);
                sleep();
            }
        }
    }

    public void stop() {
        running = false;
    }

    /** Stops from another thread: the poll returns at once. */
    public void shutdown() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, String> consumer;

        Listener(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // After a rebuild, the new live consumer starts exactly where the rebuild stopped. A partition the
            // rebuild never saw (a topic born during it) is read from its beginning: the group's committed
            // offset there belongs to the previous generation, and replaying is harmless.
            Map<TopicPartition, OffsetAndMetadata> seeked = new HashMap<>();
            for (TopicPartition tp : partitions) {
                if (!handover || !seen.add(tp)) {
                    continue;
                }
                Long position = startPositions.get(tp);
                if (position != null) {
                    consumer.seek(tp, position);
                    seeked.put(tp, new OffsetAndMetadata(position));
                } else {
                    consumer.seekToBeginning(List.of(tp));
                }
            }
            if (!seeked.isEmpty()) {
                consumer.commitSync(seeked);
            }
            hooks.onAssigned(consumer, partitions);
        }
    }
}
