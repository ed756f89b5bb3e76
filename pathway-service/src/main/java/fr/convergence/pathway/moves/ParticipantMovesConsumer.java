package fr.convergence.pathway.moves;

import fr.convergence.kit.deadletter.DeadLetterStore;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import fr.convergence.kit.kafka.KafkaClients;

/**
 * Reads one served territory's participant topic, group {@code pathway-service.<territory>.participant-moves},
 * committing after each record it finished. A record that can never apply ({@link ParticipantMoves.Unusable}, or a
 * programme rule refusing the transfer) is parked in the dead letters (service-kit's, replayed by an administrator)
 * and passed; anything else (the store or the command bus failing) is retried from that record after a pause that
 * doubles up to 10 s: at least once, and the handler is idempotent.
 */
public class ParticipantMovesConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ParticipantMovesConsumer.class);

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final String territory;
    private final ParticipantMoves moves;
    private final MeterRegistry meters;
    private final DeadLetterStore deadLetters;
    private final Thread thread;
    private volatile boolean running = true;

    public ParticipantMovesConsumer(KafkaClients kafka, String territory, String topic, ParticipantMoves moves,
                                    DeadLetterStore deadLetters, MeterRegistry meters) {
        Properties p = new Properties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "pathway-service." + territory + ".participant-moves");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = kafka.consumer(p);
        this.topic = topic;
        this.territory = territory;
        this.moves = moves;
        this.meters = meters;
        this.deadLetters = deadLetters;
        this.thread = new Thread(this::run, "participant-moves-" + territory);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        long pause = 500;
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                TopicPartition failedAt = null;
                long failedOffset = 0;
                outer:
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<String, String> r : records.records(tp)) {
                        try {
                            process(r);
                            done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                        } catch (RuntimeException unavailable) {
                            log.warn("could not apply {}:{}:{}; retrying in {} ms ({})", r.topic(), r.partition(),
                                    r.offset(), pause, unavailable.toString());
                            failedAt = tp;
                            failedOffset = r.offset();
                            break outer;
                        }
                    }
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
                if (failedAt != null) {
                    for (TopicPartition tp : records.partitions()) {   // replay from what is not finished
                        long next = tp.equals(failedAt) ? failedOffset
                                : done.containsKey(tp) ? done.get(tp).offset() : records.records(tp).get(0).offset();
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
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void process(ConsumerRecord<String, String> r) {
        String outcome;
        try {
            outcome = moves.handle(territory, r.value()).name().toLowerCase(java.util.Locale.ROOT);
        } catch (ParticipantMoves.Unusable never) {
            outcome = "unusable";
            deadLetters.park(ParticipantMovesReplay.CONSUMER, r.topic(), r.partition(), r.offset(), r.key(), r.value(),
                    ParticipantMovesReplay.UNUSABLE, never.getMessage());
        }
        meters.counter("pathway.participant.events", "territory", territory, "outcome", outcome).increment();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
