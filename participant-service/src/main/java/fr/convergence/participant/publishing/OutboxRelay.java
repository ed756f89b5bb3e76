package fr.convergence.participant.publishing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.result.UpdateResult;
import fr.convergence.kit.kafka.IntegrationEventPublisher;
import fr.convergence.kit.kafka.OutgoingRecord;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static fr.convergence.participant.publishing.Outboxed.*;

/**
 * Drains the outbox of a document to Kafka right after the write that filled it, off the request thread.
 *
 * <ul>
 *   <li>One document is always drained by the same single-threaded lane (hash of collection and id), so its
 *   events leave in order and two drains of it never race.</li>
 *   <li>Entries are marked published only after Kafka acknowledged them (acks=all, see
 *   {@link IntegrationEventPublisher}); a crash in between sends them again with the same eventId, which
 *   consumers deduplicate.</li>
 *   <li>When Kafka is down, writes are still accepted; the document waits in a retry set retried with back-off.
 *   At start-up one scan per collection recovers what a crash left pending (never a periodic sweep: on the
 *   stand-in every such query scans).</li>
 * </ul>
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int LANES = 4;

    private final Map<String, MongoCollection<Document>> sources = new ConcurrentHashMap<>();
    private final IntegrationEventPublisher publisher;
    private final ExecutorService[] lanes = new ExecutorService[LANES];
    private final Set<Target> scheduled = ConcurrentHashMap.newKeySet();
    private final Set<Target> waitingForKafka = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "participant-outbox-retry"));
    private volatile long backoffMillis = 500;

    private record Target(String source, String id) {
    }

    public OutboxRelay(IntegrationEventPublisher publisher, MeterRegistry meters) {
        this.publisher = publisher;
        for (int i = 0; i < LANES; i++) {
            String name = "participant-outbox-lane-" + i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> daemon(r, name));
        }
        if (meters != null) {
            Gauge.builder("convergence.outbox.documents.waiting", waitingForKafka, Set::size)
                    .description("documents whose events wait for Kafka").register(meters);
        }
        retries.schedule(this::retryWaiting, backoffMillis, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Declares a collection of outboxed documents under a name used in {@link #schedule}. */
    public OutboxRelay source(String name, MongoCollection<Document> collection) {
        sources.put(name, collection);
        return this;
    }

    /** Called after every successful write; returns at once. */
    public void schedule(String source, String id) {
        Target target = new Target(source, id);
        if (scheduled.add(target)) {
            lanes[Math.floorMod(target.hashCode(), LANES)].execute(() -> {
                scheduled.remove(target);
                drain(target);
            });
        }
    }

    /** Re-schedules every document a previous run left with unpublished events: one scan per collection. */
    public int recoverPending() {
        int count = 0;
        for (Map.Entry<String, MongoCollection<Document>> source : sources.entrySet()) {
            List<String> ids = new ArrayList<>();
            source.getValue().find(new Document(PENDING, true)).projection(new Document(ID, 1))
                    .forEach(d -> ids.add(d.getString(ID)));
            ids.forEach(id -> schedule(source.getKey(), id));
            count += ids.size();
        }
        if (count > 0) {
            log.info("outbox: {} document(s) had unpublished events at start-up; publishing them", count);
        }
        return count;
    }

    /** Documents currently waiting for Kafka. */
    public int waiting() {
        return waitingForKafka.size();
    }

    void drain(Target target) {
        MongoCollection<Document> collection = sources.get(target.source());
        try {
            Document doc = collection.find(new Document(ID, target.id()))
                    .projection(new Document(VERSION, 1).append(PUBLISHED_VERSION, 1).append(OUTBOX, 1)).first();
            if (doc == null) {
                return;
            }
            long version = version(doc);
            long published = doc.get(PUBLISHED_VERSION, Number.class).longValue();
            if (published >= version) {
                waitingForKafka.remove(target);
                return;
            }
            List<OutgoingRecord> records = doc.getList(OUTBOX, Document.class, List.of()).stream()
                    .map(OutboxEntry::fromDocument)
                    .filter(e -> e.seq() > published)
                    .map(e -> new OutgoingRecord(e.topic(), e.key(), e.eventId(), e.correlationId(), e.json()))
                    .toList();
            publisher.publish(records);
            markPublished(collection, target, version);
            waitingForKafka.remove(target);
        } catch (IntegrationEventPublisher.PublicationFailedException | RuntimeException e) {
            if (waitingForKafka.add(target)) {
                log.warn("outbox: {} {} waits for Kafka ({})", target.source(), target.id(), e.getMessage());
            }
        }
    }

    /**
     * Empties the outbox if nothing was added since it was read; otherwise only advances publishedVersion
     * (never backwards, hence $max) and drains again for the newer entries.
     */
    private void markPublished(MongoCollection<Document> collection, Target target, long version) {
        UpdateResult exact = collection.updateOne(expecting(target.id(), version), new Document("$set",
                new Document(PUBLISHED_VERSION, version).append(PENDING, false).append(OUTBOX, List.of())));
        if (exact.getMatchedCount() == 0) {
            collection.updateOne(new Document(ID, target.id()),
                    new Document("$max", new Document(PUBLISHED_VERSION, version)));
            schedule(target.source(), target.id());
        }
    }

    private void retryWaiting() {
        try {
            if (!waitingForKafka.isEmpty()) {
                List.copyOf(waitingForKafka).forEach(t -> schedule(t.source(), t.id()));
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
