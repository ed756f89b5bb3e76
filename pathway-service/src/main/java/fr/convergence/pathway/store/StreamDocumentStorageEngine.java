package fr.convergence.pathway.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.result.UpdateResult;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static fr.convergence.pathway.store.StreamDocuments.*;
import static org.axonframework.eventhandling.EventUtils.asDomainEventMessage;
import static org.axonframework.eventsourcing.EventStreamUtils.upcastAndDeserializeDomainEvents;

/**
 * Axon event storage with one MongoDB document per aggregate stream.
 *
 * <ul>
 *   <li><b>Atomic</b> without transactions: all events of one command go in with a single
 *   {@code insertOne} (new stream) or a single {@code updateOne} ({@code $push} of every event).</li>
 *   <li><b>Optimistic concurrency</b>: the update's filter is {@code {_id, version}}; a writer that loaded an
 *   older version matches nothing and gets a {@link ConcurrencyException} (Axon's gateway retries it).</li>
 *   <li><b>Load cost ∝ the stream, not the store</b>: a load is one lookup by {@code _id}; the filter is a
 *   plain document matching the unique {@code {_id, version}} index exactly, the only shape the MongoDB
 *   stand-in serves without scanning (a {@code Filters.and} would send {@code $and} and scan).</li>
 *   <li><b>Outbox in the same document</b>: {@code version - publishedVersion} events are not yet on Kafka and
 *   {@code pending} flags the stream; the appended-listener drains it right after the write.</li>
 * </ul>
 * The global, ordered log for other services and rebuilds is Kafka, so tracking reads are not offered here.
 */
public class StreamDocumentStorageEngine extends AbstractEventStorageEngine {

    /** Guards against unbounded documents (MongoDB caps one at 16 MB; the stand-in does not). */
    public static final int MAX_EVENTS_PER_STREAM = 20_000;

    private final MongoCollection<Document> streams;
    private final StreamIndexer indexer;
    private final Consumer<String> onAppended;
    private final ChainSeal seal;

    protected StreamDocumentStorageEngine(Builder builder) {
        super(builder);
        if (builder.seal == null) {
            throw new IllegalStateException("a stream store needs its chain seal (PATHWAY_CHAIN_KEY)");
        }
        this.seal = builder.seal;
        this.streams = builder.streams;
        this.indexer = builder.indexer;
        this.onAppended = builder.onAppended;
        streams.createIndex(Indexes.ascending(ID, VERSION), new IndexOptions().unique(true).name("stream_version"));
        // Secondary indexes for a real MongoDB (the stand-in ignores non-unique ones and scans).
        streams.createIndex(Indexes.ascending(ACI, ID), new IndexOptions().name("by_aci"));
        streams.createIndex(Indexes.ascending(TERRITORY, ID), new IndexOptions().name("by_territory"));
        streams.createIndex(Indexes.ascending(PENDING), new IndexOptions().name("pending_outbox"));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<DomainEventMessage<?>> domainEvents = events.stream().<DomainEventMessage<?>>map(e -> asDomainEventMessage(e)).toList();
        String streamId = domainEvents.get(0).getAggregateIdentifier();
        if (domainEvents.stream().anyMatch(e -> !streamId.equals(e.getAggregateIdentifier()))) {
            throw new EventStoreException("one command appends to one stream only");
        }
        long first = domainEvents.get(0).getSequenceNumber();
        if (first + domainEvents.size() > MAX_EVENTS_PER_STREAM) {
            throw new EventStoreException("stream " + streamId + " would exceed " + MAX_EVENTS_PER_STREAM + " events");
        }
        String firstEventId = domainEvents.get(0).getIdentifier();
        String previousHash = HashChain.GENESIS;
        Document head = new Document();
        if (first > 0) {
            head = currentHead(streamId);
            if (head.get(VERSION, Number.class).longValue() != first) {
                if (alreadyStored(streamId, first, firstEventId)) {
                    onAppended.accept(streamId);
                    return; // a retry of a write that was applied
                }
                throw new ConcurrencyException("stream " + streamId + " is at version " + head.get(VERSION)
                        + ", not " + first);
            }
            previousHash = head.getString(HEAD_HASH);
        }
        List<Document> entries = new ArrayList<>(domainEvents.size());
        for (DomainEventMessage<?> event : domainEvents) {
            Document entry = toEntry(event, serializer);
            String hash = HashChain.hash(entry, previousHash);
            entry.append(PREVIOUS_HASH, previousHash).append(HASH, hash);
            entries.add(entry);
            previousHash = hash;
        }
        Document index = indexer.fieldsFor(domainEvents.stream().map(DomainEventMessage::getPayload).toList());
        long newVersion = first + entries.size();
        // the seal covers the fields access depends on as they stand after this write (a transfer changes the ACI)
        Document after = new Document(head);
        after.putAll(index);
        String headSeal = seal.seal(streamId, newVersion, previousHash, after.getString(TERRITORY), after.getString(ACI),
                after.getString(PARTICIPANT));
        if (first == 0) {
            create(streamId, entries, index, newVersion, previousHash, headSeal);
        } else {
            append(streamId, first, entries, index, newVersion, previousHash, headSeal);
        }
        onAppended.accept(streamId);
    }

    private void create(String streamId, List<Document> entries, Document index, long version, String head,
                        String headSeal) {
        Document stream = new Document(ID, streamId)
                .append(VERSION, version)
                .append(PUBLISHED_VERSION, 0L)
                .append(PENDING, true)
                .append(HEAD_HASH, head)
                .append(HEAD_SEAL, headSeal);
        stream.putAll(index);
        stream.append(EVENTS, entries);
        String firstEventId = entries.get(0).getString(EVENT_ID);
        try {
            streams.insertOne(stream);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                if (alreadyStored(streamId, 0, firstEventId)) {
                    return; // our own write, retried by the driver after a lost reply
                }
                throw new AggregateStreamCreationException("stream " + streamId + " already exists", e);
            }
            throw new EventStoreException("could not create stream " + streamId, e);
        } catch (MongoException e) {
            if (!alreadyStored(streamId, 0, firstEventId)) {
                throw e;
            }
        }
    }

    /**
     * Whether this very batch is already in the stream. A write whose reply was lost (store killed, network cut)
     * may have been applied; the driver's retry then finds the version moved or the id taken. Telling "someone
     * else won the race" from "we won and did not hear it" by the event id keeps a command from being stored
     * twice when it is retried.
     */
    private boolean alreadyStored(String streamId, long sequence, String eventId) {
        try {
            Document doc = streams.find(new Document(ID, streamId)).first();
            return doc != null && entries(doc).stream().anyMatch(e -> e.get(SEQUENCE, Number.class).longValue() == sequence
                    && eventId.equals(e.getString(EVENT_ID)));
        } catch (MongoException stillDown) {
            return false;
        }
    }

    private void append(String streamId, long expectedVersion, List<Document> entries, Document index,
                        long newVersion, String head, String headSeal) {
        Document set = new Document(index).append(HEAD_HASH, head).append(HEAD_SEAL, headSeal).append(PENDING, true);
        Document update = new Document("$push", new Document(EVENTS, new Document("$each", entries)))
                .append("$set", set.append(VERSION, newVersion));
        String firstEventId = entries.get(0).getString(EVENT_ID);
        UpdateResult result;
        try {
            // A plain {_id, version} document: the stand-in serves it from the unique index.
            result = streams.updateOne(new Document(ID, streamId).append(VERSION, expectedVersion), update);
        } catch (MongoException e) {
            if (alreadyStored(streamId, expectedVersion, firstEventId)) {
                return;
            }
            throw e;
        }
        if (result.getMatchedCount() == 0) {
            if (alreadyStored(streamId, expectedVersion, firstEventId)) {
                return;
            }
            throw new ConcurrencyException("stream " + streamId + " moved past version " + expectedVersion);
        }
    }

    /** The stream's version and head hash to chain from; also an early conflict check before the update. */
    private Document currentHead(String streamId) {
        Document head = streams.find(new Document(ID, streamId))
                .projection(new Document(VERSION, 1).append(HEAD_HASH, 1).append(TERRITORY, 1).append(ACI, 1)
                        .append(PARTICIPANT, 1)).first();
        if (head == null) {
            throw new EventStoreException("stream " + streamId + " does not exist");
        }
        return head;
    }

    private static Document toEntry(DomainEventMessage<?> event, Serializer serializer) {
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

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        Document stream = streams.find(new Document(ID, identifier)).first();
        if (stream == null) {
            return Stream.empty();
        }
        return entries(stream).stream()
                .filter(e -> e.get(SEQUENCE, Number.class).longValue() >= firstSequenceNumber)
                .map(e -> toEventData(identifier, e));
    }

    private static List<Document> entries(Document stream) {
        return stream.getList(EVENTS, Document.class, List.of());
    }

    private static DomainEventData<String> toEventData(String streamId, Document e) {
        return new GenericDomainEventEntry<>("Pathway", streamId, e.get(SEQUENCE, Number.class).longValue(),
                e.getString(EVENT_ID), e.getString(TIMESTAMP), e.getString(PAYLOAD_TYPE),
                e.getString(PAYLOAD_REVISION), e.get(PAYLOAD, Document.class).toJson(),
                e.get(METADATA, Document.class).toJson());
    }

    /** Reads a stream, its outbox position and its hash links with one lookup; empty if it does not exist. */
    public Optional<StoredStream> load(String streamId) {
        return Optional.ofNullable(streams.find(new Document(ID, streamId)).first()).map(this::toStoredStream);
    }

    private StoredStream toStoredStream(Document doc) {
        String id = doc.getString(ID);
        List<Document> raw = entries(doc);
        Iterator<? extends DomainEventMessage<?>> messages = upcastAndDeserializeDomainEvents(
                raw.stream().map(e -> toEventData(id, e)), getEventSerializer(), upcasterChain).asStream().iterator();
        List<StoredEvent> events = new ArrayList<>(raw.size());
        for (Document entry : raw) {
            events.add(new StoredEvent(messages.next(), entry.getString(PREVIOUS_HASH), entry.getString(HASH)));
        }
        return new StoredStream(id, doc.get(VERSION, Number.class).longValue(),
                doc.get(PUBLISHED_VERSION, Number.class).longValue(), doc.getString(TERRITORY), doc.getString(ACI),
                doc.getString(PARTICIPANT), events);
    }

    /**
     * A stream's index fields (territory, ACI, participant, status…) without its events, with one lookup: what an
     * access check or an "is it still open" test needs, without deserialising the stream. Empty if it does not exist.
     */
    public Optional<Document> indexFields(String streamId) {
        return Optional.ofNullable(streams.find(new Document(ID, streamId)).projection(new Document(EVENTS, 0)).first());
    }

    /**
     * Recomputes the hash chain of a stream from its stored bytes, with one read. Empty if the stream does not
     * exist; otherwise its head hash and the first event whose stored hash or previous-hash link does not match.
     */
    public Optional<ChainStatus> chainStatus(String streamId) {
        Document doc = streams.find(new Document(ID, streamId)).first();
        return doc == null ? Optional.empty() : Optional.of(new ChainStatus(doc.getString(HEAD_HASH), firstBreak(doc)));
    }

    /** The first broken link of a stream, if any (empty too when the stream does not exist). */
    public Optional<ChainBreak> verifyChain(String streamId) {
        return chainStatus(streamId).flatMap(ChainStatus::firstBreak);
    }

    private Optional<ChainBreak> firstBreak(Document doc) {
        String previous = HashChain.GENESIS;
        for (Document entry : entries(doc)) {
            long seq = entry.get(SEQUENCE, Number.class).longValue();
            if (!previous.equals(entry.getString(PREVIOUS_HASH))) {
                return Optional.of(new ChainBreak(seq, "previous-hash link broken (event removed or reordered)"));
            }
            String recomputed = HashChain.hash(entry, previous);
            if (!recomputed.equals(entry.getString(HASH))) {
                return Optional.of(new ChainBreak(seq, "content does not match its hash (event altered)"));
            }
            previous = recomputed;
        }
        long version = doc.get(VERSION, Number.class).longValue();
        if (!previous.equals(doc.getString(HEAD_HASH))) {
            return Optional.of(new ChainBreak(version, "head hash mismatch (events truncated)"));
        }
        if (!seal.matches(doc.getString(HEAD_SEAL), doc.getString(ID), version, previous, doc.getString(TERRITORY),
                doc.getString(ACI), doc.getString(PARTICIPANT))) {
            return Optional.of(new ChainBreak(version, "head seal does not match (history rewritten without the "
                    + "platform's key, or the stream moved to another territory, ACI or person)"));
        }
        return Optional.empty();
    }

    /** Records that the outbox published everything up to {@code version}; false if the stream moved on. */
    public boolean markPublished(String streamId, long version) {
        UpdateResult exact = streams.updateOne(new Document(ID, streamId).append(VERSION, version),
                new Document("$set", new Document(PUBLISHED_VERSION, version).append(PENDING, false)));
        if (exact.getMatchedCount() == 1) {
            return true;
        }
        streams.updateOne(new Document(ID, streamId), new Document("$max", new Document(PUBLISHED_VERSION, version)));
        return false;
    }

    /** Streams with unpublished events. A scan on the stand-in: called once at start-up, never on a hot path. */
    public List<String> streamsPendingPublication() {
        List<String> ids = new ArrayList<>();
        streams.find(new Document(PENDING, true)).projection(new Document(ID, 1))
                .forEach(d -> ids.add(d.getString(ID)));
        return ids;
    }

    /** A page of stream summaries (no events) matching equality, or {@code $in} (a portfolio), on index fields. */
    public List<Document> list(Document filter, int skip, int limit) {
        List<Document> page = new ArrayList<>();
        streams.find(filter).projection(new Document(EVENTS, 0)).sort(new Document(ID, 1)).skip(skip).limit(limit)
                .forEach(page::add);
        return page;
    }

    public long count(Document filter) {
        return streams.countDocuments(filter);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        // Pathways hold tens to hundreds of events, loaded with one lookup: snapshots would not pay for themselves.
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        throw new UnsupportedOperationException("the global event order is Kafka's; consume the pathway topics");
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    public TrackingToken createTailToken() {
        throw new UnsupportedOperationException("the global event order is Kafka's");
    }

    @Override
    public TrackingToken createHeadToken() {
        throw new UnsupportedOperationException("the global event order is Kafka's");
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        throw new UnsupportedOperationException("the global event order is Kafka's");
    }

    /** A broken link of the hash chain. */
    public record ChainBreak(long sequence, String reason) {
    }

    /** A stream's chain head and its first broken link, if any. */
    public record ChainStatus(String headHash, Optional<ChainBreak> firstBreak) {
    }

    public static class Builder extends AbstractEventStorageEngine.Builder {

        private MongoCollection<Document> streams;
        private StreamIndexer indexer = payloads -> new Document();
        private Consumer<String> onAppended = id -> { };
        private ChainSeal seal;

        public Builder seal(ChainSeal seal) {
            this.seal = seal;
            return this;
        }

        public Builder streams(MongoCollection<Document> streams) {
            this.streams = streams;
            return this;
        }

        public Builder indexer(StreamIndexer indexer) {
            this.indexer = indexer;
            return this;
        }

        public Builder onAppended(Consumer<String> onAppended) {
            this.onAppended = onAppended;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver resolver) {
            super.persistenceExceptionResolver(resolver);
            return this;
        }

        public StreamDocumentStorageEngine build() {
            if (streams == null) {
                throw new IllegalStateException("streams collection is required");
            }
            return new StreamDocumentStorageEngine(this);
        }
    }
}
