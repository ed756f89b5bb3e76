package fr.convergence.pathway.audit;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every audit read is itself recorded: who, when, which participant, what was read, under which correlation id.
 * One document per participant (exact {@code _id}: no scan on the stand-in) holds that person's audit reads.
 */
public class AuditReads {

    private final MongoCollection<Document> reads;

    public AuditReads(MongoCollection<Document> reads) {
        this.reads = reads;
    }

    public void record(String participantId, String auditor, String what, String correlationId) {
        Document entry = new Document("at", Instant.now().toString()).append("auditor", auditor)
                .append("what", what).append("correlationId", correlationId);
        reads.updateOne(new Document("_id", participantId), new Document("$push", new Document("reads", entry)),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    public List<Map<String, Object>> of(String participantId) {
        Document doc = reads.find(new Document("_id", participantId)).first();
        List<Map<String, Object>> out = new ArrayList<>();
        if (doc != null) {
            doc.getList("reads", Document.class, List.of()).forEach(d -> out.add(Map.copyOf(d)));
        }
        return out;
    }

    /** All participants whose history was audited, with their read counts (an administrator's overview). */
    public List<Map<String, Object>> overview(int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        reads.find().limit(limit).forEach(d -> out.add(Map.of("participantId", d.getString("_id"),
                "reads", d.getList("reads", Document.class, List.of()).size())));
        return out;
    }
}
