package fr.convergence.pathway.publishing;

import fr.convergence.kit.kafka.IntegrationEventPublisher;
import fr.convergence.kit.kafka.OutgoingRecord;
import fr.convergence.pathway.store.StoredStream;
import fr.convergence.pathway.store.StreamDocumentStorageEngine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    private static final int LANES = 4;

    private final StreamDocumentStorageEngine store;
    private final PathwayContract contract;
    private final IntegrationEventPublisher publisher;
    private final ExecutorService[] lanes = new ExecutorService[LANES];
    private final Set<String> waitingForRetry = ConcurrentHashMap.newKeySet();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "outbox-retry"));
    private volatile long backoffMillis = 500;

    public PathwayOutbox(StreamDocumentStorageEngine store, PathwayContract contract,
                         IntegrationEventPublisher publisher, MeterRegistry meters) {
        this.store = store;
        this.contract = contract;
        this.publisher = publisher;
        for (int i = 0; i < LANES; i++) {
            int lane = i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-lane-" + lane));
        }
        Gauge.builder("convergence.outbox.streams.waiting", waitingForRetry, Set::size)
                .description("streams whose events wait for Kafka").register(meters);
        retries.schedule(this::retryWaiting, backoffMillis, TimeUnit.MILLISECONDS);
    }

    /** Called after every successful append; returns at once. */
    public void schedule(String streamId) {
        if (scheduled.add(streamId)) {
            lanes[Math.floorMod(streamId.hashCode(), LANES)].execute(() -> {
                scheduled.remove(streamId);
                drain(streamId);
            });
        }
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

    void drain(String streamId) {
        try {
            StoredStream stream = store.load(streamId).orElse(null);
            if (stream == null || stream.publishedVersion() >= stream.version()) {
                return;
            }
            List<OutgoingRecord> records = stream.events().stream()
                    .filter(e -> e.message().getSequenceNumber() >= stream.publishedVersion())
                    .map(e -> contract.toRecord(stream, e))
                    .toList();
            publisher.publish(records);
            if (!store.markPublished(streamId, stream.version())) {
                schedule(streamId); // more events arrived meanwhile
            }
            waitingForRetry.remove(streamId);
        } catch (IntegrationEventPublisher.PublicationFailedException | RuntimeException e) {
            if (waitingForRetry.add(streamId)) {
                log.warn("outbox: stream {} waits for Kafka ({})", streamId, e.getMessage());
            }
        }
    }

    private void retryWaiting() {
        try {
            if (!waitingForRetry.isEmpty()) {
                List.copyOf(waitingForRetry).forEach(this::schedule);
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            } else {
                backoffMillis = 500;
            }
        } finally {
            if (!retries.isShutdown()) {
                retries.schedule(this::retryWaiting, backoffMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Streams currently waiting for Kafka. */
    public int waiting() {
        return waitingForRetry.size();
    }

    @Override
    public void close() throws InterruptedException {
        retries.shutdownNow();
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            lane.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
