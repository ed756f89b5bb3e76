package fr.convergence.partnership.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import fr.convergence.partnership.domain.FollowUpGroup;
import fr.convergence.partnership.domain.FollowUpRole;
import fr.convergence.partnership.privacy.PersonalText;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

import static fr.convergence.partnership.store.Docs.*;

/**
 * {@code followup_groups}: one document per participant, {@code _id = territory|participantId}. Members' names and
 * organisations are stored sealed with the person's data key ({@code nameSealed}, {@code organisationSealed}), never
 * in clear; a document written before sealing (clear {@code name}) is read as it is and sealed at its next save, or
 * scrubbed by erasure.
 */
public class FollowUpStore {

    static final String NAME = "nameSealed";
    static final String ORGANISATION = "organisationSealed";
    static final String ERASED_AT = "erasedAt";

    private final MongoCollection<Document> groups;
    private final PersonalText text;

    public FollowUpStore(MongoDatabase db, PersonalText text) {
        this.groups = db.getCollection("followup_groups");
        this.text = text;
        groups.createIndex(Indexes.ascending(ID, VERSION), new IndexOptions().unique(true).name("id_version"));
    }

    public Versioned<FollowUpGroup> load(String territory, String participantId) {
        Document d = groups.find(new Document(ID, Keys.participant(territory, participantId))).first();
        if (d == null) {
            return new Versioned<>(new FollowUpGroup(territory, participantId, List.of(), false), 0);
        }
        List<Document> members = d.getList("members", Document.class, List.of());
        byte[] key = members.isEmpty() ? null : text.keyOf(territory, participantId);
        return new Versioned<>(new FollowUpGroup(territory, participantId, members.stream().map(m -> new FollowUpGroup.Member(
                m.getString("memberId"), FollowUpRole.valueOf(m.getString("role")),
                opened(m, "name", NAME, key, territory, participantId),
                opened(m, "organisation", ORGANISATION, key, territory, participantId),
                date(m, "startsOn"), date(m, "endsOn"))).toList(), d.get(ERASED_AT) != null), version(d));
    }

    /** The clear value of a document written before sealing, else the sealed one opened (null once erased). */
    private static String opened(Document member, String clearField, String sealedField, byte[] key, String territory,
                                 String participantId) {
        String clear = member.getString(clearField);
        return clear != null ? clear
                : PersonalText.open(key, territory, participantId, sealedField, member.getString(sealedField));
    }

    /** Conditional save: false when someone else saved first. */
    public boolean save(FollowUpGroup group, long expectedVersion) {
        String id = Keys.participant(group.territory(), group.participantId());
        List<Document> members = group.members().stream().map(m -> new Document("memberId", m.memberId())
                .append("role", m.role().name())
                .append(NAME, text.seal(group.territory(), group.participantId(), NAME, m.name()))
                .append(ORGANISATION, text.seal(group.territory(), group.participantId(), ORGANISATION, m.organisation()))
                .append("startsOn", str(m.startsOn())).append("endsOn", str(m.endsOn()))).toList();
        if (expectedVersion == 0) {
            try {
                groups.insertOne(new Document(ID, id).append("territory", group.territory())
                        .append("participantId", group.participantId()).append(VERSION, 1L).append("members", members));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return groups.updateOne(new Document(ID, id).append(VERSION, expectedVersion),
                new Document("$set", new Document("members", members).append(VERSION, expectedVersion + 1)))
                .getMatchedCount() == 1;
    }

    /**
     * Erases the person's follow-up text: destroys their data key (what backups hold opens no more), then rewrites
     * the group with roles and dates only and marks it erased (so that no member joins afterwards). Idempotent: a
     * redelivered erasure finds nothing left to remove. The version moves on, so a save prepared before the erasure
     * fails its condition and reloads the erased group.
     */
    public void erase(String territory, String participantId, Instant at) {
        text.forget(territory, participantId);
        String id = Keys.participant(territory, participantId);
        Document d = groups.find(new Document(ID, id)).first();
        List<Document> scrubbed = d == null ? List.of() : d.getList("members", Document.class, List.of()).stream()
                .map(m -> new Document("memberId", m.getString("memberId")).append("role", m.getString("role"))
                        .append("startsOn", m.getString("startsOn")).append("endsOn", m.getString("endsOn"))).toList();
        long version = d == null ? 0 : version(d);
        groups.updateOne(new Document(ID, id), new Document("$set", new Document("members", scrubbed)
                        .append(ERASED_AT, d != null && d.get(ERASED_AT) != null ? d.get(ERASED_AT) : at.toString())
                        .append(VERSION, version + 1))
                        .append("$setOnInsert", new Document("territory", territory).append("participantId", participantId)),
                new UpdateOptions().upsert(true));
    }
}
