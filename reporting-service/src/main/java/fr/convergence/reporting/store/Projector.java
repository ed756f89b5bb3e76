package fr.convergence.reporting.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import fr.convergence.reporting.indicators.Contribution;
import fr.convergence.reporting.projection.Cell;
import fr.convergence.reporting.projection.Contributions;
import fr.convergence.reporting.projection.PathwayEvent;
import fr.convergence.reporting.projection.PathwayFacts;
import fr.convergence.reporting.projection.PathwayFolding;
import fr.convergence.reporting.projection.ReferralEvent;
import fr.convergence.reporting.projection.ReferralState;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies events to one generation's collections. Every read and write is by exact {@code _id} (the only index
 * the MongoDB stand-in uses). Order of writes, chosen so that a crash anywhere is repaired by redelivery:
 * <ol>
 * <li>read the pathway document (facts + last sequence); skip the event if its sequence is not above it;</li>
 * <li>fold the event, derive the pathway's contributions before and after, and {@code $set}/{@code $unset}
 * its share ({@code p.<pathwayId>}) in the cells that changed — idempotent, since a share is replaced, never
 * added to;</li>
 * <li>write the pathway document with the new sequence, last: if we crash before, the event comes again
 * and step 2 writes the same shares.</li>
 * </ol>
 * Synchronized because the live consumer and a dead-letter retry may apply to the same generation.
 */
public class Projector {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final Generation generation;
    private final MongoCollection<Document> pathways;
    private final MongoCollection<Document> cells;
    private final MongoCollection<Document> parked;
    private final MongoCollection<Document> referrals;

    public Projector(MongoDatabase database, Generation generation) {
        this.generation = generation;
        this.pathways = database.getCollection(generation.pathways());
        this.cells = database.getCollection(generation.cells());
        this.parked = database.getCollection(generation.parked());
        this.referrals = database.getCollection(generation.referrals());
    }

    public Generation generation() {
        return generation;
    }

    public synchronized ApplyOutcome applyPathway(PathwayEvent event) {
        PathwayFacts before = load(event.pathwayId());
        // before the sequence checks: a foreign event is neither a harmless duplicate nor worth parking
        PathwayFolding.requireSameTerritory(before, event);
        if (event.sequence() <= before.lastSequence) {
            return ApplyOutcome.DUPLICATE;
        }
        if (event.sequence() > before.lastSequence + 1) {
            // Kafka keeps one participant's order, so a gap means a lost or dead-lettered event: wait for it.
            parked.replaceOne(new Document("_id", parkedId(event.pathwayId(), event.sequence())),
                    StoreCodec.toDocument(event).append("_id", parkedId(event.pathwayId(), event.sequence())),
                    new ReplaceOptions().upsert(true));
            log.warn("pathway {} event {} parked: expected sequence {}, got {}", event.pathwayId(), event.eventId(),
                    before.lastSequence + 1, event.sequence());
            return ApplyOutcome.PARKED;
        }
        PathwayFacts after = apply(before, event);
        drainParked(after);
        return ApplyOutcome.APPLIED;
    }

    private PathwayFacts apply(PathwayFacts before, PathwayEvent event) {
        PathwayFacts after = PathwayFolding.apply(before, event);
        writeShares(event.pathwayId(), Contributions.of(before), Contributions.of(after));
        pathways.replaceOne(new Document("_id", event.pathwayId()),
                StoreCodec.toDocument(after).append("_id", event.pathwayId()), new ReplaceOptions().upsert(true));
        return after;
    }

    /** Applies the parked successors that are now next in sequence, each looked up by its exact id. */
    private void drainParked(PathwayFacts facts) {
        PathwayFacts current = facts;
        while (true) {
            String id = parkedId(current.pathwayId, current.lastSequence + 1);
            Document next = parked.find(new Document("_id", id)).first();
            if (next == null) {
                return;
            }
            next.remove("_id");
            PathwayEvent event = StoreCodec.fromDocument(next, PathwayEvent.class);
            current = apply(current, event);
            parked.deleteOne(new Document("_id", id));
            log.info("pathway {} parked event at sequence {} applied", current.pathwayId, event.sequence());
        }
    }

    private void writeShares(String pathwayId, Map<Cell, Contribution> before, Map<Cell, Contribution> after) {
        String field = "p." + StoreCodec.fieldSafe(pathwayId);
        Set<Cell> touched = new HashSet<>(before.keySet());
        touched.addAll(after.keySet());
        for (Cell cell : touched) {
            Contribution old = before.get(cell);
            Contribution now = after.get(cell);
            if (Objects.equals(old, now)) {
                continue;
            }
            Document update = now == null
                    ? new Document("$unset", new Document(field, ""))
                    : new Document("$set", new Document(field, ContributionCodec.write(now))
                    .append("territory", cell.territory()).append("aciId", cell.aciId())
                    .append("programme", cell.programme()).append("month", cell.month()));
            cells.updateOne(new Document("_id", cell.id()), update, new UpdateOptions().upsert(true));
        }
    }

    private PathwayFacts load(String pathwayId) {
        Document doc = pathways.find(new Document("_id", pathwayId)).first();
        if (doc == null) {
            return PathwayFacts.empty(pathwayId);
        }
        doc.remove("_id");
        return StoreCodec.fromDocument(doc, PathwayFacts.class);
    }

    public synchronized ApplyOutcome applyReferral(ReferralEvent event) {
        Document doc = referrals.find(new Document("_id", event.referralId())).first();
        ReferralState before = null;
        if (doc != null) {
            doc.remove("_id");
            before = StoreCodec.fromDocument(doc, ReferralState.class);
        }
        ReferralState after = ReferralState.apply(before, event);
        if (after.equals(before)) {
            return ApplyOutcome.DUPLICATE;
        }
        referrals.replaceOne(new Document("_id", event.referralId()),
                StoreCodec.toDocument(after).append("_id", event.referralId()), new ReplaceOptions().upsert(true));
        return ApplyOutcome.APPLIED;
    }

    private static String parkedId(String pathwayId, long sequence) {
        return pathwayId + "|" + sequence;
    }
}
