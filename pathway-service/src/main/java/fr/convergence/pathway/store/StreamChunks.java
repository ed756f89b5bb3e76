package fr.convergence.pathway.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

import static fr.convergence.pathway.store.StreamDocuments.*;

/**
 * Keeps a stream's hot document bounded: once it holds a full chunk of events, the next append first seals them into
 * an immutable chunk document keyed {@code streamId#k} (events {@code k·C .. (k+1)·C-1}), then moves the hot
 * document's {@code chunked} mark past them in its conditional update. Insert first, idempotently, then the update:
 * a crash in between leaves a chunk nobody points at yet, which the next append inserts again (a duplicate key, the
 * same events) — crash-safe without transactions. Chunks are read by exact key only.
 */
public class StreamChunks {

    /** Events per chunk: the hot document holds fewer than this, plus the append in progress. */
    public static final int CHUNK_EVENTS = 50;

    private final MongoCollection<Document> chunks;
    private final int chunkEvents;

    public StreamChunks(MongoCollection<Document> chunks) {
        this(chunks, CHUNK_EVENTS);
    }

    /** @param chunkEvents events per chunk; {@link Integer#MAX_VALUE} never seals (the earlier, one-document layout) */
    public StreamChunks(MongoCollection<Document> chunks, int chunkEvents) {
        this.chunks = chunks;
        this.chunkEvents = chunkEvents;
    }

    /** No chunks: every event stays in the stream document (the earlier layout). */
    public static StreamChunks none() {
        return new StreamChunks(null, Integer.MAX_VALUE);
    }

    static String key(String streamId, long chunk) {
        return streamId + "#" + chunk;
    }

    /** How many of the stream's first events are in chunks (0 for a document of the earlier layout). */
    public static long chunked(Document hot) {
        Number chunked = hot.get(CHUNKED, Number.class);
        return chunked == null ? 0 : chunked.longValue();
    }

    /** Where the next append moves the {@code chunked} mark: past every full chunk of the hot events. */
    long sealTo(Document hot) {
        long chunked = chunked(hot);
        long hotEvents = hot.get(VERSION, Number.class).longValue() - chunked;
        return chunked + hotEvents / chunkEvents * chunkEvents;
    }

    /** Inserts the chunks of the hot events before {@code sealTo}; a chunk already there (a crashed append) is kept. */
    void seal(String streamId, List<Document> hotEntries, long chunked, long sealTo) {
        for (long chunk = chunked / chunkEvents; chunk < sealTo / chunkEvents; chunk++) {
            long from = chunk * chunkEvents;
            long to = from + chunkEvents;
            List<Document> events = hotEntries.stream()
                    .filter(e -> EventEntries.sequence(e) >= from && EventEntries.sequence(e) < to).toList();
            if (events.size() != chunkEvents) {
                throw new EventStoreException("stream " + streamId + " lacks events " + from + ".." + (to - 1) + " to seal");
            }
            try {
                chunks.insertOne(new Document(ID, key(streamId, chunk)).append(STREAM, streamId).append(EVENTS, events));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // sealed by an append that crashed or lost the version race before its update: the same events
            }
        }
    }

    /** The stored entries of events {@code from..to-1} that lie in chunks, in order (one exact-key read per chunk). */
    List<Document> entries(String streamId, long from, long to) {
        List<Document> entries = new ArrayList<>();
        if (from >= to) {
            return entries;
        }
        for (long chunk = from / chunkEvents; chunk <= (to - 1) / chunkEvents; chunk++) {
            Document doc = chunks.find(new Document(ID, key(streamId, chunk))).first();
            if (doc == null) {
                continue; // missing: the chain check reports the gap; a load sees fewer events
            }
            for (Document e : EventEntries.of(doc)) {
                long seq = EventEntries.sequence(e);
                if (seq >= from && seq < to) {
                    entries.add(e);
                }
            }
        }
        return entries;
    }

    /** Every stored entry of the stream whose hot document is {@code hot}, from the first event. */
    public List<Document> history(Document hot) {
        List<Document> all = new ArrayList<>(entries(hot.getString(ID), 0, chunked(hot)));
        all.addAll(EventEntries.of(hot));
        return all;
    }

    /** The stored entry of the event at {@code sequence}, from the hot document or its chunk; null if none. */
    Document entryAt(Document hot, long sequence) {
        List<Document> from = sequence >= chunked(hot) ? EventEntries.of(hot)
                : entries(hot.getString(ID), sequence, sequence + 1);
        return from.stream().filter(e -> EventEntries.sequence(e) == sequence).findFirst().orElse(null);
    }
}
