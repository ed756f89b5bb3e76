package fr.convergence.pathway.store;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

import static fr.convergence.pathway.store.StreamDocuments.*;

/**
 * The stored form of one event (an entry of a stream document) and back: payload and metadata kept as BSON
 * documents (queryable, and what the hash covers), linked into the stream's SHA-256 chain when written.
 */
final class EventEntries {

    private EventEntries() {
    }

    /** The entries of one append, each chained to the one before it, starting from {@code previousHash}. */
    static List<Document> chained(List<? extends DomainEventMessage<?>> events, Serializer serializer,
                                  String previousHash) {
        List<Document> entries = new ArrayList<>(events.size());
        String previous = previousHash;
        for (DomainEventMessage<?> event : events) {
            Document entry = toEntry(event, serializer);
            String hash = HashChain.hash(entry, previous);
            entry.append(PREVIOUS_HASH, previous).append(HASH, hash);
            entries.add(entry);
            previous = hash;
        }
        return entries;
    }

    static Document toEntry(DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        return new Document(SEQUENCE, event.getSequenceNumber())
                .append(EVENT_ID, event.getIdentifier())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(TIMESTAMP, event.getTimestamp().toString())
                .append(PAYLOAD, Document.parse(payload.getData()))
                .append(METADATA, Document.parse(metaData.getData()));
    }

    static DomainEventData<String> toEventData(String streamId, Document e) {
        return new GenericDomainEventEntry<>("Pathway", streamId, sequence(e), e.getString(EVENT_ID),
                e.getString(TIMESTAMP), e.getString(PAYLOAD_TYPE), e.getString(PAYLOAD_REVISION),
                e.get(PAYLOAD, Document.class).toJson(), e.get(METADATA, Document.class).toJson());
    }

    static long sequence(Document entry) {
        return entry.get(SEQUENCE, Number.class).longValue();
    }

    static List<Document> of(Document streamOrChunk) {
        return streamOrChunk.getList(EVENTS, Document.class, List.of());
    }
}
