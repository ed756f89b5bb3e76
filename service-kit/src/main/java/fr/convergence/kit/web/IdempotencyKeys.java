package fr.convergence.kit.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The remembered {@code Idempotency-Key}s of one service, one document per (user, method, path, key), keyed by a
 * hash of the four so that every read and write is an exact {@code _id} match (the only shape the MongoDB stand-in
 * serves from an index). A real MongoDB expires documents after {@code retention} (TTL index on {@code expireAt});
 * the stand-in ignores TTL indexes, so there the collection grows with the writes that carried a key.
 */
public final class IdempotencyKeys {

    static final String STATE = "state";
    static final String STARTED = "started";
    static final String DONE = "done";

    public enum Outcome { CLAIMED, DONE, IN_PROGRESS, REUSED }

    public record Answer(int status, String contentType, String location, String body) {
    }

    public record Claim(Outcome outcome, Optional<Answer> answer) {
        static Claim of(Outcome outcome) {
            return new Claim(outcome, Optional.empty());
        }
    }

    private final MongoCollection<Document> keys;
    private final Duration inDoubtAfter;
    private final Duration retention;
    private final Clock clock;

    public IdempotencyKeys(MongoCollection<Document> keys, Duration inDoubtAfter, Duration retention, Clock clock) {
        this.keys = keys;
        this.inDoubtAfter = inDoubtAfter;
        this.retention = retention;
        this.clock = clock;
        keys.createIndex(Indexes.ascending("expireAt"), new IndexOptions().name("expire").expireAfter(0L, TimeUnit.SECONDS));
    }

    /** The document id of a key: the user, method and path it was used with, hashed with the key itself. */
    static String scope(String user, String method, String path, String key) {
        return sha256((user + '\n' + method + ' ' + path + '\n' + key).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims the key for a request with this body, or says why not (its kept answer, another body, still running). */
    public Claim claim(String id, String fingerprint) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            try {
                keys.insertOne(new Document("_id", id).append(STATE, STARTED).append("fingerprint", fingerprint)
                        .append("startedAt", Date.from(now)).append("expireAt", Date.from(now.plus(retention))));
                return Claim.of(Outcome.CLAIMED);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = keys.find(new Document("_id", id)).first();
            if (existing == null) {
                continue; // released in between: claim again
            }
            if (!fingerprint.equals(existing.getString("fingerprint"))) {
                return Claim.of(Outcome.REUSED);
            }
            if (DONE.equals(existing.getString(STATE))) {
                return new Claim(Outcome.DONE, Optional.of(new Answer(existing.getInteger("status"),
                        existing.getString("contentType"), existing.getString("location"), existing.getString("body"))));
            }
            Date startedAt = existing.getDate("startedAt");
            if (startedAt != null && startedAt.toInstant().plus(inDoubtAfter).isAfter(now)) {
                return Claim.of(Outcome.IN_PROGRESS);
            }
            // a claim whose process died mid-request: remove exactly that claim (a newer one stays) and try again;
            // this filter scans on the stand-in, which is acceptable on a path only a crash opens
            keys.deleteOne(new Document("_id", id).append("startedAt", startedAt).append(STATE, STARTED));
        }
        return Claim.of(Outcome.IN_PROGRESS);
    }

    /** Keeps the successful answer to replay it for the same key. */
    public void complete(String id, Answer answer) {
        Document set = new Document(STATE, DONE).append("status", answer.status())
                .append("contentType", answer.contentType()).append("location", answer.location())
                .append("body", answer.body()).append("completedAt", Date.from(clock.instant()));
        keys.updateOne(new Document("_id", id), new Document("$set", set));
    }

    /**
     * Forgets a claim whose request was refused (it stored nothing), so that a retry runs again. By {@code _id}
     * alone: the caller holds the claim, and any other filter shape would scan the collection on the stand-in.
     */
    public void release(String id) {
        keys.deleteOne(new Document("_id", id));
    }
}
