package fr.convergence.participant.publishing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.result.UpdateResult;
import fr.convergence.kit.kafka.IntegrationEventPublisher;
import fr.convergence.kit.outbox.DrainLanes;
import fr.convergence.kit.kafka.OutgoingRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Map<String, MongoCollection<Document>> sources = new ConcurrentHashMap<>();
    private final IntegrationEventPublisher publisher;
    private final DrainLanes lanes;

    /** A document to drain: its collection's name and its id, as the lanes' key {@code source/id}. */
    private record Target(String source, String id) {
        static Target of(String key) {
            int slash = key.indexOf('/');
            return new Target(key.substring(0, slash), key.substring(slash + 1));
        }
    }

    public OutboxRelay(IntegrationEventPublisher publisher, MeterRegistry meters) {
        this.publisher = publisher;
        this.lanes = new DrainLanes("participant-outbox", 4, key -> drain(Target.of(key)), meters);
    }

    /** Declares a collection of outboxed documents under a name used in {@link #schedule}. */
    public OutboxRelay source(String name, MongoCollection<Document> collection) {
        sources.put(name, collection);
        return this;
    }

    /** Called after every successful write; returns at once. */
    public void schedule(String source, String id) {
        lanes.schedule(source + "/" + id);
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
        return lanes.waiting();
    }

    void drain(Target target) throws IntegrationEventPublisher.PublicationFailedException {
        MongoCollection<Document> collection = sources.get(target.source());
        Document doc = collection.find(new Document(ID, target.id()))
                .projection(new Document(VERSION, 1).append(PUBLISHED_VERSION, 1).append(OUTBOX, 1)).first();
        if (doc == null) {
            return;
        }
        long version = version(doc);
        long published = doc.get(PUBLISHED_VERSION, Number.class).longValue();
        if (published >= version) {
            return;
        }
        List<OutgoingRecord> records = doc.getList(OUTBOX, Document.class, List.of()).stream()
                .map(OutboxEntry::fromDocument)
                .filter(e -> e.seq() > published)
                .map(e -> new OutgoingRecord(e.topic(), e.key(), e.eventId(), e.correlationId(), e.json()))
                .toList();
        publisher.publish(records);
        markPublished(collection, target, version);
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

    @Override
    public void close() throws InterruptedException {
        lanes.close();
    }
}
