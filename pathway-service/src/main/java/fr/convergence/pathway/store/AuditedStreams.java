package fr.convergence.pathway.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static fr.convergence.pathway.store.StreamDocuments.*;

/**
 * Reads a whole stream once for an audit: the hot document (whose territory decides whether the auditor sees it at
 * all) and its chunks by exact key; from those same stored entries, both the chain check and the events, each told
 * from its stored fields and decoded (upcast, deserialised) only when its payload is asked for — so a page of history
 * decodes that page, and the verification decodes nothing.
 */
public class AuditedStreams {

    private final StreamDocumentStore documents;
    private final StreamChunks chunks;
    private final ChainVerifier verifier;
    private final StreamDocumentStorageEngine engine;

    public AuditedStreams(StreamDocumentStore documents, StreamChunks chunks, ChainVerifier verifier,
                          StreamDocumentStorageEngine engine) {
        this.documents = documents;
        this.chunks = chunks;
        this.verifier = verifier;
        this.engine = engine;
    }

    /** The stream, if it exists and {@code visible} accepts its territory; empty otherwise (its chunks unread). */
    public Optional<AuditedStream> read(String streamId, Predicate<String> visible) {
        Document hot = documents.find(streamId);
        if (hot == null || !visible.test(hot.getString(TERRITORY))) {
            return Optional.empty();
        }
        List<Document> entries = chunks.history(hot);
        List<RecordedEvent> events = new ArrayList<>(entries.size());
        for (Document e : entries) {
            Document payload = e.get(PAYLOAD, Document.class);
            Document meta = e.get(METADATA, Document.class);
            String type = e.getString(PAYLOAD_TYPE);
            events.add(new RecordedEvent(EventEntries.sequence(e), e.getString(EVENT_ID),
                    type.substring(type.lastIndexOf('.') + 1), String.valueOf(payload.get("occurredOn")),
                    java.time.Instant.parse(e.getString(TIMESTAMP)).toString(),
                    String.valueOf(meta.getOrDefault("recordedBy", "system")),
                    String.valueOf(meta.getOrDefault("correlationId", "")), e.getString(HASH),
                    () -> engine.decode(streamId, e)));
        }
        return Optional.of(new AuditedStream(streamId, hot.getString(TERRITORY), events, verifier.statusOf(hot, entries)));
    }

    /** One stream as an audit sees it: its events in order and its chain status, from the same read. */
    public record AuditedStream(String streamId, String territory, List<RecordedEvent> events,
                                ChainVerifier.ChainStatus chain) {
    }

    /** One stored event, told from its stored fields; {@code message} decodes it (upcast, deserialised) on demand. */
    public record RecordedEvent(long sequence, String eventId, String type, String occurredOn, String recordedAt,
                                String recordedBy, String correlationId, String hash,
                                Supplier<DomainEventMessage<?>> message) {
    }
}
