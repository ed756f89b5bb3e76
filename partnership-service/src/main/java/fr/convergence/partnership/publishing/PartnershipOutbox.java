package fr.convergence.partnership.publishing;

import fr.convergence.kit.kafka.IntegrationEventPublisher;
import fr.convergence.kit.outbox.DrainLanes;
import fr.convergence.kit.kafka.OutgoingRecord;
import fr.convergence.partnership.store.OutboxCollection;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Drains the in-document outboxes (partners, referrals) to Kafka right after each write.
 * <ul>
 *   <li>One document is always drained by the same single-threaded lane, so its events leave in order.</li>
 *   <li>Before publishing, the document's derived indexes are re-synced (idempotent), so a crash between the write
 *   and the index update heals on the next drain or at start-up.</li>
 *   <li>Events are cleared from the outbox only after Kafka acknowledged them (acks=all); a crash in between
 *   publishes them again with the same event ids (consumers deduplicate).</li>
 *   <li>While Kafka is down, writes are still accepted; documents wait in a retry set, retried with back-off.
 *   At start-up one scan per collection recovers what a crash left pending.</li>
 * </ul>
 */
public class PartnershipOutbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartnershipOutbox.class);

    private final Map<String, OutboxCollection> collections;
    private final IntegrationEventPublisher publisher;
    private final DrainLanes lanes;

    public PartnershipOutbox(List<OutboxCollection> collections, IntegrationEventPublisher publisher, MeterRegistry meters) {
        this.collections = collections.stream().collect(Collectors.toMap(OutboxCollection::name, Function.identity()));
        this.publisher = publisher;
        this.lanes = new DrainLanes("partnership-outbox", 2, this::drain, meters);
    }

    /** Called after every successful write; returns at once. */
    public void schedule(String collection, String id) {
        lanes.schedule(collection + "/" + id);
    }

    /** Re-schedules every document a previous run left with unpublished events; one scan per collection. */
    public int recoverPending() {
        int total = 0;
        for (OutboxCollection c : collections.values()) {
            List<String> ids = c.pendingIds();
            ids.forEach(id -> schedule(c.name(), id));
            total += ids.size();
        }
        if (total > 0) {
            log.info("outbox: {} document(s) had unpublished events at start-up; publishing them", total);
        }
        return total;
    }

    /** Drains one {@code collection/id} key; throws (and is retried) while Kafka cannot take its events. */
    void drain(String key) throws IntegrationEventPublisher.PublicationFailedException {
        int slash = key.indexOf('/');
        String collection = key.substring(0, slash);
        String id = key.substring(slash + 1);
        OutboxCollection c = collections.get(collection);
        Document doc = c.load(id);
        if (doc == null) {
            return;
        }
        c.afterCommit(doc);
        List<OutgoingRecord> records = c.outbox(doc);
        if (records.isEmpty() && !Boolean.TRUE.equals(doc.getBoolean("pending"))) {
            return;
        }
        if (!records.isEmpty()) {
            publisher.publish(records);
        }
        long version = doc.get("version", Number.class).longValue();
        if (!c.markPublished(id, version, records.stream().map(OutgoingRecord::eventId).toList())) {
            schedule(collection, id); // changed meanwhile: drain the rest
        }
    }

    public int waiting() {
        return lanes.waiting();
    }

    @Override
    public void close() throws InterruptedException {
        lanes.close();
    }
}
