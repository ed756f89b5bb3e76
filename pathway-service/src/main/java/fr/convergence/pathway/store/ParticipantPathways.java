package fr.convergence.pathway.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import java.util.List;

/**
 * Which pathways a participant has had, keyed by the participant's pseudonymous id so that an audit finds them
 * with one exact lookup. Written before the hire command (idempotent {@code $addToSet}); an id whose hire then
 * failed points at no stream and is skipped by readers; a hire refused while the request runs is forgotten again.
 */
public class ParticipantPathways {

    private final MongoCollection<Document> index;

    public ParticipantPathways(MongoCollection<Document> index) {
        this.index = index;
    }

    public void add(String participantId, String pathwayId) {
        index.updateOne(new Document("_id", participantId),
                new Document("$addToSet", new Document("pathwayIds", pathwayId)), new UpdateOptions().upsert(true));
    }

    /** Forgets a pathway id whose hire was refused (and the participant's entry, if it was the only one). */
    public void forget(String participantId, String pathwayId) {
        index.updateOne(new Document("_id", participantId),
                new Document("$pull", new Document("pathwayIds", pathwayId)));
        index.deleteOne(new Document("_id", participantId).append("pathwayIds", new Document("$size", 0)));
    }

    public List<String> of(String participantId) {
        Document doc = index.find(new Document("_id", participantId)).first();
        return doc == null ? List.of() : doc.getList("pathwayIds", String.class, List.of());
    }
}
