package fr.convergence.partnership.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.result.UpdateResult;
import fr.convergence.kit.kafka.OutgoingRecord;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A collection whose documents carry their own outbox: {@code version}, {@code pending} and {@code outbox: [...]},
 * written by the same single update that changes the document. The outbox drains it; {@code afterCommit} brings
 * the read-model indexes derived from the document up to date (idempotent, re-run on every drain and at recovery,
 * so a crash between the write and the index update heals itself).
 */
public class OutboxCollection {

    private final String name;
    private final MongoCollection<Document> collection;
    private final Consumer<Document> afterCommit;

    public OutboxCollection(String name, MongoCollection<Document> collection, Consumer<Document> afterCommit) {
        this.name = name;
        this.collection = collection;
        this.afterCommit = afterCommit;
        collection.createIndex(Indexes.ascending(Docs.ID, Docs.VERSION),
                new IndexOptions().unique(true).name("id_version"));
        // For a real MongoDB (the stand-in ignores non-unique indexes and scans): start-up recovery.
        collection.createIndex(Indexes.ascending(Docs.PENDING), new IndexOptions().name("pending_outbox"));
    }

    public String name() {
        return name;
    }

    public Document load(String id) {
        return collection.find(new Document(Docs.ID, id)).first();
    }

    public void afterCommit(Document doc) {
        afterCommit.accept(doc);
    }

    public List<OutgoingRecord> outbox(Document doc) {
        return doc.getList(Docs.OUTBOX, Document.class, List.of()).stream().map(Docs::record).toList();
    }

    /** Clears what was published; false if the document moved on meanwhile (only the published entries go). */
    public boolean markPublished(String id, long version, List<String> eventIds) {
        UpdateResult exact = collection.updateOne(new Document(Docs.ID, id).append(Docs.VERSION, version),
                new Document("$set", new Document(Docs.OUTBOX, List.of()).append(Docs.PENDING, false)));
        if (exact.getMatchedCount() == 1) {
            return true;
        }
        collection.updateOne(new Document(Docs.ID, id), new Document("$pull",
                new Document(Docs.OUTBOX, new Document("eventId", new Document("$in", eventIds)))));
        return false;
    }

    /** Documents with unpublished events: a scan on the stand-in, run once at start-up only. */
    public List<String> pendingIds() {
        List<String> ids = new ArrayList<>();
        collection.find(new Document(Docs.PENDING, true)).projection(new Document(Docs.ID, 1))
                .forEach(d -> ids.add(d.getString(Docs.ID)));
        return ids;
    }

    public MongoCollection<Document> collection() {
        return collection;
    }
}
