package fr.convergence.pathway.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import java.util.Optional;

/**
 * The ACI each participant belongs to, as participant-service says on its topic (registered in, moved to): what
 * lets a hire check that the person is of the ACI hiring them. One document per participant, exact {@code _id}
 * reads and writes. Written from events in their per-participant order, so a redelivery or a replay ends in the
 * same state.
 */
public class ParticipantAcis {

    private final MongoCollection<Document> acis;

    public ParticipantAcis(MongoCollection<Document> acis) {
        this.acis = acis;
    }

    public void record(String participantId, String territory, String aciId) {
        acis.updateOne(new Document("_id", participantId),
                new Document("$set", new Document("territory", territory).append("aciId", aciId)),
                new UpdateOptions().upsert(true));
    }

    /** The participant's ACI, if participant-service's events about them have been heard. */
    public Optional<String> aciOf(String participantId) {
        return Optional.ofNullable(acis.find(new Document("_id", participantId)).first()).map(d -> d.getString("aciId"));
    }
}
