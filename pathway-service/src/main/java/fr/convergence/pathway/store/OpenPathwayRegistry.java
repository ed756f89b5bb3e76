package fr.convergence.pathway.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Enforces "one open pathway per participant" across aggregates: a hire first claims the participant with a
 * document keyed by the participant's id (a second concurrent claim hits the unique {@code _id}).
 *
 * <p>A claim is never released explicitly, so a crash can never leave two open pathways: a claim pointing to a
 * pathway that does not exist (the hire failed after claiming) or that has ended is taken over by the next
 * hire with a conditional replace on {@code {_id, pathwayId}}.
 */
public class OpenPathwayRegistry {

    private final MongoCollection<Document> claims;

    public OpenPathwayRegistry(MongoCollection<Document> claims) {
        this.claims = claims;
        claims.createIndex(Indexes.ascending("_id", "pathwayId"), new IndexOptions().unique(true).name("claim"));
    }

    /** Gives up a claim for a pathway whose hire was refused, unless another hire took the claim over since. */
    public void release(String participantId, String pathwayId) {
        claims.deleteOne(new Document("_id", participantId).append("pathwayId", pathwayId));
    }

    /**
     * Claims the participant for {@code pathwayId}. Returns the id of the pathway that blocks the claim, if any.
     *
     * @param stillOpen tells whether a previously claimed pathway is still open
     */
    public Optional<String> claim(String participantId, String pathwayId, Predicate<String> stillOpen) {
        Document existing = claims.find(new Document("_id", participantId)).first();
        if (existing == null) {
            try {
                claims.insertOne(new Document("_id", participantId).append("pathwayId", pathwayId));
                return Optional.empty();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return Optional.of("(concurrent hire)");
                }
                throw e;
            }
        }
        String previous = existing.getString("pathwayId");
        if (previous.equals(pathwayId)) {
            return Optional.empty();
        }
        if (stillOpen.test(previous)) {
            return Optional.of(previous);
        }
        long replaced = claims.replaceOne(new Document("_id", participantId).append("pathwayId", previous),
                new Document("_id", participantId).append("pathwayId", pathwayId)).getModifiedCount();
        return replaced == 1 ? Optional.empty() : Optional.of("(concurrent hire)");
    }
}
