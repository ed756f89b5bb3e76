package fr.convergence.partnership.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code history_reads}: who read a participant's history, when and why (one insert per read: an accountability
 * trail, like the access logs of the other services), read back by auditors, newest first. On a real MongoDB the
 * {@code {participantId: 1, at: -1}} index serves that read; the stand-in scans (an auditor's occasional read).
 */
public class HistoryReadLog {

    private final MongoCollection<Document> reads;

    public HistoryReadLog(MongoDatabase db) {
        this.reads = db.getCollection("history_reads");
        reads.createIndex(new Document("participantId", 1).append("at", -1),
                new com.mongodb.client.model.IndexOptions().name("participantId_at"));
    }

    /** One read of a participant's history: who, when, why. */
    public record Read(String at, String by, String purpose, String correlationId) {
    }

    /** The reads of one participant's history in this territory, newest first, and how many there are in all. */
    public java.util.Map.Entry<Long, java.util.List<Read>> of(String territory, String participantId, int page, int size) {
        Document filter = new Document("territory", territory).append("participantId", participantId);
        java.util.List<Read> items = new java.util.ArrayList<>();
        reads.find(filter).sort(new Document("at", -1)).skip(page * size).limit(size).forEach(d ->
                items.add(new Read(d.getString("at"), d.getString("by"), d.getString("purpose"), d.getString("correlationId"))));
        return java.util.Map.entry(reads.countDocuments(filter), items);
    }

    public void record(String territory, String participantId, String by, String purpose, Instant at,
                       String correlationId) {
        reads.insertOne(new Document(Docs.ID, UUID.randomUUID().toString()).append("territory", territory)
                .append("participantId", participantId).append("by", by).append("purpose", purpose)
                .append("at", Docs.str(at)).append("correlationId", correlationId));
    }
}
