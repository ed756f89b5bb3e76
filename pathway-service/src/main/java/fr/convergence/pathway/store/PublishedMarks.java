package fr.convergence.pathway.store;

import com.mongodb.MongoException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static fr.convergence.pathway.store.StreamDocuments.*;

/**
 * Records how far the outbox published each stream, off the command path: marks are gathered in memory and written
 * together, every {@code interval}, in one unordered bulk write. A mark only saves work after a crash — the events
 * of a stream still {@code pending} are published again at start-up and consumers drop them by event id — so a mark
 * written late, or lost with the process, republishes and never loses anything.
 *
 * <p>Each mark is conditional on {@code {_id, version}}: a stream that moved on since keeps {@code pending}, and its
 * newer events bring their own mark once they are published.
 */
public class PublishedMarks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PublishedMarks.class);

    private final StreamDocumentStore documents;
    private final Map<String, Long> unwritten = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer;

    /** @param intervalMillis how long marks gather before one bulk write; 0 writes each mark at once (tests). */
    public PublishedMarks(StreamDocumentStore documents, long intervalMillis) {
        this.documents = documents;
        if (intervalMillis > 0) {
            this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pathway-published-marks");
                t.setDaemon(true);
                return t;
            });
            writer.scheduleWithFixedDelay(this::flush, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        } else {
            this.writer = null;
        }
    }

    /** The stream's events up to {@code version} (excluded) are on Kafka. Returns at once. */
    public void mark(String streamId, long version) {
        unwritten.merge(streamId, version, Math::max);
        if (writer == null) {
            flush();
        }
    }

    /** Writes the marks gathered so far in one bulk write; the ones that fail wait for the next flush. */
    public synchronized void flush() {
        if (unwritten.isEmpty()) {
            return;
        }
        Map<String, Long> batch = new java.util.HashMap<>();
        for (String id : List.copyOf(unwritten.keySet())) {
            Long version = unwritten.remove(id);
            if (version != null) {
                batch.put(id, version);
            }
        }
        List<WriteModel<Document>> writes = new ArrayList<>(batch.size());
        batch.forEach((id, version) -> writes.add(new UpdateOneModel<>(new Document(ID, id).append(VERSION, version),
                new Document("$set", new Document(PUBLISHED_VERSION, version).append(PENDING, false)))));
        try {
            documents.collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoException e) {
            batch.forEach((id, version) -> unwritten.merge(id, version, Math::max));
            log.warn("outbox: {} published mark(s) not written yet ({})", batch.size(), e.getMessage());
        }
    }

    /** Marks gathered and not written yet. */
    public int unwritten() {
        return unwritten.size();
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.shutdownNow();
        }
        flush();
    }
}
