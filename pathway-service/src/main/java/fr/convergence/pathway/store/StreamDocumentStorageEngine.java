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

    /** Unit-of-work resource: the hot document of a stream as this command loaded it. */
    private static final String LOADED = StreamDocumentStorageEngine.class.getName() + ".loaded.";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StreamDocumentStorageEngine.class);

    private final StreamDocumentStore documents;
    private final StreamChunks chunks;
    private final AggregateSnapshots snapshots;
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
        this.chunks = builder.chunks;
        this.snapshots = builder.snapshots;
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
        Document hot = first == 0 ? new Document() : hotFor(streamId, first);
        if (first > 0 && hot.get(VERSION, Number.class).longValue() != first) {
            Document mine = ownEntry(hot, first, firstEventId);
            if (mine == null) {
                throw new ConcurrencyException("stream " + streamId + " is at version " + hot.get(VERSION) + ", not " + first);
            }
            // a retry of a write that was applied: hand over what it stored
            stored(streamId, first, domainEvents, hot,
                    EventEntries.chained(domainEvents, serializer, mine.getString(PREVIOUS_HASH)), new Document());
            return;
        }
        String previousHash = first == 0 ? HashChain.GENESIS : hot.getString(HEAD_HASH);
        List<Document> entries = EventEntries.chained(domainEvents, serializer, previousHash);
        String headHash = entries.get(entries.size() - 1).getString(HASH);
        Document index = indexer.fieldsFor(domainEvents.stream().map(DomainEventMessage::getPayload).toList());
        long newVersion = first + entries.size();
        // the seal covers the fields access depends on as they stand after this write (a transfer changes the ACI)
        Document after = new Document(hot);
        after.putAll(index);
        String headSeal = seal.seal(streamId, newVersion, headHash, after.getString(TERRITORY), after.getString(ACI),
                after.getString(PARTICIPANT));
        if (first == 0) {
            create(streamId, entries, index, newVersion, headHash, headSeal);
        } else {
            append(streamId, hot, entries, index, newVersion, headHash, headSeal);
        }
        stored(streamId, first, domainEvents, hot, entries, index);
    }

    /** Hands what was stored to the command's answer and to the outbox, as it is. */
    private void stored(String streamId, long first, List<DomainEventMessage<?>> messages, Document hot,
                        List<Document> entries, Document index) {
        Document after = new Document(hot);
        after.putAll(index);
        List<StoredEvent> events = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            events.add(new StoredEvent(messages.get(i), entries.get(i).getString(PREVIOUS_HASH), entries.get(i).getString(HASH)));
        }
        Number published = hot.get(PUBLISHED_VERSION, Number.class);
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

    /** The hot document this command loaded (no read), else the stored one (one read: an append outside a command). */
    private Document hotFor(String streamId, long first) {
        Document loaded = loadedInThisCommand(streamId);
        if (loaded != null && loaded.get(VERSION, Number.class).longValue() == first) {
            return loaded;
        }
        Document hot = documents.find(streamId);
        if (hot == null) {
            throw new EventStoreException("stream " + streamId + " does not exist");
        }
        return hot;
    }

    private static Document loadedInThisCommand(String streamId) {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(LOADED + streamId) : null;
    }

    /**
     * The hot document for a load: the one the request read for its access check, else the one already read by this
     * command (its snapshot, then its events), else one read; kept for the append of the same command.
     */
    private Document hotForLoad(String streamId) {
        Document hot = CommandContext.takeLoaded(streamId).orElse(null);
        if (hot == null) {
            hot = loadedInThisCommand(streamId);
        }
        if (hot == null) {
            hot = documents.find(streamId);
        }
        if (hot != null && CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().put(LOADED + streamId, hot);
        }
        return hot;
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

    /**
     * One conditional update of the hot document. When it holds a full chunk of events, they are sealed first
     * ({@link StreamChunks}) and the update rewrites the (bounded) hot events instead of pushing onto them, together
     * with a snapshot of the aggregate that handled the command, if there is one.
     */
    private void append(String streamId, Document hot, List<Document> entries, Document index, long newVersion,
                        String head, String headSeal) {
        long expectedVersion = hot.get(VERSION, Number.class).longValue();
        Document set = new Document(index).append(HEAD_HASH, head).append(HEAD_SEAL, headSeal).append(PENDING, true)
                .append(VERSION, newVersion);
        Document update;
        long chunked = StreamChunks.chunked(hot);
        long sealTo = chunks.sealTo(hot);
        if (sealTo > chunked) {
            List<Document> hotEntries = EventEntries.of(hot);
            chunks.seal(streamId, hotEntries, chunked, sealTo);
            List<Document> kept = new ArrayList<>(hotEntries.stream().filter(e -> EventEntries.sequence(e) >= sealTo).toList());
            kept.addAll(entries);
            set.append(EVENTS, kept).append(CHUNKED, sealTo);
            snapshotOfThisCommand(streamId, newVersion - 1).ifPresent(snapshot -> set.append(SNAPSHOT, snapshot));
            update = new Document("$set", set);
        } else {
            update = new Document("$push", new Document(EVENTS, new Document("$each", entries))).append("$set", set);
        }
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

    private Optional<Document> snapshotOfThisCommand(String streamId, long sequence) {
        if (snapshots == null || !CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        Object aggregate = CurrentUnitOfWork.get().root().getResource(AggregateSnapshots.HANDLING_AGGREGATE);
        return aggregate == null ? Optional.empty() : snapshots.snapshotOf(streamId, aggregate, sequence);
    }

    /**
     * Whether this very batch is already in the stream. A write whose reply was lost (store killed, network cut)
     * may have been applied; the driver's retry then finds the version moved or the id taken. Telling "someone
     * else won the race" from "we won and did not hear it" by the event id keeps a command from being stored
     * twice when it is retried.
     */
    private boolean alreadyStored(String streamId, long sequence, String eventId) {
        try {
            Document hot = documents.find(streamId);
            return hot != null && ownEntry(hot, sequence, eventId) != null;
        } catch (MongoException stillDown) {
            return false;
        }
    }

    /** The stored entry at {@code sequence} if it is the event {@code eventId} (in the hot document or a chunk). */
    private Document ownEntry(Document hot, long sequence, String eventId) {
        Document entry = chunks.entryAt(hot, sequence);
        return entry != null && eventId.equals(entry.getString(EVENT_ID)) ? entry : null;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        Document hot = hotForLoad(identifier);
        if (hot == null) {
            return Stream.empty();
        }
        long chunked = StreamChunks.chunked(hot);
        List<Document> entries = new ArrayList<>(chunks.entries(identifier, firstSequenceNumber, chunked));
        EventEntries.of(hot).stream().filter(e -> EventEntries.sequence(e) >= firstSequenceNumber).forEach(entries::add);
        return entries.stream().map(e -> EventEntries.toEventData(identifier, e));
    }

    /** The snapshot kept in the hot document, if it is readable (this revision, its seal intact). */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        if (snapshots == null) {
            return Stream.empty();
        }
        Document hot = hotForLoad(aggregateIdentifier);
        if (hot == null) {
            return Stream.empty();
        }
        return snapshots.readable(aggregateIdentifier, hot.get(SNAPSHOT, Document.class)).stream();
    }

    /** Reads a whole stream (hot document and chunks), its outbox position and hash links; empty if none. */
    public Optional<StoredStream> load(String streamId) {
        return Optional.ofNullable(documents.find(streamId)).map(this::toStoredStream);
    }

    /** One stored entry, upcast and deserialised. */
    DomainEventMessage<?> decode(String streamId, Document entry) {
        return upcastAndDeserializeDomainEvents(Stream.of(EventEntries.toEventData(streamId, entry)), getEventSerializer(),
                upcasterChain).asStream().findFirst()
                .orElseThrow(() -> new EventStoreException("event " + entry.get(EVENT_ID) + " of " + streamId + " is unreadable"));
    }

    private StoredStream toStoredStream(Document doc) {
        String id = doc.getString(ID);
        List<Document> raw = chunks.history(doc);
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
        // Snapshots are written with the events they follow, in the append's own update (AggregateSnapshots), never
        // apart from them: Axon's snapshotter is not used.
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        throw new UnsupportedOperationException("the global event order is Kafka's; consume the pathway topics");
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
        private StreamChunks chunks;
        private AggregateSnapshots snapshots;
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

        /** Where older events are sealed; without, streams stay in one document (the earlier layout). */
        public Builder chunks(StreamChunks chunks) {
            this.chunks = chunks;
            return this;
        }

        /** Keeps a snapshot of the aggregate in the hot document (none without). */
        public Builder snapshots(AggregateSnapshots snapshots) {
            this.snapshots = snapshots;
            return this;
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
            if (chunks == null) {
                chunks = StreamChunks.none();
            }
            return new StreamDocumentStorageEngine(this);
        }
    }
}
