package fr.convergence.pathway.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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

    /**
     * Participants whose history was audited, with their read counts: the first {@code limit} that {@code include}
     * admits (an auditor of one territory is shown the participants of that territory only).
     */
    public List<Map<String, Object>> overview(int limit, Predicate<String> include) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (MongoCursor<Document> all = reads.find().iterator()) {
            while (all.hasNext() && out.size() < limit) {
                Document d = all.next();
                if (include.test(d.getString("_id"))) {
                    out.add(Map.of("participantId", d.getString("_id"),
                            "reads", d.getList("reads", Document.class, List.of()).size()));
                }
            }
        }
        return out;
    }
}
