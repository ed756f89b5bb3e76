package fr.convergence.pathway.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every audit read is itself recorded: who, when, which participant, what was read, under which correlation id.
 * A read is ONE insert of its own small document in {@code audit_read_entries} (issue 20 goal 3): no document is
 * ever rewritten, so recording costs the same on the thousandth read as on the first, and no person's log can grow
 * into MongoDB's 16 MB document limit (the earlier log {@code $push}ed every read into one document per person).
 * A person's reads are found by the index {@code {participantId: 1, at: 1}} on a real MongoDB (a scan on the
 * stand-in: an auditor's occasional read). Reads recorded by earlier versions in {@code audit_reads} are still
 * read, as the oldest part.
 */
public class AuditReads {

    private final MongoCollection<Document> legacy;
    private final MongoCollection<Document> entries;

    public AuditReads(MongoCollection<Document> legacy, MongoCollection<Document> entries) {
        this.legacy = legacy;
        this.entries = entries;
        entries.createIndex(new Document("participantId", 1).append("at", 1), new IndexOptions().name("participant_at"));
    }

    public void record(String participantId, String auditor, String what, String correlationId) {
        entries.insertOne(new Document("participantId", participantId).append("at", Instant.now().toString())
                .append("auditor", auditor).append("what", what).append("correlationId", correlationId));
    }

    /** Oldest first: the earlier versions' reads, then the recorded ones in time order. */
    public List<Map<String, Object>> of(String participantId) {
        List<Map<String, Object>> out = new ArrayList<>();
        Document old = legacy.find(new Document("_id", participantId)).first();
        if (old != null) {
            old.getList("reads", Document.class, List.of()).forEach(d -> out.add(Map.copyOf(d)));
        }
        try (MongoCursor<Document> mine = entries.find(new Document("participantId", participantId))
                .sort(new Document("at", 1)).iterator()) {
            mine.forEachRemaining(d -> out.add(entry(d)));
        }
        return out;
    }

    /**
     * Participants whose history was audited, with their read counts: the first {@code limit} that {@code include}
     * admits (an auditor of one territory is shown the participants of that territory only).
     */
    public List<Map<String, Object>> overview(int limit, Predicate<String> include) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (MongoCursor<Document> all = legacy.find().iterator()) {
            all.forEachRemaining(d -> counts.merge(d.getString("_id"), d.getList("reads", Document.class, List.of()).size(),
                    Integer::sum));
        }
        try (MongoCursor<Document> all = entries.find().projection(new Document("participantId", 1)).iterator()) {
            all.forEachRemaining(d -> counts.merge(d.getString("participantId"), 1, Integer::sum));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            if (include.test(c.getKey())) {
                out.add(Map.of("participantId", c.getKey(), "reads", c.getValue()));
            }
        }
        return out;
    }

    private static Map<String, Object> entry(Document d) {
        Map<String, Object> e = new LinkedHashMap<>();
        for (String field : List.of("at", "auditor", "what", "correlationId")) {
            if (d.get(field) != null) {
                e.put(field, d.get(field));
            }
        }
        return Map.copyOf(e);
    }
}
