package fr.convergence.pathway.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
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
 * Axon's event storage on one MongoDB document per aggregate stream ({@link StreamDocumentStore}).
 *
 * <ul>
 *   <li><b>Atomic</b> without transactions: all events of one command go in with a single {@code insertOne} (new
 *   stream) or a single {@code updateOne} ({@code $push} of every event).</li>
 *   <li><b>Optimistic concurrency</b>: the update's filter is {@code {_id, version}}; a writer that loaded an older
 *   version matches nothing and gets a {@link ConcurrencyException} (Axon's gateway retries it).</li>
 *   <li><b>One read and one write per command</b>: the load takes the document the request already read for its
 *   access check ({@link CommandContext}) and remembers the head it chains from in the command's unit of work, so
 *   the append re-reads nothing; the events stored are handed to the outbox as they are ({@link Appended}).</li>
 *   <li><b>Outbox in the same document</b>: {@code version - publishedVersion} events may not be on Kafka yet and
 *   {@code pending} flags the stream.</li>
 * </ul>
 * The global, ordered log for other services and rebuilds is Kafka, so tracking reads are not offered here.
 */
public class StreamDocumentStorageEngine extends AbstractEventStorageEngine {

    /** Guards against unbounded documents (MongoDB caps one at 16 MB; the stand-in does not). */
    public static final int MAX_EVENTS_PER_STREAM = 20_000;

    /** Unit-of-work resource: the head of a stream as this command loaded it. */
    private static final String LOADED_HEAD = StreamDocumentStorageEngine.class.getName() + ".head.";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StreamDocumentStorageEngine.class);

    private final StreamDocumentStore documents;
    private final StreamIndexer indexer;
    private final Consumer<Appended> onAppended;
    private final ChainSeal seal;

    protected StreamDocumentStorageEngine(Builder builder) {
        super(builder);
        if (builder.seal == null) {
            throw new IllegalStateException("a stream store needs its chain seal (PATHWAY_CHAIN_KEY)");
        }
        this.seal = builder.seal;
        this.documents = builder.documents;
        this.indexer = builder.indexer;
        this.onAppended = builder.onAppended;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The stream documents this engine writes. */
    public StreamDocumentStore documents() {
        return documents;
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
        Document head = first == 0 ? new Document() : headFor(streamId, first);
        if (first > 0 && head.get(VERSION, Number.class).longValue() != first) {
            if (alreadyStored(streamId, first, firstEventId)) {
                stored(streamId, first, domainEvents, head, EventEntries.chained(domainEvents, serializer,
                        entryHash(streamId, first - 1)), new Document());
                return; // a retry of a write that was applied
            }
            throw new ConcurrencyException("stream " + streamId + " is at version " + head.get(VERSION) + ", not " + first);
        }
        String previousHash = first == 0 ? HashChain.GENESIS : head.getString(HEAD_HASH);
        List<Document> entries = EventEntries.chained(domainEvents, serializer, previousHash);
        String headHash = entries.get(entries.size() - 1).getString(HASH);
        Document index = indexer.fieldsFor(domainEvents.stream().map(DomainEventMessage::getPayload).toList());
        long newVersion = first + entries.size();
        // the seal covers the fields access depends on as they stand after this write (a transfer changes the ACI)
        Document after = new Document(head);
        after.putAll(index);
        String headSeal = seal.seal(streamId, newVersion, headHash, after.getString(TERRITORY), after.getString(ACI),
                after.getString(PARTICIPANT));
        if (first == 0) {
            create(streamId, entries, index, newVersion, headHash, headSeal);
        } else {
            append(streamId, first, entries, index, newVersion, headHash, headSeal);
        }
        stored(streamId, first, domainEvents, head, entries, index);
    }

    /** Hands what was stored to the command's answer and to the outbox, as it is. */
    private void stored(String streamId, long first, List<DomainEventMessage<?>> messages, Document head,
                        List<Document> entries, Document index) {
        Document after = new Document(head);
        after.putAll(index);
        List<StoredEvent> events = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            events.add(new StoredEvent(messages.get(i), entries.get(i).getString(PREVIOUS_HASH), entries.get(i).getString(HASH)));
        }
        Number published = head.get(PUBLISHED_VERSION, Number.class);
        Appended appended = new Appended(streamId, first, first + messages.size(), published == null ? 0 : published.longValue(),
                after.getString(TERRITORY), after.getString(ACI), after.getString(PARTICIPANT), List.copyOf(events));
        CommandContext.stored(appended);
        try {
            onAppended.accept(appended);
        } catch (RuntimeException e) {
            // stored and flagged pending: the outbox's recovery publishes it; the command itself succeeded
            log.warn("stream {}: appended events not handed to the outbox ({})", streamId, e.toString());
        }
    }

    /** The head this command loaded (no read), else the stored one (one read, e.g. an append outside a command). */
    private Document headFor(String streamId, long first) {
        if (CurrentUnitOfWork.isStarted()) {
            Document loaded = CurrentUnitOfWork.get().root().getResource(LOADED_HEAD + streamId);
            if (loaded != null && loaded.get(VERSION, Number.class).longValue() == first) {
                return loaded;
            }
        }
        Document head = documents.head(streamId);
        if (head == null) {
            throw new EventStoreException("stream " + streamId + " does not exist");
        }
        return head;
    }

    private void rememberHead(Document stream) {
        if (CurrentUnitOfWork.isStarted()) {
            Document head = new Document(VERSION, stream.get(VERSION)).append(HEAD_HASH, stream.get(HEAD_HASH))
                    .append(TERRITORY, stream.get(TERRITORY)).append(ACI, stream.get(ACI))
                    .append(PARTICIPANT, stream.get(PARTICIPANT)).append(PUBLISHED_VERSION, stream.get(PUBLISHED_VERSION));
            CurrentUnitOfWork.get().root().resources().put(LOADED_HEAD + stream.getString(ID), head);
        }
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
            documents.insert(stream);
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

    private void append(String streamId, long expectedVersion, List<Document> entries, Document index,
                        long newVersion, String head, String headSeal) {
        Document set = new Document(index).append(HEAD_HASH, head).append(HEAD_SEAL, headSeal).append(PENDING, true);
        Document update = new Document("$push", new Document(EVENTS, new Document("$each", entries)))
                .append("$set", set.append(VERSION, newVersion));
        String firstEventId = entries.get(0).getString(EVENT_ID);
        boolean applied;
        try {
            applied = documents.updateAt(streamId, expectedVersion, update);
        } catch (MongoException e) {
            if (alreadyStored(streamId, expectedVersion, firstEventId)) {
                return;
            }
            throw e;
        }
        if (!applied && !alreadyStored(streamId, expectedVersion, firstEventId)) {
            throw new ConcurrencyException("stream " + streamId + " moved past version " + expectedVersion);
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
            Document doc = documents.find(streamId);
            return doc != null && EventEntries.of(doc).stream()
                    .anyMatch(e -> EventEntries.sequence(e) == sequence && eventId.equals(e.getString(EVENT_ID)));
        } catch (MongoException stillDown) {
            return false;
        }
    }

    /** The stored hash of the event at {@code sequence} ({@link HashChain#GENESIS} before the first). */
    private String entryHash(String streamId, long sequence) {
        if (sequence < 0) {
            return HashChain.GENESIS;
        }
        Document doc = documents.find(streamId);
        return doc == null ? HashChain.GENESIS : EventEntries.of(doc).stream()
                .filter(e -> EventEntries.sequence(e) == sequence).map(e -> e.getString(HASH)).findFirst()
                .orElse(HashChain.GENESIS);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        Document stream = CommandContext.takeLoaded(identifier).orElseGet(() -> documents.find(identifier));
        if (stream == null) {
            return Stream.empty();
        }
        rememberHead(stream);
        return EventEntries.of(stream).stream()
                .filter(e -> EventEntries.sequence(e) >= firstSequenceNumber)
                .map(e -> EventEntries.toEventData(identifier, e));
    }

    /** Reads a stream, its outbox position and its hash links with one lookup; empty if it does not exist. */
    public Optional<StoredStream> load(String streamId) {
        return Optional.ofNullable(documents.find(streamId)).map(this::toStoredStream);
    }

    private StoredStream toStoredStream(Document doc) {
        String id = doc.getString(ID);
        List<Document> raw = EventEntries.of(doc);
        Iterator<? extends DomainEventMessage<?>> messages = upcastAndDeserializeDomainEvents(
                raw.stream().map(e -> EventEntries.toEventData(id, e)), getEventSerializer(), upcasterChain)
                .asStream().iterator();
        List<StoredEvent> events = new ArrayList<>(raw.size());
        for (Document entry : raw) {
            events.add(new StoredEvent(messages.next(), entry.getString(PREVIOUS_HASH), entry.getString(HASH)));
        }
        return new StoredStream(id, doc.get(VERSION, Number.class).longValue(),
                doc.get(PUBLISHED_VERSION, Number.class).longValue(), doc.getString(TERRITORY), doc.getString(ACI),
                doc.getString(PARTICIPANT), events);
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

    public static class Builder extends AbstractEventStorageEngine.Builder {

        private StreamDocumentStore documents;
        private StreamIndexer indexer = payloads -> new Document();
        private Consumer<Appended> onAppended = appended -> { };
        private ChainSeal seal;

        public Builder seal(ChainSeal seal) {
            this.seal = seal;
            return this;
        }

        public Builder documents(StreamDocumentStore documents) {
            this.documents = documents;
            return this;
        }

        /** Shorthand for {@link #documents} on a collection of its own. */
        public Builder streams(MongoCollection<Document> streams) {
            return documents(new StreamDocumentStore(streams));
        }

        public Builder indexer(StreamIndexer indexer) {
            this.indexer = indexer;
            return this;
        }

        /** Receives every append stored, in the writer's thread, right after the write. */
        public Builder onAppended(Consumer<Appended> onAppended) {
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
            if (documents == null) {
                throw new IllegalStateException("the stream documents are required");
            }
            return new StreamDocumentStorageEngine(this);
        }
    }
}
