package fr.convergence.partnership.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static fr.convergence.partnership.store.Docs.ID;

/**
 * {@code dead_letters}: one document per parked record, {@code _id = topic:partition:offset} (parking the same
 * record twice is one document). Status PARKED until a retry succeeds (REPROCESSED). A small, cold collection:
 * its listing scans on the stand-in; a real MongoDB would serve it from an index on {status, parkedAt}.
 */
public class DeadLetterStore {

    private final MongoCollection<Document> letters;

    public DeadLetterStore(MongoDatabase db) {
        this.letters = db.getCollection("dead_letters");
        letters.createIndex(new Document("status", 1).append("parkedAt", 1),
                new com.mongodb.client.model.IndexOptions().name("status_parkedAt"));
    }

    public static String idOf(String topic, int partition, long offset) {
        return topic + ":" + partition + ":" + offset;
    }

    /** Parks a record; {@code detail} explains a reason given as a code (null otherwise). */
    public void park(String id, String topic, int partition, long offset, String key, String value, String reason,
                     String detail) {
        letters.updateOne(new Document(ID, id), new Document("$set", new Document("topic", topic)
                        .append("partition", partition).append("offset", offset).append("key", key).append("value", value)
                        .append("reason", reason).append("detail", detail).append("status", "PARKED")
                        .append("parkedAt", Instant.now().toString()))
                        .append("$inc", new Document("attempts", 1)),
                new UpdateOptions().upsert(true));
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(letters.find(new Document(ID, id)).first());
    }

    public void failedAgain(String id, String reason, String detail, String by) {
        letters.updateOne(new Document(ID, id), new Document("$set", new Document("reason", reason)
                .append("detail", detail).append("lastRetryAt", Instant.now().toString()).append("lastRetryBy", by))
                .append("$inc", new Document("attempts", 1)));
    }

    public void reprocessed(String id, String by) {
        letters.updateOne(new Document(ID, id), new Document("$set", new Document("status", "REPROCESSED")
                .append("lastRetryAt", Instant.now().toString()).append("lastRetryBy", by)));
    }

    public List<Document> list() {
        List<Document> all = new ArrayList<>();
        letters.find().sort(new Document("parkedAt", -1)).forEach(all::add);
        return all;
    }

    public MongoCollection<Document> collection() {
        return letters;
    }
}
