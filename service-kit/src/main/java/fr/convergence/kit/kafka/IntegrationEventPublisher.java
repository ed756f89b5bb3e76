package fr.convergence.kit.kafka;

import fr.convergence.kit.web.Correlation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes integration events with an idempotent producer and acks=all, and returns only once the broker
 * has acknowledged every record of the batch: callers (outboxes) mark their events published after that,
 * so an event is never marked published without being on the log.
 */
public class IntegrationEventPublisher implements AutoCloseable {

    public static final String EVENT_ID_HEADER = "eventId";

    private final KafkaClients kafka;
    private final Properties props = new Properties();
    private volatile KafkaProducer<String, String> producer;
    private final Counter published;
    private final Counter resets;

    public IntegrationEventPublisher(KafkaClients kafka, MeterRegistry meters) {
        this.kafka = kafka;
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        // Do not block a request thread for a minute when the broker is down: the outbox keeps the events.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        this.producer = kafka.producer(props);
        this.published = Counter.builder("convergence.events.published")
                .description("integration events acknowledged by Kafka").register(meters);
        this.resets = Counter.builder("convergence.events.producer.resets")
                .description("producers discarded after a failed publication").register(meters);
    }

    /**
     * Sends the records one after the other, each only once the broker has acknowledged the one before. Why not
     * all at once: a partition's records then travel in several batches, and when the broker restarts a later
     * batch can be written while an earlier one expires (seen in the reliability suite: 0, 3..19, then 1, 2 on
     * the log). One record in flight per stream means a failure leaves nothing after it on the log; the retry
     * resumes from the first unacknowledged record, so a stream's first occurrences stay in order.
     */
    public void publish(List<OutgoingRecord> records) throws PublicationFailedException {
        KafkaProducer<String, String> current = producer;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (OutgoingRecord r : records) {
                ProducerRecord<String, String> record = new ProducerRecord<>(r.topic(), r.key(), r.json());
                record.headers().add(Correlation.HEADER, r.correlationId().getBytes(StandardCharsets.UTF_8));
                record.headers().add(EVENT_ID_HEADER, r.eventId().getBytes(StandardCharsets.UTF_8));
                current.send(record).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            published.increment(records.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset(current);
            throw new PublicationFailedException(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            reset(current);
            throw new PublicationFailedException(e);
        }
    }

    /**
     * Discards a producer whose batch failed. Why: records of a failed attempt may still sit in its buffer and be
     * delivered later, after the retry's records, which would put a stream's events out of order on the log.
     * Closing without waiting aborts them; the retry then republishes from the last acknowledged position.
     */
    private synchronized void reset(KafkaProducer<String, String> failed) {
        if (producer != failed) {
            return; // another lane already replaced it
        }
        producer = kafka.producer(props);
        failed.close(java.time.Duration.ZERO);
        resets.increment();
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }

    public static class PublicationFailedException extends Exception {
        public PublicationFailedException(Throwable cause) {
            super("Kafka did not acknowledge the batch: " + cause.getMessage(), cause);
        }
    }
}
