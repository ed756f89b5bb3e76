package fr.convergence.partnership.consuming;

import com.mongodb.MongoException;
import fr.convergence.contracts.Topics;
import fr.convergence.kit.deadletter.DeadLetterStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import fr.convergence.kit.kafka.KafkaClients;

/**
 * A plain KafkaConsumer on one served territory's pathway topic (the only one whose events may change that
 * territory's data; the topic is picked up within {@code metadata.max.age.ms} if it is created later), group
 * {@code partnership-service.<territory>}, manual commits after each processed batch.
 * <ul>
 *   <li>Poison (unparseable, incomplete, or failing for a non-infrastructure reason): parked in the dead letters
 *   with its reason, counted, and the consumer goes on.</li>
 *   <li>MongoDB unavailable: nothing is parked; the consumer commits what it finished, seeks back to the failed
 *   record and retries it after a pause (at-least-once; the handler is idempotent).</li>
 * </ul>
 */
public class PathwayEventConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PathwayEventConsumer.class);

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final PathwayEventHandler handler;
    private final DeadLetterStore deadLetters;
    private final Counter poisoned;
    private final Map<PathwayEventHandler.Outcome, Counter> outcomes = new EnumMap<>(PathwayEventHandler.Outcome.class);
    private final Thread thread;
    private volatile boolean running = true;

    public PathwayEventConsumer(KafkaClients kafka, String topic, String groupId, int metadataMaxAgeMs,
                                PathwayEventHandler handler, DeadLetterStore deadLetters, MeterRegistry meters) {
        Properties p = new Properties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, metadataMaxAgeMs);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = kafka.consumer(p);
        this.topic = topic;
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.poisoned = Counter.builder("partnership.pathway.events.dead_lettered")
                .description("pathway events parked in the dead letters").register(meters);
        for (PathwayEventHandler.Outcome o : PathwayEventHandler.Outcome.values()) {
            outcomes.put(o, Counter.builder("partnership.pathway.events")
                    .tag("outcome", o.name().toLowerCase(java.util.Locale.ROOT))
                    .description("pathway events consumed, by outcome").register(meters));
        }
        this.thread = new Thread(this::run, "pathway-event-consumer-" + topic);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            // the territory's participant stream too: its ParticipantErased must reach this service (issue 21 finding 8)
            consumer.subscribe(List.of(topic, Topics.participant(Topics.territoryOf(topic))));
            long pause = 500;
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                boolean interrupted = false;
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<String, String> r : records.records(tp)) {
                        if (interrupted) {
                            break;
                        }
                        try {
                            process(r);
                            done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                        } catch (MongoException unavailable) {
                            log.warn("store unavailable at {}:{}:{}; retrying in {} ms ({})", r.topic(), r.partition(),
                                    r.offset(), pause, unavailable.getMessage());
                            interrupted = true;
                        }
                    }
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
                if (interrupted) {
                    for (TopicPartition tp : records.partitions()) {
                        long next = done.containsKey(tp) ? done.get(tp).offset() : records.records(tp).get(0).offset();
                        consumer.seek(tp, next);
                    }
                    Thread.sleep(pause);
                    pause = Math.min(pause * 2, 10_000);
                } else {
                    pause = 500;
                }
            }
        } catch (WakeupException stopping) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("pathway event consumer stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void process(ConsumerRecord<String, String> r) {
        try {
            outcomes.get(handler.handle(r.topic(), r.value())).increment();
        } catch (MongoException unavailable) {
            throw unavailable;
        } catch (RuntimeException poison) {
            String reason = poison instanceof PoisonEvent ? poison.getMessage()
                    : "failed: " + poison.getClass().getSimpleName() + ": " + poison.getMessage();
            String detail = poison instanceof PoisonEvent p ? p.detail() : null;
            deadLetters.park(PathwayEventReplay.CONSUMER, r.topic(), r.partition(), r.offset(), r.key(), r.value(),
                    reason, detail);
            poisoned.increment();
            log.warn("dead-lettered {}:{}:{}: {}{}", r.topic(), r.partition(), r.offset(), reason,
                    detail == null ? "" : " (" + detail + ")");
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
