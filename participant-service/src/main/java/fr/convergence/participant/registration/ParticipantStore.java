package fr.convergence.participant.registration;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import fr.convergence.participant.domain.ParticipantStatus;
import fr.convergence.participant.publishing.OutboxEntry;
import fr.convergence.participant.publishing.Outboxed;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static fr.convergence.participant.publishing.Outboxed.ID;
import static fr.convergence.participant.publishing.Outboxed.VERSION;

/**
 * Collection {@code participants}: one document per participant, {@code _id} = pseudonymous id. Holds the
 * sealed personal data, the blind-index hashes used by search, and the outbox of the participant's events.
 */
class ParticipantStore {

    static final String COLLECTION = "participants";
    static final String TERRITORY = "territory";
    static final String ACI = "aciId";
    static final String REFERENT = "referentId";
    static final String STATUS = "status";
    static final String ERASED = "erased";
    static final String PERSONAL = "personal";
    static final String LAST_NAME_INDEX = "lastNameIndex";
    static final String FIRST_NAME_INDEX = "firstNameIndex";
    static final String REGISTERED_AT = "registeredAt";
    static final String ERASED_AT = "erasedAt";

    private final MongoCollection<Document> participants;

    ParticipantStore(MongoCollection<Document> participants) {
        this.participants = participants;
        participants.createIndex(Indexes.ascending(ID, VERSION), new IndexOptions().unique(true).name("id_version"));
        // Secondary indexes a real MongoDB needs for search (the stand-in ignores non-unique ones and scans).
        participants.createIndex(Indexes.ascending(ACI, STATUS, ID), new IndexOptions().name("by_aci_status"));
        participants.createIndex(Indexes.ascending(TERRITORY, STATUS, ID), new IndexOptions().name("by_territory_status"));
        participants.createIndex(Indexes.ascending(ACI, LAST_NAME_INDEX, ID), new IndexOptions().name("by_aci_name"));
        participants.createIndex(Indexes.ascending(TERRITORY, LAST_NAME_INDEX, ID), new IndexOptions().name("by_territory_name"));
        participants.createIndex(Indexes.ascending(Outboxed.PENDING), new IndexOptions().name("pending_outbox"));
    }

    /** Inserts a new participant with its first events; false if the random id was already taken. */
    boolean insert(Document state, List<OutboxEntry> events) {
        try {
            participants.insertOne(Outboxed.newDocument(state, events));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    Optional<StoredParticipant> load(String id) {
        return Optional.ofNullable(participants.find(new Document(ID, id))
                .projection(new Document(Outboxed.OUTBOX, 0).append(Outboxed.HISTORY, 0)).first())
                .map(ParticipantStore::toStored);
    }

    /** The published JSON of the participant's events, oldest first. */
    List<String> history(String id) {
        Document doc = participants.find(new Document(ID, id)).projection(new Document(Outboxed.HISTORY, 1)).first();
        return doc == null ? List.of() : Outboxed.history(doc);
    }

    /** Applies a change with its events if the participant is still at {@code version}. */
    boolean change(String id, long version, Document set, Document unset, List<OutboxEntry> events) {
        return participants.updateOne(Outboxed.expecting(id, version),
                Outboxed.change(version, set, unset, events)).getMatchedCount() == 1;
    }

    /**
     * A page of participants matching plain equality on the given fields. The filter is a plain document (never
     * {@code $and}); on a real MongoDB it is served by the indexes above, on the stand-in it scans.
     */
    List<StoredParticipant> search(Document filter, int skip, int limit) {
        List<StoredParticipant> page = new ArrayList<>();
        participants.find(filter).projection(new Document(Outboxed.OUTBOX, 0).append(Outboxed.HISTORY, 0)).sort(new Document(ID, 1))
                .skip(skip).limit(limit).forEach(d -> page.add(toStored(d)));
        return page;
    }

    long count(Document filter) {
        return participants.countDocuments(filter);
    }

    private static StoredParticipant toStored(Document d) {
        return new StoredParticipant(d.getString(ID), d.getString(TERRITORY), d.getString(ACI), d.getString(REFERENT),
                ParticipantStatus.valueOf(d.getString(STATUS)), d.getString(PERSONAL),
                instant(d.getString(REGISTERED_AT)), instant(d.getString(ERASED_AT)), Outboxed.version(d));
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
