package fr.convergence.kit.kafka;

import fr.convergence.kit.deadletter.DeadLetterReplay;
import fr.convergence.kit.deadletter.DeadLetterStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The platform's one Kafka consumer loop: a consumer of one group on its own thread, record by record, at least once.
 * <ul>
 *   <li>Offsets are committed by hand, only for records the handler finished (applied, or parked): a record is never
 *   skipped by a commit made before it was dealt with.</li>
 *   <li>A failure the service calls the record's own ({@link Poison}: unparseable, inconsistent, refused by a rule) is
 *   parked in the dead letters with its reason, counted, and the loop goes on with the next record.</li>
 *   <li>Any other failure (the store or the command bus away) is transient: what was finished is committed, the
 *   consumer seeks back to the failed record and tries it again after a pause that doubles from 0.5 s to 10 s; nothing
 *   is parked, so an outage never fills the dead letters. Handlers are therefore idempotent (dedup by event id or
 *   stream sequence is theirs: it lives with the data it protects).</li>
 *   <li>Should the consumer itself fail (a commit refused after a rebalance, say), it is closed and a new one resumes
 *   from the last commit after the same pause.</li>
 *   <li>{@link #close()} wakes the poll, ends the pause and waits for the thread, which closes the consumer.</li>
 * </ul>
 * Clients come from {@link KafkaClients}, so every loop gets the instance's TLS/SASL settings. Metrics, when asked
 * for: {@code <name>{outcome}} per record the handler finished and {@code <name>.dead_lettered} per parked record,
 * both with the loop's tags (the store counts {@code convergence.dead_letters{consumer,reason}} besides).
 */
public final class ConsumerLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);
    static final long FIRST_PAUSE_MS = 500;
    static final long LONGEST_PAUSE_MS = 10_000;
    private static final ConsumerRebalanceListener NO_REBALANCE = new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }
    };

    /** Applies one record and says what happened (counted as its outcome); throws when it could not. */
    @FunctionalInterface
    public interface RecordHandler {
        String handle(ConsumerRecord<String, String> record);
    }

    /**
     * Which failures are the record's own: the reason and detail of its dead letter, or empty for a transient failure
     * (retried, never parked).
     */
    @FunctionalInterface
    public interface Poison {
        Optional<DeadLetterReplay.Failure> of(RuntimeException failure);
    }

    /** What a loop reads: its consumer group, its topics or a pattern, and how much one poll takes. */
    public record Reading(String group, List<String> topics, Pattern pattern, int maxPollRecords,
                          int metadataMaxAgeMs, ConsumerRebalanceListener rebalance) {
        public Reading {
            Objects.requireNonNull(group, "group");
            if ((topics == null) == (pattern == null)) {
                throw new IllegalArgumentException("a consumer loop reads topics or a pattern, one of the two");
            }
        }

        /** These topics (one created later is picked up within the metadata age). */
        public static Reading topics(String group, int maxPollRecords, int metadataMaxAgeMs, String... topics) {
            return new Reading(group, List.of(topics), null, maxPollRecords, metadataMaxAgeMs, null);
        }

        /** Every topic matching {@code pattern}, those created later too. */
        public static Reading pattern(String group, Pattern pattern, int maxPollRecords, int metadataMaxAgeMs) {
            return new Reading(group, null, pattern, maxPollRecords, metadataMaxAgeMs, null);
        }

        /** The same, told of each assignment and revocation (e.g. to seek a newly assigned partition). */
        public Reading withRebalance(ConsumerRebalanceListener listener) {
            return new Reading(group, topics, pattern, maxPollRecords, metadataMaxAgeMs, listener);
        }
    }

    /** What a loop does with a record: the handler, which of its failures are poison, where poison is parked. */
    public record Handling(RecordHandler handler, Poison poison, DeadLetterStore deadLetters, String consumerName) {
        public Handling {
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(poison, "poison");
            Objects.requireNonNull(deadLetters, "dead letters");
            Objects.requireNonNull(consumerName, "the name the service's DeadLetterReplay answers to");
        }
    }

    /** What a loop counts: {@code name{tags,outcome}}, {@code name.dead_lettered{tags}}; {@code expected} at zero. */
    public record Counting(MeterRegistry meters, String name, Tags tags, List<String> expected) {
        public static Counting none() {
            return new Counting(null, null, Tags.empty(), List.of());
        }
    }

    private final KafkaClients kafka;
    private final Properties config = new Properties();
    private final Reading reading;
    private final Handling handling;
    private final Counting counting;
    private final Counter deadLettered;
    private final Thread thread;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running = true;
    private boolean started;
    private boolean closed;
    private volatile KafkaConsumer<String, String> consumer;

    /** A loop on a thread of its own ({@code daemon}: whether it may be left running when the JVM exits). */
    public ConsumerLoop(KafkaClients kafka, Reading reading, Handling handling, Counting counting, String threadName,
                        boolean daemon) {
        this.kafka = kafka;
        this.reading = reading;
        this.handling = handling;
        this.counting = counting;
        this.deadLettered = counting.meters() == null ? null : Counter.builder(counting.name() + ".dead_lettered")
                .tags(counting.tags()).description("records parked in the dead letters").register(counting.meters());
        if (counting.meters() != null) {
            counting.expected().forEach(this::outcome);   // a dashboard sees each series at zero
        }
        config.put(ConsumerConfig.GROUP_ID_CONFIG, reading.group());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a topic created after the group is read from its first record
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, reading.metadataMaxAgeMs());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, reading.maxPollRecords());
        // a record of an aborted transaction must never apply
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // made here, not on the thread: a client the instance's settings cannot make stops the start
        this.consumer = kafka.consumer(config);
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(daemon);
    }

    public synchronized ConsumerLoop start() {
        if (closed) {
            throw new IllegalStateException("the consumer loop of " + reading.group() + " is closed");
        }
        thread.start();
        started = true;
        return this;
    }

    public String group() {
        return reading.group();
    }

    /** Whether the loop's thread is still running (it ends only on {@link #close()} or an Error). */
    public boolean alive() {
        return thread.isAlive();
    }

    private void run() {
        long pause = FIRST_PAUSE_MS;
        try {
            while (running) {
                KafkaConsumer<String, String> c = consumer;
                try {
                    subscribe(c);
                    while (running) {
                        pause = pollOnce(c, pause);
                    }
                } catch (WakeupException closing) {
                    // close() woke the poll
                } catch (RuntimeException e) {
                    log.error("consumer of {} failed; resuming from its last commit in {} ms", reading.group(), pause,
                            e);
                } finally {
                    c.close(Duration.ofSeconds(5));
                }
                if (!running || !rest(pause)) {
                    return;
                }
                pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
                consumer = kafka.consumer(config);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void subscribe(KafkaConsumer<String, String> c) {
        ConsumerRebalanceListener listener = reading.rebalance() != null ? reading.rebalance() : NO_REBALANCE;
        if (reading.pattern() != null) {
            c.subscribe(reading.pattern(), listener);
        } else {
            c.subscribe(reading.topics(), listener);
        }
    }

    /** One poll and its records; returns the pause before the next retry. */
    private long pollOnce(KafkaConsumer<String, String> c, long pause) throws InterruptedException {
        ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
            return pause;
        }
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        TopicPartition failedAt = null;
        long failedOffset = 0;
        outer:
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<String, String> r : records.records(tp)) {
                if (!running) {
                    break outer;
                }
                try {
                    process(r);
                    done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                } catch (RuntimeException transientFailure) {
                    log.warn("could not apply {}:{}:{} (group {}); retrying in {} ms ({})", r.topic(), r.partition(),
                            r.offset(), reading.group(), pause, transientFailure.toString());
                    failedAt = tp;
                    failedOffset = r.offset();
                    break outer;
                }
            }
        }
        if (!done.isEmpty()) {
            c.commitSync(done);
        }
        if (failedAt == null) {
            return FIRST_PAUSE_MS;   // (or closed mid-batch: what is not committed comes again to the next start)
        }
        for (TopicPartition tp : records.partitions()) {   // what is not finished comes again
            long next = tp.equals(failedAt) ? failedOffset
                    : done.containsKey(tp) ? done.get(tp).offset() : records.records(tp).get(0).offset();
            c.seek(tp, next);
        }
        rest(pause);
        return Math.min(pause * 2, LONGEST_PAUSE_MS);
    }

    /** Applies a record, or parks it when the failure is its own; a transient failure (or a parking one) is thrown. */
    private void process(ConsumerRecord<String, String> r) {
        String outcome;
        try {
            outcome = handling.handler().handle(r);
        } catch (RuntimeException failure) {
            Optional<DeadLetterReplay.Failure> own = handling.poison().of(failure);
            if (own.isEmpty()) {
                throw failure;
            }
            handling.deadLetters().park(handling.consumerName(), r.topic(), r.partition(), r.offset(), r.key(),
                    r.value(), own.get().reason(), own.get().detail());
            if (deadLettered != null) {
                deadLettered.increment();
            }
            return;
        }
        if (counting.meters() != null && outcome != null) {
            outcome(outcome).increment();
        }
    }

    private Counter outcome(String outcome) {
        return Counter.builder(counting.name()).tags(counting.tags()).tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .description("records consumed, by outcome").register(counting.meters());
    }

    /** Waits {@code ms}, or less when the loop is closed; false when it was closed. */
    private boolean rest(long ms) throws InterruptedException {
        return !stopping.await(ms, TimeUnit.MILLISECONDS) && running;
    }

    /** Stops the loop and waits for its thread (which closes the consumer); a second call does nothing. */
    @Override
    public void close() throws InterruptedException {
        boolean polling;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            polling = started;
        }
        running = false;
        stopping.countDown();
        if (!polling) {
            consumer.close(Duration.ZERO);   // never polled: nobody else will close it
            return;
        }
        consumer.wakeup();
        thread.join(10_000);
    }
}
