package fr.convergence.reporting.ingest;

import fr.convergence.reporting.store.ApplyOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the live consumer does, for Prometheus: records by outcome, and how long after reaching Kafka each
 * record was projected (the "within about a second of the streams" promise, watched rather than asserted).
 */
final class LiveMetrics implements StreamConsumer.Hooks {

    private final Map<ApplyOutcome, Counter> outcomes = new EnumMap<>(ApplyOutcome.class);
    private final Timer delay;
    private final Timer batches;
    private final Counter assignments;

    LiveMetrics(MeterRegistry meters) {
        for (ApplyOutcome outcome : ApplyOutcome.values()) {
            outcomes.put(outcome, Counter.builder("reporting.events").tag("outcome", outcome.name().toLowerCase())
                    .description("records handled by the live consumer").register(meters));
        }
        // The cumulative buckets (le=0.25 … 5 s) count since start, so "share within a second" over a whole load
        // is exact; the percentiles only cover the last two minutes.
        delay = Timer.builder("reporting.projection.delay")
                .description("time from a record's append to Kafka to its projection")
                .publishPercentiles(0.5, 0.99)
                .serviceLevelObjectives(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofSeconds(5))
                .register(meters);
        batches = Timer.builder("reporting.batch").description("a polled batch folded, written and committed")
                .register(meters);
        assignments = Counter.builder("reporting.consumer.assignments")
                .description("partition assignments (a rebalance, e.g. a new territory's topic, pauses the consumer)")
                .register(meters);
    }

    @Override
    public void written(int records, long nanos) {
        batches.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    @Override
    public void onAssigned(org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer,
                           java.util.Collection<org.apache.kafka.common.TopicPartition> partitions) {
        assignments.increment();
    }

    @Override
    public void handled(ConsumerRecord<String, String> record, ApplyOutcome outcome) {
        outcomes.get(outcome).increment();
        long millis = System.currentTimeMillis() - record.timestamp();
        if (millis >= 0) {
            delay.record(Duration.ofMillis(millis));
        }
    }
}
