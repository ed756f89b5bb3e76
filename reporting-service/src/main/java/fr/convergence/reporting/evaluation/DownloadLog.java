package fr.convergence.reporting.evaluation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Collection {@code evaluation_downloads}: every download of the evaluation extract, each its own insert (never
 * updated), written before the extract is sent, so that no extract leaves unrecorded. Read by administrators and
 * auditors.
 */
@Component
public class DownloadLog {

    static final String COLLECTION = "evaluation_downloads";
    private static final int MAX_READ = 1000;

    private final MongoCollection<Document> collection;

    public DownloadLog(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** Who downloaded which extract, when, how many rows, with which filters. */
    public record Download(String id, String at, String userId, String role, String format, int rows,
                           Map<String, String> filters) {
    }

    public Download record(String userId, String role, String format, int rows, Map<String, String> filters) {
        Download d = new Download(UUID.randomUUID().toString(), Instant.now().toString(), userId, role, format, rows,
                new LinkedHashMap<>(filters));
        collection.insertOne(new Document("_id", d.id()).append("at", d.at()).append("userId", userId)
                .append("role", role).append("format", format).append("rows", rows)
                .append("filters", new Document(new LinkedHashMap<String, Object>(filters))));
        return d;
    }

    /** The latest downloads first (at most a thousand). */
    public List<Download> latest() {
        List<Download> downloads = new ArrayList<>();
        for (Document doc : collection.find().sort(new Document("at", -1)).limit(MAX_READ)) {
            Map<String, String> filters = new LinkedHashMap<>();
            Document f = doc.get("filters", Document.class);
            if (f != null) {
                f.forEach((k, v) -> filters.put(k, v == null ? null : v.toString()));
            }
            downloads.add(new Download(doc.getString("_id"), doc.getString("at"), doc.getString("userId"),
                    doc.getString("role"), doc.getString("format"), doc.getInteger("rows", 0), filters));
        }
        return downloads;
    }
}
