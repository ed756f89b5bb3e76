package fr.convergence.participant.crypto;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Data keys in their own MongoDB database ({@code participant_keys_<territory>}), each wrapped with AES-256-GCM
 * under the {@link MasterKey} with its key id as associated data. Separate database = separate credentials,
 * separate (short-retention) backups: a backup of the participant data alone never holds a usable key, and a
 * destroyed key is gone from the live store at once. Documents are keyed by {@code _id} = key id.
 */
public class MongoKeyVault implements KeyVault {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> keys;
    private final MasterKey master;

    public MongoKeyVault(MongoCollection<Document> keys, MasterKey master) {
        this.keys = keys;
        this.master = master;
    }

    @Override
    public byte[] create(String keyId) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        byte[] wrapped = Aead.encrypt(master.bytes(), key, aad(keyId));
        try {
            keys.insertOne(new Document("_id", keyId)
                    .append("wrapped", Base64.getEncoder().encodeToString(wrapped))
                    .append("master", master.fingerprint())
                    .append("createdAt", Instant.now().toString()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new KeyAlreadyExists(keyId);
            }
            throw e;
        }
        return key;
    }

    @Override
    public Optional<byte[]> get(String keyId) {
        Document doc = keys.find(new Document("_id", keyId)).first();
        if (doc == null) {
            return Optional.empty();
        }
        return Optional.of(Aead.decrypt(master.bytes(), Base64.getDecoder().decode(doc.getString("wrapped")), aad(keyId)));
    }

    /** One {@code $in} on {@code _id}: served by the primary key on a real MongoDB as on the stand-in. */
    @Override
    public java.util.Map<String, byte[]> getAll(java.util.Collection<String> keyIds) {
        java.util.Map<String, byte[]> found = new java.util.HashMap<>();
        if (keyIds.isEmpty()) {
            return found;
        }
        for (Document doc : keys.find(new Document("_id", new Document("$in", java.util.List.copyOf(keyIds))))) {
            String id = doc.getString("_id");
            found.put(id, Aead.decrypt(master.bytes(), Base64.getDecoder().decode(doc.getString("wrapped")), aad(id)));
        }
        return found;
    }

    @Override
    public void destroy(String keyId) {
        keys.deleteOne(new Document("_id", keyId));
    }

    private static byte[] aad(String keyId) {
        return ("key:" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
