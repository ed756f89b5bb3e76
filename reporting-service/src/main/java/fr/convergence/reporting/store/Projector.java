package fr.convergence.reporting.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import fr.convergence.reporting.indicators.Contribution;
import fr.convergence.reporting.projection.Cell;
import fr.convergence.reporting.projection.Contributions;
import fr.convergence.reporting.projection.ParticipantEvent;
import fr.convergence.reporting.projection.ParticipantFolding;
import fr.convergence.reporting.projection.ReferenceData;
import fr.convergence.reporting.projection.PathwayEvent;
import fr.convergence.reporting.projection.PathwayFacts;
import fr.convergence.reporting.projection.PathwayFolding;
import fr.convergence.reporting.projection.ReferralEvent;
import fr.convergence.reporting.projection.ReferralState;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies events to one generation's collections, through a unit of work: {@code apply*} folds an event onto
 * the buffered state (a pathway's facts are read once, then kept; cell share changes are merged per cell;
 * parked inserts and deletes are buffered too), {@link #flush()} writes the whole buffer with a handful of
 * commands. Every read and write is by exact {@code _id} (the only index the MongoDB stand-in uses).
 *
 * <p>Per event, as before: read the pathway's facts (buffered, else stored); skip the event if its sequence is
 * not above them, park it if it is ahead; otherwise fold it, derive the pathway's contributions before and
 * after, and record its share ({@code p.<pathwayId>}) in the cells that changed — replaced, never added to.
 *
 * <p>Flush order, chosen so that a crash anywhere is repaired by redelivery (the events since the last commit
 * come again and write the same shares, since the pathway documents still hold the old sequence):
 * <ol>
 * <li>cells (one unordered {@code bulkWrite}: each cell appears once, with every pathway share that changed);</li>
 * <li>parked inserts (a parked event must be stored before its offset is committed);</li>
 * <li>pathway documents with their new sequence (one {@code bulkWrite} of replace-upserts), and referrals;</li>
 * <li>parked deletes, last: a parked event applied in this unit is only forgotten once the sequence that
 * covers it is stored (if we crash before, the leftover is never looked up again).</li>
 * </ol>
 * A record whose handling fails changes nothing: its result is computed aside and merged into the buffer only
 * on success. A failed flush keeps the buffer (writes are idempotent: the next flush writes it again);
 * {@link #discard()} drops it when its consumer restarts from its last commit.
 *
 * <p>Synchronized because the live consumer and a dead-letter retry may apply to the same generation: the
 * retry flushes at once (which also writes the consumer's pending work: harmless, it is what the consumer
 * would write before committing).
 */
public class Projector {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final Document ABSENT = new Document();

    private final Generation generation;
    private final MongoCollection<Document> pathways;
    private final MongoCollection<Document> cells;
    private final MongoCollection<Document> parked;
    private final MongoCollection<Document> referrals;
    private final MongoCollection<Document> territories;
    private final MongoCollection<Document> acis;
    private final MongoCollection<Document> participants;

    // the unit of work (guarded by this)
    private final Map<String, PathwayFacts> pathwayBuffer = new LinkedHashMap<>();
    private final Map<String, CellShares> cellBuffer = new LinkedHashMap<>();
    private final Map<String, Document> parkedInserts = new LinkedHashMap<>();
    private final Set<String> parkedDeletes = new LinkedHashSet<>();
    private final Map<String, ReferralState> referralBuffer = new LinkedHashMap<>();
    /** Reference data of the participant stream, per collection name then document id. */
    private final Map<String, Map<String, Object>> referenceBuffer = new LinkedHashMap<>();
    /** Stored pathway documents read ahead for a batch (one query instead of one per pathway); never stale: every
     * write to the store goes through {@link #flush()}, which drops them. */
    private final Map<String, Document> prefetched = new HashMap<>();

    public Projector(MongoDatabase database, Generation generation) {
        this.generation = generation;
        this.pathways = database.getCollection(generation.pathways());
        this.cells = database.getCollection(generation.cells());
        this.parked = database.getCollection(generation.parked());
        this.referrals = database.getCollection(generation.referrals());
        this.territories = database.getCollection(generation.territories());
        this.acis = database.getCollection(generation.acis());
        this.participants = database.getCollection(generation.participants());
    }

    public Generation generation() {
        return generation;
    }

    /** Folds one pathway event onto the buffer; nothing is written until {@link #flush()}. */
    public synchronized ApplyOutcome applyPathway(PathwayEvent event) {
        PathwayFacts before = facts(event.pathwayId());
        // before the sequence checks: a foreign event is neither a harmless duplicate nor worth parking
        PathwayFolding.requireSameTerritory(before, event);
        if (event.sequence() <= before.lastSequence) {
            return ApplyOutcome.DUPLICATE;
        }
        if (event.sequence() > before.lastSequence + 1) {
            // Kafka keeps one participant's order, so a gap means a lost or dead-lettered event: wait for it.
            String id = parkedId(event.pathwayId(), event.sequence());
            parkedDeletes.remove(id);
            parkedInserts.put(id, StoreCodec.toDocument(event).append("_id", id));
            if (before.parkedUpTo != null && before.parkedUpTo < event.sequence()) {
                PathwayFacts marked = before.copy();   // written after the parked insert (flush order)
                marked.parkedUpTo = event.sequence();
                pathwayBuffer.put(marked.pathwayId, marked);
            }
            log.warn("pathway {} event {} parked: expected sequence {}, got {}", event.pathwayId(), event.eventId(),
                    before.lastSequence + 1, event.sequence());
            return ApplyOutcome.PARKED;
        }
        // computed aside, merged only once everything succeeded: a failing record leaves the buffer as it was
        Map<String, CellShares> changes = new LinkedHashMap<>();
        PathwayFacts current = fold(before, event, changes);
        List<String> drained = new ArrayList<>();
        // the parked successors that are now next in sequence, each looked up by its exact id; none can exist past
        // parkedUpTo, which spares the lookup for the (usual) pathway that never had a gap
        while (current.parkedUpTo == null || current.lastSequence < current.parkedUpTo) {
            String id = parkedId(current.pathwayId, current.lastSequence + 1);
            Document next = parkedEvent(id);
            if (next == null) {
                break;
            }
            next = new Document(next);
            next.remove("_id");
            PathwayEvent successor = StoreCodec.fromDocument(next, PathwayEvent.class);
            current = fold(current, successor, changes);
            drained.add(id);
        }
        changes.forEach((cellId, shares) -> cellBuffer.merge(cellId, shares, CellShares::then));
        pathwayBuffer.put(current.pathwayId, current);
        for (String id : drained) {
            parkedInserts.remove(id);
            parkedDeletes.add(id);
            log.info("pathway {} parked event {} applied", current.pathwayId, id);
        }
        return ApplyOutcome.APPLIED;
    }

    private static PathwayFacts fold(PathwayFacts before, PathwayEvent event, Map<String, CellShares> changes) {
        PathwayFacts after = PathwayFolding.apply(before, event);
        Map<Cell, Contribution> was = Contributions.of(before);
        Map<Cell, Contribution> now = Contributions.of(after);
        String field = "p." + StoreCodec.fieldSafe(event.pathwayId());
        Set<Cell> touched = new HashSet<>(was.keySet());
        touched.addAll(now.keySet());
        for (Cell cell : touched) {
            Contribution old = was.get(cell);
            Contribution share = now.get(cell);
            if (!Objects.equals(old, share)) {
                changes.computeIfAbsent(cell.id(), id -> new CellShares(cell)).shares.put(field, share);
            }
        }
        return after;
    }

    /** Reads the stored documents of these pathways in one query, for the records of a batch about to be applied. */
    public synchronized void prefetch(Collection<String> pathwayIds) {
        List<String> missing = pathwayIds.stream().distinct()
                .filter(id -> !pathwayBuffer.containsKey(id) && !prefetched.containsKey(id)).toList();
        if (missing.size() < 2) {
            return;   // one exact read later costs the same
        }
        for (Document doc : pathways.find(new Document("_id", new Document("$in", missing)))) {
            prefetched.put(doc.getString("_id"), doc);
        }
        missing.forEach(id -> prefetched.putIfAbsent(id, ABSENT));
    }

    private PathwayFacts facts(String pathwayId) {
        PathwayFacts buffered = pathwayBuffer.get(pathwayId);
        if (buffered != null) {
            return buffered; // never mutated: folding copies
        }
        Document read = prefetched.get(pathwayId);
        Document doc = read == ABSENT ? null
                : read != null ? new Document(read) : pathways.find(new Document("_id", pathwayId)).first();
        if (doc == null) {
            return PathwayFacts.empty(pathwayId);
        }
        doc.remove("_id");
        return StoreCodec.fromDocument(doc, PathwayFacts.class);
    }

    private Document parkedEvent(String id) {
        if (parkedDeletes.contains(id)) {
            return null;
        }
        Document buffered = parkedInserts.get(id);
        return buffered != null ? buffered : parked.find(new Document("_id", id)).first();
    }

    /** Folds one referral event onto the buffer (a status never goes back); written by {@link #flush()}. */
    public synchronized ApplyOutcome applyReferral(ReferralEvent event) {
        ReferralState before = referralBuffer.get(event.referralId());
        if (before == null) {
            Document doc = referrals.find(new Document("_id", event.referralId())).first();
            if (doc != null) {
                doc.remove("_id");
                before = StoreCodec.fromDocument(doc, ReferralState.class);
            }
        }
        ReferralState after = ReferralState.apply(before, event);
        if (after.equals(before)) {
            return ApplyOutcome.DUPLICATE;
        }
        referralBuffer.put(event.referralId(), after);
        return ApplyOutcome.APPLIED;
    }

    /**
     * Folds one participant-stream event onto the buffer: a territory, an ACI or a participant's age band, each one
     * document replaced as a whole (never incremented), so a redelivery writes the same documents again. Types
     * reporting does not use are ignored.
     */
    public synchronized ApplyOutcome applyParticipant(ParticipantEvent event) {
        return switch (ParticipantFolding.subject(event)) {
            case TERRITORY -> reference(territories, event, ReferenceData.Territory.class, ParticipantFolding::territory);
            case ACI -> reference(acis, event, ReferenceData.Aci.class, ParticipantFolding::aci);
            case PARTICIPANT -> reference(participants, event, ReferenceData.Participant.class,
                    ParticipantFolding::participant);
            case OTHER -> ApplyOutcome.IGNORED;
        };
    }

    private <T> ApplyOutcome reference(MongoCollection<Document> collection, ParticipantEvent event, Class<T> type,
                                       java.util.function.BiFunction<T, ParticipantEvent, T> fold) {
        String id = ParticipantFolding.key(event);
        Map<String, Object> buffered = referenceBuffer.computeIfAbsent(collection.getNamespace().getCollectionName(),
                k -> new LinkedHashMap<>());
        @SuppressWarnings("unchecked")
        T before = buffered.containsKey(id) ? (T) buffered.get(id) : stored(collection, id, type);
        T after = fold.apply(before, event);
        if (after == before || after == null) {
            return ApplyOutcome.DUPLICATE;
        }
        buffered.put(id, after);
        return ApplyOutcome.APPLIED;
    }

    private static <T> T stored(MongoCollection<Document> collection, String id, Class<T> type) {
        Document doc = collection.find(new Document("_id", id)).first();
        if (doc == null) {
            return null;
        }
        doc.remove("_id");
        return StoreCodec.fromDocument(doc, type);
    }

    /** Whether anything applied since the last flush is still only in memory. */
    public synchronized boolean pending() {
        return !(pathwayBuffer.isEmpty() && cellBuffer.isEmpty() && parkedInserts.isEmpty()
                && parkedDeletes.isEmpty() && referralBuffer.isEmpty() && referenceBuffer.isEmpty());
    }

    /**
     * Writes the buffer, in the crash-safe order (cells, parked inserts, pathways and referrals, parked
     * deletes), one command per collection and step. The buffer is cleared only once all of it is written.
     */
    public synchronized void flush() {
        if (!pending()) {
            return;
        }
        writeCells();
        bulk(parked, parkedInserts.entrySet().stream().<WriteModel<Document>>map(e ->
                new ReplaceOneModel<>(new Document("_id", e.getKey()), e.getValue(), UPSERT)).toList());
        bulk(pathways, pathwayBuffer.entrySet().stream().<WriteModel<Document>>map(e ->
                new ReplaceOneModel<>(new Document("_id", e.getKey()),
                        StoreCodec.toDocument(e.getValue()).append("_id", e.getKey()), UPSERT)).toList());
        bulk(referrals, referralBuffer.entrySet().stream().<WriteModel<Document>>map(e ->
                new ReplaceOneModel<>(new Document("_id", e.getKey()),
                        StoreCodec.toDocument(e.getValue()).append("_id", e.getKey()), UPSERT)).toList());
        for (MongoCollection<Document> reference : List.of(territories, acis, participants)) {
            bulk(reference, referenceBuffer.getOrDefault(reference.getNamespace().getCollectionName(), Map.of())
                    .entrySet().stream().<WriteModel<Document>>map(e -> new ReplaceOneModel<>(
                            new Document("_id", e.getKey()), StoreCodec.toDocument(e.getValue()).append("_id", e.getKey()),
                            UPSERT)).toList());
        }
        bulk(parked, parkedDeletes.stream().<WriteModel<Document>>map(id ->
                new DeleteOneModel<>(new Document("_id", id))).toList());
        clear();
    }

    /** Drops what is buffered: its consumer restarts from its last commit, so those records come again. */
    public synchronized void discard() {
        clear();
    }

    /** Test hook: a crash right after the cell writes (the buffer, in memory, is lost with the process). */
    synchronized void flushCellsThenCrash() {
        writeCells();
        clear();
    }

    private void writeCells() {
        List<WriteModel<Document>> writes = new ArrayList<>(cellBuffer.size());
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (Map.Entry<String, CellShares> e : cellBuffer.entrySet()) {
            writes.add(new UpdateOneModel<>(new Document("_id", e.getKey()), e.getValue().update(), upsert));
        }
        bulk(cells, writes);
    }

    private static void bulk(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, UNORDERED);
        }
    }

    private void clear() {
        prefetched.clear();
        pathwayBuffer.clear();
        cellBuffer.clear();
        parkedInserts.clear();
        parkedDeletes.clear();
        referralBuffer.clear();
        referenceBuffer.clear();
    }

    private static String parkedId(String pathwayId, long sequence) {
        return pathwayId + "|" + sequence;
    }

    /** The merged share changes of one cell: {@code p.<pathwayId>} → its new share, or null to remove it. */
    private static final class CellShares {
        private final Cell cell;
        private final Map<String, Contribution> shares = new HashMap<>();

        CellShares(Cell cell) {
            this.cell = cell;
        }

        /** This cell's changes followed by {@code later}'s: the later share of a pathway wins. */
        CellShares then(CellShares later) {
            shares.putAll(later.shares);
            return this;
        }

        Document update() {
            Document set = new Document();
            Document unset = new Document();
            shares.forEach((field, share) -> {
                if (share == null) {
                    unset.append(field, "");
                } else {
                    set.append(field, ContributionCodec.write(share));
                }
            });
            // the coordinates always: a share set then removed in one batch (an exit then its cancellation) leaves only
            // an $unset, and an upsert of an $unset alone would create a cell without territory or month
            Document update = new Document("$set", set.append("territory", cell.territory())
                    .append("aciId", cell.aciId()).append("programme", cell.programme()).append("month", cell.month()));
            if (!unset.isEmpty()) {
                update.append("$unset", unset);
            }
            return update;
        }
    }
}
