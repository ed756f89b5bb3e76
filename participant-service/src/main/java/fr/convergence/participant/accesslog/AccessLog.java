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
        Document e = new Document("at", entry.at().toString()).append("who", entry.who())
                .append("role", entry.role()).append("purpose", entry.purpose()).append("action", entry.action())
                .append("correlationId", entry.correlationId());
        log.updateOne(new Document("_id", participantId),
                new Document("$push", new Document("entries", e)).append("$inc", new Document("count", 1)),
                new UpdateOptions().upsert(true));
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
