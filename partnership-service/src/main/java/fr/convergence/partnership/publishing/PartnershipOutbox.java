package fr.convergence.partnership.publishing;

import fr.convergence.kit.kafka.IntegrationEventPublisher;
import fr.convergence.kit.kafka.OutgoingRecord;
import fr.convergence.partnership.store.OutboxCollection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private static final int LANES = 2;

    private final Map<String, OutboxCollection> collections;
    private final IntegrationEventPublisher publisher;
    private final ExecutorService[] lanes = new ExecutorService[LANES];
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "partnership-outbox-retry"));
    private volatile long backoffMillis = 500;

    public PartnershipOutbox(List<OutboxCollection> collections, IntegrationEventPublisher publisher, MeterRegistry meters) {
        this.collections = collections.stream().collect(Collectors.toMap(OutboxCollection::name, Function.identity()));
        this.publisher = publisher;
        for (int i = 0; i < LANES; i++) {
            int lane = i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> new Thread(r, "partnership-outbox-" + lane));
        }
        Gauge.builder("partnership.outbox.documents.waiting", waiting, Set::size)
                .description("documents whose events wait for Kafka").register(meters);
        retries.schedule(this::retryWaiting, backoffMillis, TimeUnit.MILLISECONDS);
    }

    /** Called after every successful write; returns at once. */
    public void schedule(String collection, String id) {
        String key = collection + "/" + id;
        if (scheduled.add(key)) {
            lanes[Math.floorMod(key.hashCode(), LANES)].execute(() -> {
                scheduled.remove(key);
                drain(collection, id);
            });
        }
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

    void drain(String collection, String id) {
        String key = collection + "/" + id;
        OutboxCollection c = collections.get(collection);
        try {
            Document doc = c.load(id);
            if (doc == null) {
                return;
            }
            c.afterCommit(doc);
            List<OutgoingRecord> records = c.outbox(doc);
            if (records.isEmpty() && !Boolean.TRUE.equals(doc.getBoolean("pending"))) {
                waiting.remove(key);
                return;
            }
            if (!records.isEmpty()) {
                publisher.publish(records);
            }
            long version = doc.get("version", Number.class).longValue();
            if (!c.markPublished(id, version, records.stream().map(OutgoingRecord::eventId).toList())) {
                schedule(collection, id); // changed meanwhile: drain the rest
            }
            waiting.remove(key);
        } catch (IntegrationEventPublisher.PublicationFailedException | RuntimeException e) {
            if (waiting.add(key)) {
                log.warn("outbox: {} waits for Kafka ({})", key, e.getMessage());
            }
        }
    }

    private void retryWaiting() {
        try {
            if (!waiting.isEmpty()) {
                for (String key : List.copyOf(waiting)) {
                    int slash = key.indexOf('/');
                    schedule(key.substring(0, slash), key.substring(slash + 1));
                }
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

    public int waiting() {
        return waiting.size();
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
