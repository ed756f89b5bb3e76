package fr.convergence.partnership.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import fr.convergence.partnership.domain.FollowUpGroup;
import fr.convergence.partnership.domain.FollowUpRole;
import org.bson.Document;

import java.util.List;

import static fr.convergence.partnership.store.Docs.*;

/** {@code followup_groups}: one document per participant, {@code _id = territory|participantId}. */
public class FollowUpStore {

    private final MongoCollection<Document> groups;

    public FollowUpStore(MongoDatabase db) {
        this.groups = db.getCollection("followup_groups");
        groups.createIndex(Indexes.ascending(ID, VERSION), new IndexOptions().unique(true).name("id_version"));
    }

    public Versioned<FollowUpGroup> load(String territory, String participantId) {
        Document d = groups.find(new Document(ID, Keys.participant(territory, participantId))).first();
        if (d == null) {
            return new Versioned<>(new FollowUpGroup(territory, participantId, List.of()), 0);
        }
        return new Versioned<>(new FollowUpGroup(territory, participantId, d.getList("members", Document.class, List.of())
                .stream().map(m -> new FollowUpGroup.Member(m.getString("memberId"), FollowUpRole.valueOf(m.getString("role")),
                        m.getString("name"), m.getString("organisation"), date(m, "startsOn"), date(m, "endsOn"))).toList()),
                version(d));
    }

    /** Conditional save: false when someone else saved first. */
    public boolean save(FollowUpGroup group, long expectedVersion) {
        String id = Keys.participant(group.territory(), group.participantId());
        List<Document> members = group.members().stream().map(m -> new Document("memberId", m.memberId())
                .append("role", m.role().name()).append("name", m.name()).append("organisation", m.organisation())
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
}
