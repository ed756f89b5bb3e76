package fr.convergence.participant.accesslog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

/**
 * Every read of personal data, one document per participant ({@code _id} = pseudonymous id) holding the
 * entries appended with {@code $push}: recording is one upsert and reading one participant's log is one
 * lookup by {@code _id}, never a scan. It holds no personal data (pseudonymous id, staff id and role, purpose code), so
 * it survives the participant's erasure as the proof of who saw what.
 */
public class AccessLog {

    private final MongoCollection<Document> log;

    public AccessLog(MongoCollection<Document> log) {
        this.log = log;
    }

    public void record(String participantId, AccessEntry entry) {
        log.updateOne(new Document("_id", participantId), append(entry), new UpdateOptions().upsert(true));
    }

    /**
     * The same read of several people (the hits of a search, a caseload) recorded in ONE write command: one round
     * trip, and one commit and sync on the durable stand-in, instead of one per person. Unordered: each person's
     * entry is its own upsert; if the command fails the read fails (the caller records before it shows).
     */
    public void recordAll(java.util.Collection<String> participantIds, AccessEntry entry) {
        if (participantIds.isEmpty()) {
            return;
        }
        Document update = append(entry);
        List<com.mongodb.client.model.WriteModel<Document>> writes = new java.util.ArrayList<>(participantIds.size());
        for (String id : participantIds) {
            writes.add(new com.mongodb.client.model.UpdateOneModel<>(new Document("_id", id), update,
                    new UpdateOptions().upsert(true)));
        }
        log.bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
    }

    private static Document append(AccessEntry entry) {
        Document e = new Document("at", entry.at().toString()).append("who", entry.who())
                .append("role", entry.role()).append("purpose", entry.purpose()).append("action", entry.action())
                .append("correlationId", entry.correlationId());
        return new Document("$push", new Document("entries", e)).append("$inc", new Document("count", 1));
    }

    /** Newest first. */
    public Page page(String participantId, int page, int size) {
        Document doc = log.find(new Document("_id", participantId)).first();
        List<Document> all = doc == null ? List.of() : doc.getList("entries", Document.class, List.of());
        int total = all.size();
        int from = Math.min(total, page * size);
        int to = Math.min(total, from + size);
        List<AccessEntry> items = new java.util.ArrayList<>(to - from);
        for (int i = total - 1 - from; i > total - 1 - to; i--) {
            Document e = all.get(i);
            items.add(new AccessEntry(Instant.parse(e.getString("at")), e.getString("who"), e.getString("role"),
                    e.getString("purpose"), e.getString("action"), e.getString("correlationId")));
        }
        return new Page(participantId, page, size, total, items);
    }

    public record Page(String participantId, int page, int size, long total, List<AccessEntry> items) {
    }
}
