package fr.convergence.partnership.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import fr.convergence.partnership.domain.Need;
import fr.convergence.partnership.domain.NeedStatus;
import fr.convergence.partnership.domain.PartnerDomain;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.convergence.partnership.store.Docs.*;

/**
 * {@code participants}: one document per participant of the territory, {@code _id = territory|participantId}:
 * <pre>{ version, appliedEventIds: [...], exitedOn, needs: {BARRIER_DOMAIN: {...}}, referrals: {id: summary} }</pre>
 * A pathway event changes the needs and records its event id in ONE conditional update on {@code {_id, version}}:
 * a redelivered event finds its id and changes nothing.
 * {@code need_queue}: one document per territory and partner domain ({@code _id = territory|DOMAIN}) holding the
 * open needs, the chargés de partenariat's work queue; derived from the participant documents (idempotent).
 */
public class ParticipantStore {

    private final MongoCollection<Document> participants;
    private final MongoCollection<Document> queue;

    public ParticipantStore(MongoDatabase db) {
        this.participants = db.getCollection("participants");
        this.queue = db.getCollection("need_queue");
        participants.createIndex(Indexes.ascending(ID, VERSION), new IndexOptions().unique(true).name("id_version"));
    }

    /** What the consumer needs of a participant. */
    public record ParticipantState(String territory, String participantId, long version, Set<String> appliedEventIds,
                                   Map<String, Need> needs, List<Document> referrals, LocalDate exitedOn,
                                   String exitedPathwayId, String aciId) {
    }

    public ParticipantState load(String territory, String participantId) {
        String id = Keys.participant(territory, participantId);
        Document d = participants.find(new Document(ID, id)).first();
        if (d == null) {
            participants.updateOne(new Document(ID, id), new Document("$setOnInsert", new Document("territory", territory)
                    .append("participantId", participantId).append(VERSION, 0L)), new UpdateOptions().upsert(true));
            d = participants.find(new Document(ID, id)).first();
        }
        return toState(d);
    }

    public java.util.Optional<ParticipantState> find(String territory, String participantId) {
        return java.util.Optional.ofNullable(participants.find(new Document(ID, Keys.participant(territory, participantId))).first())
                .map(ParticipantStore::toState);
    }

    /**
     * Records the ACI a pathway event places the participant in (what lets a CIP see them), creating the document if
     * needed. An event recorded before the one that set the current ACI does not override it (a retried dead letter
     * must not move a participant back to an ACI they left); without a recording instant it only fills a gap.
     */
    public void recordAci(String territory, String participantId, String aciId, Instant recordedAt) {
        String id = Keys.participant(territory, participantId);
        participants.updateOne(new Document(ID, id), new Document("$setOnInsert", new Document("territory", territory)
                .append("participantId", participantId).append(VERSION, 0L)), new UpdateOptions().upsert(true));
        Document newer = recordedAt == null ? new Document("aciId", new Document("$exists", false))
                : new Document("$or", List.of(new Document("aciRecordedAt", new Document("$exists", false)),
                new Document("aciRecordedAt", new Document("$lte", Date.from(recordedAt)))));
        Document set = new Document("aciId", aciId);
        if (recordedAt != null) {
            set.append("aciRecordedAt", Date.from(recordedAt));
        }
        participants.updateOne(new Document("$and", List.of(new Document(ID, id), newer)), new Document("$set", set));
    }

    /**
     * Applies the changed needs and records the event id atomically; false when the document moved on (reload, retry).
     */
    public boolean apply(ParticipantState state, Collection<Need> changed, String eventId, LocalDate exitedOn,
                         String exitedPathwayId, boolean clearExit) {
        Document set = new Document(VERSION, state.version() + 1);
        for (Need n : changed) {
            set.append("needs." + n.barrierDomain(), needDocument(n));
        }
        if (exitedOn != null) {
            set.append("exitedOn", str(exitedOn)).append("exitedPathwayId", exitedPathwayId);
        }
        Document update = new Document("$set", set).append("$push", new Document("appliedEventIds", eventId));
        if (clearExit && exitedOn == null) {
            update.append("$unset", new Document("exitedOn", "").append("exitedPathwayId", ""));
        }
        return participants.updateOne(new Document(ID, Keys.participant(state.territory(), state.participantId()))
                .append(VERSION, state.version()), update).getMatchedCount() == 1;
    }

    /** A participant's referral summary, written from the referral document (idempotent). */
    public void syncReferral(String territory, String participantId, Document summary) {
        participants.updateOne(new Document(ID, Keys.participant(territory, participantId)),
                new Document("$set", new Document("referrals." + Keys.field(summary.getString("referralId")), summary))
                        .append("$setOnInsert", new Document("territory", territory).append("participantId", participantId)
                                .append(VERSION, 0L)),
                new UpdateOptions().upsert(true));
    }

    /**
     * Brings the work queue in line with the participant's needs (open ones listed, closed ones removed); each
     * entry says the participant's ACI and who assessed the barrier, so the chargé·e de partenariat knows whom to
     * call.
     */
    public void syncQueue(String territory, String participantId, String aciId, Collection<Need> needs) {
        for (Need n : needs) {
            String field = "open." + Keys.queueEntry(participantId, n.barrierDomain());
            Document update = n.status() == NeedStatus.OPEN
                    ? new Document("$set", new Document(field, new Document("participantId", participantId)
                    .append("barrierDomain", n.barrierDomain()).append("partnerDomain", n.partnerDomain().name())
                    .append("intensity", n.intensity()).append("handling", n.handling())
                    .append("openedOn", str(n.openedOn())).append("updatedOn", str(n.updatedOn()))
                    .append("aciId", aciId).append("assessedBy", n.assessedBy())))
                    : new Document("$unset", new Document(field, ""));
            queue.updateOne(new Document(ID, Keys.queue(territory, n.partnerDomain().name())), update,
                    new UpdateOptions().upsert(true));
        }
    }

    /** Open needs of one partner domain in the territory (one exact read). */
    public List<Document> openNeeds(String territory, PartnerDomain domain) {
        Document doc = queue.find(new Document(ID, Keys.queue(territory, domain.name()))).first();
        if (doc == null || doc.get("open") == null) {
            return List.of();
        }
        return new ArrayList<>(doc.get("open", Document.class).values().stream().map(v -> (Document) v).toList());
    }

    static Document needDocument(Need n) {
        return new Document("barrierDomain", n.barrierDomain()).append("partnerDomain", n.partnerDomain().name())
                .append("status", n.status().name()).append("intensity", n.intensity()).append("handling", n.handling())
                .append("openedOn", str(n.openedOn())).append("updatedOn", str(n.updatedOn()))
                .append("closedOn", str(n.closedOn())).append("closeReason", n.closeReason())
                .append("pathwayId", n.pathwayId()).append("sequence", n.sequence())
                .append("recordedAt", str(n.recordedAt())).append("assessedBy", n.assessedBy());
    }

    static Need need(Document d) {
        return new Need(d.getString("barrierDomain"), PartnerDomain.valueOf(d.getString("partnerDomain")),
                NeedStatus.valueOf(d.getString("status")), d.getString("intensity"), d.getString("handling"),
                date(d, "openedOn"), date(d, "updatedOn"), date(d, "closedOn"), d.getString("closeReason"),
                d.getString("pathwayId"), d.get("sequence", Number.class).longValue(), instant(d, "recordedAt"),
                d.getString("assessedBy"));
    }

    private static ParticipantState toState(Document d) {
        Map<String, Need> needs = new LinkedHashMap<>();
        Document rawNeeds = d.get("needs", Document.class);
        if (rawNeeds != null) {
            rawNeeds.forEach((k, v) -> needs.put(k, need((Document) v)));
        }
        Document rawReferrals = d.get("referrals", Document.class);
        List<Document> referrals = rawReferrals == null ? List.of()
                : rawReferrals.values().stream().map(v -> (Document) v).toList();
        return new ParticipantState(d.getString("territory"), d.getString("participantId"), version(d),
                Set.copyOf(d.getList("appliedEventIds", String.class, List.of())), needs, referrals, date(d, "exitedOn"),
                d.getString("exitedPathwayId"), d.getString("aciId"));
    }
}
