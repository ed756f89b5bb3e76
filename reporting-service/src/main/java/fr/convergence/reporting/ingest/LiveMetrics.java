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

    LiveMetrics(MeterRegistry meters) {
        for (ApplyOutcome outcome : ApplyOutcome.values()) {
            outcomes.put(outcome, Counter.builder("reporting.events").tag("outcome", outcome.name().toLowerCase())
                    .description("records handled by the live consumer").register(meters));
        }
        delay = Timer.builder("reporting.projection.delay")
                .description("time from a record's append to Kafka to its projection")
                .publishPercentiles(0.5, 0.99).register(meters);
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
