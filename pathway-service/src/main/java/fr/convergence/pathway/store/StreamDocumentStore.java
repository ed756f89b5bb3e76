package fr.convergence.pathway.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static fr.convergence.pathway.store.StreamDocuments.*;

/**
 * Reads and writes the (hot) stream documents, and nothing else: every hot-path access is an exact match on {@code _id} or
 * on the unique {@code {_id, version}} index (the only shapes the MongoDB stand-in serves without a scan; a
 * {@code Filters.and} would send {@code $and} and scan), always as a plain filter document.
 */
public class StreamDocumentStore {

    private final MongoCollection<Document> streams;

    public StreamDocumentStore(MongoCollection<Document> streams) {
        this.streams = streams;
        streams.createIndex(Indexes.ascending(ID, VERSION), new IndexOptions().unique(true).name("stream_version"));
        // Secondary indexes for a real MongoDB (the stand-in ignores non-unique ones and scans).
        streams.createIndex(Indexes.ascending(ACI, ID), new IndexOptions().name("by_aci"));
        streams.createIndex(Indexes.ascending(TERRITORY, ID), new IndexOptions().name("by_territory"));
        streams.createIndex(Indexes.ascending(PENDING), new IndexOptions().name("pending_outbox"));
    }

    /** The whole stream document, or null: one lookup by {@code _id}. */
    public Document find(String streamId) {
        return streams.find(new Document(ID, streamId)).first();
    }

    /** The index fields (territory, ACI, participant, status…) without the events; empty if no such stream. */
    public Optional<Document> indexFields(String streamId) {
        return Optional.ofNullable(streams.find(new Document(ID, streamId)).projection(withoutEvents()).first());
    }

    /** Creates a stream; a duplicate {@code _id} throws the driver's write exception. */
    public void insert(Document stream) {
        streams.insertOne(stream);
    }

    /** Applies {@code update} if the stream is still at {@code expectedVersion}; false if it moved on. */
    public boolean updateAt(String streamId, long expectedVersion, Document update) {
        UpdateResult result = streams.updateOne(new Document(ID, streamId).append(VERSION, expectedVersion), update);
        return result.getMatchedCount() == 1;
    }

    /** Streams whose outbox has unpublished events. A scan on the stand-in: at start-up only, never on a hot path. */
    public List<String> pendingPublication() {
        List<String> ids = new ArrayList<>();
        streams.find(new Document(PENDING, true)).projection(new Document(ID, 1)).forEach(d -> ids.add(d.getString(ID)));
        return ids;
    }

    /** A page of stream summaries (no events) matching equality, or {@code $in} (a portfolio), on index fields. */
    public List<Document> list(Document filter, int skip, int limit) {
        List<Document> page = new ArrayList<>();
        streams.find(filter).projection(withoutEvents()).sort(new Document(ID, 1)).skip(skip).limit(limit)
                .forEach(page::add);
        return page;
    }

    public long count(Document filter) {
        return streams.countDocuments(filter);
    }

    MongoCollection<Document> collection() {
        return streams;
    }

    private static Document withoutEvents() {
        return new Document(EVENTS, 0).append(SNAPSHOT, 0);
    }
}
