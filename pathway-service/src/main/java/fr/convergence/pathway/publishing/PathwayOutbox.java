package fr.convergence.pathway.publishing;

import fr.convergence.kit.kafka.IntegrationEventPublisher;
import fr.convergence.kit.kafka.OutgoingRecord;
import fr.convergence.kit.outbox.DrainLanes;
import fr.convergence.pathway.store.Appended;
import fr.convergence.pathway.store.PublishedMarks;
import fr.convergence.pathway.store.StoredEvent;
import fr.convergence.pathway.store.StoredStream;
import fr.convergence.pathway.store.StreamDocumentStorageEngine;
import fr.convergence.pathway.store.StreamDocumentStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Publishes each stream's new events to Kafka right after the write that stored them, in stream order.
 *
 * <ul>
 *   <li>The events of an append are handed over as they were stored ({@link Appended}): publishing them reads
 *   nothing. The stream is read back only when this process cannot tell that everything before them is on Kafka
 *   (after a restart, a Kafka outage, or events appended elsewhere).</li>
 *   <li>A stream is always drained by the same single-threaded lane (hash of its id), so its events leave in
 *   order and two drains of one stream never race.</li>
 *   <li>Events are marked published only after Kafka acknowledged them (acks=all), and the marks are written in
 *   batches off the command path ({@link PublishedMarks}): a crash in between publishes them again, and consumers
 *   drop the duplicate by event id — published once in effect.</li>
 *   <li>When Kafka is down, commands are still accepted; the stream waits in a retry set, retried with back-off
 *   until the broker returns. At start-up, one scan recovers what a crash left pending.</li>
 * </ul>
 */
public class PathwayOutbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PathwayOutbox.class);
    /** Streams whose publication position this process remembers (the most recently written ones). */
    private static final int REMEMBERED_STREAMS = 100_000;

    private final StreamDocumentStorageEngine store;
    private final StreamDocumentStore documents;
    private final PublishedMarks marks;
    private final PathwayContract contract;
    private final Publisher publisher;
    private final DrainLanes lanes;
    private final Timer lag;
    private final Map<String, Queue<Appended>> handedOver = new ConcurrentHashMap<>();
    /** How far this process published each stream, and how far it was handed events of it. */
    private final Map<String, long[]> positions = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > REMEMBERED_STREAMS;
        }
    });

    /** Where records go: Kafka ({@link IntegrationEventPublisher#publish}); throws when they were not acknowledged. */
    @FunctionalInterface
    public interface Publisher {
        void publish(List<OutgoingRecord> records) throws IntegrationEventPublisher.PublicationFailedException;
    }

    public PathwayOutbox(StreamDocumentStorageEngine store, PublishedMarks marks, PathwayContract contract,
                         Publisher publisher, MeterRegistry meters) {
        this.store = store;
        this.documents = store.documents();
        this.marks = marks;
        this.contract = contract;
        this.publisher = publisher;
        this.lanes = new DrainLanes("pathway-outbox", 4, this::drain, meters);
        this.lag = Timer.builder("convergence.outbox.publication.lag")
                .description("from an event's storage to Kafka's acknowledgement").publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** Called after every successful append with what it stored; returns at once. */
    public void appended(Appended appended) {
        handedOver.computeIfAbsent(appended.streamId(), id -> new ConcurrentLinkedQueue<>()).add(appended);
        synchronized (positions) {
            long[] position = positions.computeIfAbsent(appended.streamId(), id -> new long[] {-1, 0});
            position[1] = Math.max(position[1], appended.version());
        }
        lanes.schedule(appended.streamId());
    }

    /** Publishes whatever the stream has pending, reading it from the store; returns at once. */
    public void schedule(String streamId) {
        lanes.schedule(streamId);
    }

    /** Re-schedules every stream that a previous run left with unpublished events. */
    public int recoverPending() {
        List<String> pending = documents.pendingPublication();
        pending.forEach(this::schedule);
        if (!pending.isEmpty()) {
            log.info("outbox: {} stream(s) had unpublished events at start-up; publishing them", pending.size());
        }
        return pending.size();
    }

    void drain(String streamId) throws IntegrationEventPublisher.PublicationFailedException {
        List<Appended> batches = new ArrayList<>();
        Queue<Appended> queue = handedOver.remove(streamId);
        if (queue != null) {
            batches.addAll(queue);
        }
        long[] position = positions.get(streamId);
        long published = position == null ? -1 : position[0];
        if (!batches.isEmpty() && contiguous(batches, published)) {
            long from = Math.max(published, batches.get(0).publishedBefore());
            List<OutgoingRecord> records = new ArrayList<>();
            List<StoredEvent> events = new ArrayList<>();
            for (Appended batch : batches) {
                StoredStream stream = batch.asStream();
                for (StoredEvent e : batch.events()) {
                    if (e.message().getSequenceNumber() >= from) {
                        records.add(contract.toRecord(stream, e));
                        events.add(e);
                    }
                }
            }
            published(streamId, records, events, batches.get(batches.size() - 1).version());
            return;
        }
        if (batches.isEmpty() && position != null && position[0] >= position[1]) {
            return; // everything handed over is already published (a drain scheduled twice)
        }
        StoredStream stream = store.load(streamId).orElse(null);
        if (stream == null) {
            return;
        }
        long from = Math.max(published, stream.publishedVersion());
        if (from >= stream.version()) {
            remember(streamId, stream.version());
            return;
        }
        List<StoredEvent> events = stream.events().stream().filter(e -> e.message().getSequenceNumber() >= from).toList();
        published(streamId, events.stream().map(e -> contract.toRecord(stream, e)).toList(), events, stream.version());
    }

    /** Whether these batches follow one another from where this process (or the stored mark) says publication is. */
    private static boolean contiguous(List<Appended> batches, long published) {
        long next = Math.max(published, batches.get(0).publishedBefore());
        if (next < batches.get(0).firstSequence()) {
            return false;
        }
        for (int i = 1; i < batches.size(); i++) {
            if (batches.get(i).firstSequence() != batches.get(i - 1).version()) {
                return false;
            }
        }
        return true;
    }

    private void published(String streamId, List<OutgoingRecord> records, List<StoredEvent> events, long version)
            throws IntegrationEventPublisher.PublicationFailedException {
        if (!records.isEmpty()) {
            publisher.publish(records);
        }
        Instant acknowledged = Instant.now();
        events.forEach(e -> lag.record(Duration.between(e.message().getTimestamp(), acknowledged)));
        remember(streamId, version);
        marks.mark(streamId, version);
    }

    private void remember(String streamId, long version) {
        synchronized (positions) {
            long[] position = positions.computeIfAbsent(streamId, id -> new long[] {-1, 0});
            position[0] = Math.max(position[0], version);
            position[1] = Math.max(position[1], version);
        }
    }

    /** Streams currently waiting for Kafka. */
    public int waiting() {
        return lanes.waiting();
    }

    @Override
    public void close() throws InterruptedException {
        lanes.close();
        marks.close();
    }
}
