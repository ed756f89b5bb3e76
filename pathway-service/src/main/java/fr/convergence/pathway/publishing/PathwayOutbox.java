package fr.convergence.pathway.publishing;

import fr.convergence.kit.kafka.IntegrationEventPublisher;
import fr.convergence.kit.outbox.DrainLanes;
import fr.convergence.kit.kafka.OutgoingRecord;
import fr.convergence.pathway.store.StoredStream;
import fr.convergence.pathway.store.StreamDocumentStorageEngine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Drains each stream's unpublished events to Kafka right after the write that added them, in stream order.
 *
 * <ul>
 *   <li>A stream is always drained by the same single-threaded lane (hash of its id), so its events leave in
 *   order and two drains of one stream never race.</li>
 *   <li>Events are marked published only after Kafka acknowledged them (acks=all): a crash in between
 *   publishes them again, and consumers drop the duplicate by event id — published once in effect.</li>
 *   <li>When Kafka is down, commands are still accepted; the stream waits in a retry set, retried with
 *   back-off until the broker returns. At start-up, one scan recovers what a crash left pending.</li>
 * </ul>
 */
public class PathwayOutbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PathwayOutbox.class);

    private final StreamDocumentStorageEngine store;
    private final PathwayContract contract;
    private final IntegrationEventPublisher publisher;
    private final DrainLanes lanes;
    private final Timer lag;

    public PathwayOutbox(StreamDocumentStorageEngine store, PathwayContract contract,
                         IntegrationEventPublisher publisher, MeterRegistry meters) {
        this.store = store;
        this.contract = contract;
        this.publisher = publisher;
        this.lanes = new DrainLanes("pathway-outbox", 4, this::drain, meters);
        this.lag = Timer.builder("convergence.outbox.publication.lag")
                .description("from an event's storage to Kafka's acknowledgement").publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** Called after every successful append; returns at once. */
    public void schedule(String streamId) {
        lanes.schedule(streamId);
    }

    /** Re-schedules every stream that a previous run left with unpublished events. */
    public int recoverPending() {
        List<String> pending = store.streamsPendingPublication();
        pending.forEach(this::schedule);
        if (!pending.isEmpty()) {
            log.info("outbox: {} stream(s) had unpublished events at start-up; publishing them", pending.size());
        }
        return pending.size();
    }

    void drain(String streamId) throws IntegrationEventPublisher.PublicationFailedException {
        StoredStream stream = store.load(streamId).orElse(null);
        if (stream == null || stream.publishedVersion() >= stream.version()) {
            return;
        }
        List<OutgoingRecord> records = stream.events().stream()
                .filter(e -> e.message().getSequenceNumber() >= stream.publishedVersion())
                .map(e -> contract.toRecord(stream, e))
                .toList();
        publisher.publish(records);
        java.time.Instant acknowledged = java.time.Instant.now();
        stream.events().stream().filter(e -> e.message().getSequenceNumber() >= stream.publishedVersion())
                .forEach(e -> lag.record(java.time.Duration.between(e.message().getTimestamp(), acknowledged)));
        if (!store.markPublished(streamId, stream.version())) {
            schedule(streamId); // more events arrived meanwhile
        }
    }

    /** Streams currently waiting for Kafka. */
    public int waiting() {
        return lanes.waiting();
    }

    @Override
    public void close() throws InterruptedException {
        lanes.close();
    }
}
