package fr.convergence.partnership.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Binary;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/**
 * One AES-256 data key per participant of a territory ({@code _id = territory|participantId}), in collection
 * {@code personal_keys} of a database of its own ({@code <database>_keys}): the only thing that opens the personal
 * text partnership-service keeps about that person (follow-up group members' names and organisations). Erasure
 * destroys the key: the text becomes unreadable at once in the live store and in every backup of the data database
 * (crypto-erasure, as participant-service does). Keys are not wrapped by a master key here (see SECURITY.md):
 * separating them from the data is what erasure needs; their database deserves its own credentials and backups.
 */
public class PersonalTextKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> keys;

    public PersonalTextKeys(MongoCollection<Document> keys) {
        this.keys = keys;
    }

    /** The person's key, or empty if none was ever made or it was destroyed (erased). */
    public Optional<byte[]> find(String territory, String participantId) {
        Document d = keys.find(new Document("_id", id(territory, participantId))).first();
        return d == null ? Optional.empty() : Optional.of(d.get("key", Binary.class).getData());
    }

    /** The person's key, made on first use (a concurrent maker wins: its key is the one read back). */
    public byte[] getOrCreate(String territory, String participantId) {
        Optional<byte[]> existing = find(territory, participantId);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        try {
            keys.insertOne(new Document("_id", id(territory, participantId)).append("key", new Binary(key))
                    .append("createdAt", Instant.now().toString()));
            return key;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return find(territory, participantId).orElseThrow();
            }
            throw e;
        }
    }

    /** Destroys the person's key for good; idempotent. */
    public void destroy(String territory, String participantId) {
        keys.deleteOne(new Document("_id", id(territory, participantId)));
    }

    private static String id(String territory, String participantId) {
        return territory + "|" + participantId;
    }
}
