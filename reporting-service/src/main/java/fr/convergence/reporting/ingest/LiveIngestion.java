package fr.convergence.reporting.ingest;

import fr.convergence.kit.kafka.KafkaClients;
import fr.convergence.reporting.store.ActiveGeneration;
import fr.convergence.reporting.store.Generation;
import fr.convergence.reporting.store.Projections;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The live consumer (group {@code reporting-service.national}) writing into the active generation. A rebuild
 * hands over to it: stop, move the pointer, restart on the new generation from the rebuild's positions.
 */
@Component
public class LiveIngestion implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveIngestion.class);

    private final KafkaClients kafka;
    private final IngestProperties properties;
    private final ActiveGeneration active;
    private final Projections projections;
    private final RecordHandler handler;
    private final LiveMetrics metrics;
    private StreamConsumer consumer;
    private Thread thread;

    public LiveIngestion(KafkaClients kafka, IngestProperties properties, ActiveGeneration active,
                         Projections projections, RecordHandler handler, MeterRegistry meters) {
        this.kafka = kafka;
        this.properties = properties;
        this.active = active;
        this.projections = projections;
        this.handler = handler;
        this.metrics = new LiveMetrics(meters);
    }

    @Override
    public synchronized void start() {
        if (properties.enabled()) {
            launch(Map.of());
        }
    }

    private void launch(Map<TopicPartition, Long> positions) {
        Generation generation = active.current();
        consumer = new StreamConsumer(kafka, properties.groupId(),
                properties.metadataMaxAgeMs(), projections.projector(generation), handler, positions,
                metrics);
        thread = new Thread(consumer, "reporting-live-g" + generation.number());
        thread.setDaemon(true);
        thread.start();
        log.info("live consumer {} started on generation {}", properties.groupId(), generation.number());
    }

    /** Called by a rebuild once it has caught up: the new generation becomes active and live. */
    public synchronized void handOver(Generation next, Map<TopicPartition, Long> positions) {
        halt();
        active.swapTo(next);
        log.info("active generation is now {}", next.number());
        if (properties.enabled()) {
            launch(positions);
        }
    }

    private void halt() {
        if (consumer != null) {
            consumer.shutdown();
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer = null;
        }
    }

    @Override
    public synchronized void stop() {
        halt();
    }

    @Override
    public synchronized boolean isRunning() {
        return consumer != null;
    }
}
