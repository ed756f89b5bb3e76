package fr.convergence.partnership.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code history_reads}: who read a participant's history, when and why (one insert per read, never read back
 * by the service itself: an accountability trail, like the access logs of the other services).
 */
public class HistoryReadLog {

    private final MongoCollection<Document> reads;

    public HistoryReadLog(MongoDatabase db) {
        this.reads = db.getCollection("history_reads");
    }

    public void record(String territory, String participantId, String by, String purpose, Instant at,
                       String correlationId) {
        reads.insertOne(new Document(Docs.ID, UUID.randomUUID().toString()).append("territory", territory)
                .append("participantId", participantId).append("by", by).append("purpose", purpose)
                .append("at", Docs.str(at)).append("correlationId", correlationId));
    }
}
