package fr.convergence.partnership.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import fr.convergence.kit.kafka.OutgoingRecord;
import fr.convergence.partnership.domain.PartnerDomain;
import fr.convergence.partnership.domain.Referral;
import fr.convergence.partnership.domain.ReferralReasons;
import fr.convergence.partnership.domain.ReferralStatus;
import org.bson.Document;

import java.util.List;
import java.util.Optional;

import static fr.convergence.partnership.store.Docs.*;

/**
 * {@code referrals}: one document per referral ({@code _id = referralId}) with its history and outbox.
 * {@code partner_referrals}: one document per partner ({@code _id = partnerId}) summarising its referrals, and the
 * participant's document in {@code participants} lists theirs: both derived from the referral document after
 * each write (and again on every outbox drain), so lists are one exact read.
 */
public class ReferralStore {

    private static final String PUBLISHED = "published";
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final OutboxCollection referrals;
    private final MongoCollection<Document> byPartner;
    private final ParticipantStore participants;

    public ReferralStore(MongoDatabase db, ParticipantStore participants) {
        this.byPartner = db.getCollection("partner_referrals");
        this.participants = participants;
        this.referrals = new OutboxCollection("referrals", db.getCollection("referrals"), this::syncIndexes);
    }

    public OutboxCollection outboxCollection() {
        return referrals;
    }

    public void insert(Referral referral, List<OutgoingRecord> events) {
        referrals.collection().insertOne(toDocument(referral).append(VERSION, 1L).append(PENDING, true)
                .append(OUTBOX, Docs.outboxEntries(events)).append(PUBLISHED, published(events)));
    }

    public boolean update(Referral referral, long expectedVersion, List<OutgoingRecord> events) {
        Document set = toDocument(referral);
        set.remove(ID);
        set.append(VERSION, expectedVersion + 1).append(PENDING, true);
        return referrals.collection().updateOne(new Document(ID, referral.id()).append(VERSION, expectedVersion),
                new Document("$set", set).append("$push",
                        new Document(OUTBOX, new Document("$each", Docs.outboxEntries(events)))
                                .append(PUBLISHED, new Document("$each", published(events))))).getMatchedCount() == 1;
    }

    /**
     * A referral and the integration events it produced, oldest first, for the participant's audit history.
     * {@code published} may be shorter than the referral's steps for a referral written before events were kept:
     * its first steps then have no stored event (one step = one event, so the missing ones are the oldest).
     */
    public record ReferralEvents(Referral referral, List<String> published) {
    }

    public Optional<ReferralEvents> events(String referralId) {
        return Optional.ofNullable(referrals.load(referralId)).map(d -> new ReferralEvents(fromDocument(d),
                d.getList(PUBLISHED, Document.class, List.of()).stream().map(e -> e.getString("json")).toList()));
    }

    /**
     * Events stay in the document after the outbox is cleared, for the audit. They carry the pseudonymous
     * participant id, never a name, so keeping them adds no personal data.
     */
    private static List<Document> published(List<OutgoingRecord> events) {
        return events.stream().map(r -> new Document("eventId", r.eventId()).append("json", r.json())).toList();
    }

    /**
     * Removes a free-text reason (one written before reasons became codes) from the referral, its kept
     * {@code published[]} events and its outbox, for the person's erasure. Codes stay. The version moves on, so a
     * transition prepared before it fails its condition and reloads. True when something was removed; false when
     * nothing was left (idempotent).
     */
    public boolean eraseText(String referralId) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Document d = referrals.load(referralId);
            if (d == null) {
                return false;
            }
            String reason = d.getString("reason");
            boolean reasonIsText = reason != null && !ReferralReasons.CODE.matcher(reason).matches();
            List<Document> published = withoutTextReasons(d.getList(PUBLISHED, Document.class, List.of()));
            List<Document> outbox = withoutTextReasons(d.getList(OUTBOX, Document.class, List.of()));
            if (!reasonIsText && published == null && outbox == null) {
                return false;
            }
            Document set = new Document(VERSION, version(d) + 1);
            if (reasonIsText) {
                set.append("reason", null);
            }
            if (published != null) {
                set.append(PUBLISHED, published);
            }
            if (outbox != null) {
                set.append(OUTBOX, outbox);
            }
            if (referrals.collection().updateOne(new Document(ID, referralId).append(VERSION, version(d)),
                    new Document("$set", set)).getMatchedCount() == 1) {
                return true;
            }
        }
        throw new IllegalStateException("referral " + referralId + " kept changing during its erasure; retried later");
    }

    /** The entries with any free-text {@code data.reason} removed from their JSON, or null when none had one. */
    private static List<Document> withoutTextReasons(List<Document> entries) {
        boolean changed = false;
        List<Document> result = new java.util.ArrayList<>();
        for (Document entry : entries) {
            String json = entry.getString("json");
            if (json != null && json.contains("\"reason\"")) {
                tools.jackson.databind.JsonNode event = JSON.readTree(json);
                tools.jackson.databind.JsonNode reason = event.path("data").path("reason");
                if (reason.isString() && !ReferralReasons.CODE.matcher(reason.asString()).matches()) {
                    ((tools.jackson.databind.node.ObjectNode) event.get("data")).remove("reason");
                    entry = new Document(entry).append("json", JSON.writeValueAsString(event));
                    changed = true;
                }
            }
            result.add(entry);
        }
        return changed ? result : null;
    }

    public Optional<Versioned<Referral>> load(String referralId) {
        return Optional.ofNullable(referrals.load(referralId)).map(d -> new Versioned<>(fromDocument(d), version(d)));
    }

    public void syncIndexes(Document referralDoc) {
        Referral r = fromDocument(referralDoc);
        Document summary = new Document("referralId", r.id()).append("participantId", r.participantId())
                .append("partnerId", r.partnerId()).append("domain", r.domain().name())
                .append("status", r.status().name()).append("outcome", r.outcome())
                .append("proposedOn", str(r.proposedOn())).append("updatedOn", str(r.lastStepOn()));
        byPartner.updateOne(new Document(ID, r.partnerId()),
                new Document("$set", new Document("referrals." + Keys.field(r.id()), summary)),
                new UpdateOptions().upsert(true));
        participants.syncReferral(r.territory(), r.participantId(), summary);
    }

    /** Summaries of a partner's referrals (one exact read). */
    public List<Document> ofPartner(String partnerId) {
        Document doc = byPartner.find(new Document(ID, partnerId)).first();
        if (doc == null || doc.get("referrals") == null) {
            return List.of();
        }
        return doc.get("referrals", Document.class).values().stream().map(v -> (Document) v).toList();
    }

    static Document toDocument(Referral r) {
        return new Document(ID, r.id()).append("territory", r.territory()).append("participantId", r.participantId())
                .append("partnerId", r.partnerId()).append("domain", r.domain().name())
                .append("status", r.status().name()).append("outcome", r.outcome()).append("reason", r.reason())
                .append("history", r.history().stream().map(s -> new Document("status", s.status().name())
                        .append("on", str(s.on())).append("by", s.by())).toList());
    }

    static Referral fromDocument(Document d) {
        return new Referral(d.getString(ID), d.getString("territory"), d.getString("participantId"),
                d.getString("partnerId"), PartnerDomain.valueOf(d.getString("domain")),
                ReferralStatus.valueOf(d.getString("status")), d.getString("outcome"), d.getString("reason"),
                d.getList("history", Document.class, List.of()).stream().map(s -> new Referral.Step(
                        ReferralStatus.valueOf(s.getString("status")), date(s, "on"), s.getString("by"))).toList());
    }
}
