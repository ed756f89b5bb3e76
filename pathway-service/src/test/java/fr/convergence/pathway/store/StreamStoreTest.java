package fr.convergence.pathway.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import fr.convergence.pathway.domain.HousingKind;
import fr.convergence.pathway.domain.Programme;
import fr.convergence.pathway.domain.event.HealthCareAccessed;
import fr.convergence.pathway.domain.event.HousingSecured;
import fr.convergence.pathway.domain.event.ParticipantHired;
import fr.convergence.testing.TestInfrastructure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three storage guarantees, each proven on the MongoDB-wire store through the official driver. */
class StreamStoreTest {

    static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    /** A key of the test only: what the store never holds. */
    static final ChainSeal SEAL = new ChainSeal("a test chain key of thirty-two by".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    MongoClient client;
    MongoCollection<Document> streams;
    StreamDocumentStorageEngine engine;
    final List<BsonDocument> commandsSent = new CopyOnWriteArrayList<>();
    final List<String> appended = new CopyOnWriteArrayList<>();
    ChainVerifier chains;

    @BeforeEach
    void setUp() {
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commandsSent.add(event.getCommand().clone());
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.mongoUri()))
                .addCommandListener(recorder).build());
        streams = client.getDatabase(TestInfrastructure.uniqueDatabase("store")).getCollection("pathway_streams");
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).build();
        engine = StreamDocumentStorageEngine.builder().streams(streams).indexer(new PathwayIndexer())
                .onAppended(a -> appended.add(a.streamId())).seal(SEAL).eventSerializer(serializer).snapshotSerializer(serializer).build();
        chains = new ChainVerifier(engine.documents(), StreamChunks.none(), SEAL);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static DomainEventMessage<?> event(String id, long seq, Object payload) {
        return new GenericDomainEventMessage<>("Pathway", id, seq, payload);
    }

    static ParticipantHired hired(String id) {
        return new ParticipantHired(id, DAY, "p-" + id, "paris", "aci-1", Programme.PHC, DAY.plusMonths(6), 4, false);
    }

    @Test
    void storesAllEventsOfOneAppendInOneWrite() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id)), event(id, 1, new HealthCareAccessed(id, DAY)),
                event(id, 2, new HousingSecured(id, DAY, HousingKind.SHELTER))));
        long writes = commandsSent.stream().filter(c -> c.containsKey("insert") || c.containsKey("update")).count();
        assertThat(writes).isEqualTo(1);
        assertThat(engine.load(id).orElseThrow().events()).hasSize(3);
        assertThat(appended).containsExactly(id);
    }

    @Test
    void storesNothingOfABatchThatLostTheVersionRace() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id))));
        engine.appendEvents(List.of(event(id, 1, new HealthCareAccessed(id, DAY)))); // a concurrent writer won v1
        assertThatThrownBy(() -> engine.appendEvents(List.of(event(id, 1, new HealthCareAccessed(id, DAY)),
                event(id, 2, new HousingSecured(id, DAY, HousingKind.SHELTER)))))
                .isInstanceOf(ConcurrencyException.class);
        StoredStream stream = engine.load(id).orElseThrow();
        assertThat(stream.version()).isEqualTo(2);
        assertThat(stream.events()).extracting(e -> e.message().getPayloadType().getSimpleName())
                .containsExactly("ParticipantHired", "HealthCareAccessed");
    }

    @Test
    void letsExactlyOneOfManyConcurrentWritersWinEachVersion() throws Exception {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id))));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new java.util.ArrayList<>();
        for (int i = 0; i < writers; i++) {
            results.add(pool.submit(() -> {
                go.await();
                try {
                    engine.appendEvents(List.of(event(id, 1, new HealthCareAccessed(id, DAY))));
                    return true;
                } catch (ConcurrencyException lost) {
                    return false;
                }
            }));
        }
        go.countDown();
        int winners = 0;
        for (Future<Boolean> r : results) {
            winners += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
        assertThat(engine.load(id).orElseThrow().events()).hasSize(2);
    }

    /** A retried write whose first attempt was applied but whose reply was lost must not store the events twice. */
    @Test
    void recognisesItsOwnAlreadyAppliedWriteOnRetry() {
        String id = UUID.randomUUID().toString();
        DomainEventMessage<?> hired = event(id, 0, hired(id));
        DomainEventMessage<?> care = event(id, 1, new HealthCareAccessed(id, DAY));
        engine.appendEvents(List.of(hired));
        engine.appendEvents(List.of(hired)); // the create, retried
        engine.appendEvents(List.of(care));
        engine.appendEvents(List.of(care)); // the append, retried
        assertThat(engine.load(id).orElseThrow().events()).hasSize(2);
    }

    @Test
    void refusesToCreateAStreamTwice() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id))));
        assertThatThrownBy(() -> engine.appendEvents(List.of(event(id, 0, hired(id)))))
                .isInstanceOf(org.axonframework.modelling.command.AggregateStreamCreationException.class);
    }

    /**
     * Load and append cost is proportional to the stream, not the store, because every query is an exact match
     * on the unique {_id} / {_id, version} index: no range operator, no $and, no sort (STACK.md: the stand-in
     * scans the whole collection for anything else). Timings are measured by the benchmark, not here.
     */
    @Test
    void loadsAndAppendsWithExactKeyFiltersOnly() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id))));
        commandsSent.clear();
        engine.readEvents(id).asStream().count();
        engine.appendEvents(List.of(event(id, 1, new HealthCareAccessed(id, DAY))));
        List<BsonDocument> filters = commandsSent.stream()
                .map(c -> c.containsKey("find") ? c.getDocument("filter")
                        : c.getArray("updates").get(0).asDocument().getDocument("q"))
                .toList();
        assertThat(filters).hasSize(3); // load, head check, conditional update
        assertThat(filters).allSatisfy(f -> {
            assertThat(f.keySet()).isSubsetOf("_id", "version");
            assertThat(f.getString("_id").getValue()).isEqualTo(id);
            assertThat(f.toJson()).doesNotContain("$");
        });
        assertThat(commandsSent).noneMatch(c -> c.containsKey("sort"));
    }

    @Test
    void chainsEveryEventToThePreviousOne() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id)), event(id, 1, new HealthCareAccessed(id, DAY))));
        engine.appendEvents(List.of(event(id, 2, new HousingSecured(id, DAY, HousingKind.SHELTER))));
        List<StoredEvent> events = engine.load(id).orElseThrow().events();
        assertThat(events.get(0).previousHash()).isEqualTo(HashChain.GENESIS);
        assertThat(events.get(1).previousHash()).isEqualTo(events.get(0).hash());
        assertThat(events.get(2).previousHash()).isEqualTo(events.get(1).hash());
        assertThat(chains.verifyChain(id)).isEmpty();
    }

    @Test
    void findsTheFirstTamperedEvent() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id)), event(id, 1, new HousingSecured(id, DAY, HousingKind.SHELTER)),
                event(id, 2, new HealthCareAccessed(id, DAY))));
        // Someone with database access rewrites history: a shelter becomes durable housing.
        streams.updateOne(new Document("_id", id),
                new Document("$set", new Document("events.1.payload.kind", "DURABLE_HOUSING")));
        assertThat(chains.verifyChain(id)).get().extracting(ChainVerifier.ChainBreak::sequence).isEqualTo(1L);
    }

    @Test
    void detectsARemovedEvent() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id)), event(id, 1, new HousingSecured(id, DAY, HousingKind.SHELTER)),
                event(id, 2, new HealthCareAccessed(id, DAY))));
        streams.updateOne(new Document("_id", id), new Document("$pull", new Document("events", new Document("seq", 1L))));
        assertThat(chains.verifyChain(id)).get().extracting(ChainVerifier.ChainBreak::sequence).isEqualTo(2L);
    }

    /**
     * Issue 21 finding 7: someone with write access to the store rewrites a whole history consistently — every hash
     * recomputed, the head hash too — which the unkeyed chain alone cannot tell; the head's seal, keyed outside the
     * store, does.
     */
    @Test
    void aHistoryRewrittenConsistentlyIsCaughtByTheSeal() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id)), event(id, 1, new HousingSecured(id, DAY, HousingKind.SHELTER)),
                event(id, 2, new HealthCareAccessed(id, DAY))));
        Document doc = streams.find(new Document("_id", id)).first();
        @SuppressWarnings("unchecked")
        List<Document> events = (List<Document>) doc.get("events");
        events.get(1).get("payload", Document.class).put("kind", "DURABLE_HOUSING");
        String previous = HashChain.GENESIS;
        for (Document entry : events) {
            String hash = HashChain.hash(entry, previous);
            entry.put("prev", previous);
            entry.put("hash", hash);
            previous = hash;
        }
        streams.updateOne(new Document("_id", id), new Document("$set", new Document("events", events).append("headHash", previous)));
        assertThat(chains.verifyChain(id)).get().satisfies(b -> {
            assertThat(b.sequence()).isEqualTo(3L);
            assertThat(b.reason()).contains("head seal");
        });
    }

    @Test
    void aStreamMovedToAnotherTerritoryOrAciIsCaughtByTheSeal() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id)), event(id, 1, new HealthCareAccessed(id, DAY))));
        assertThat(chains.verifyChain(id)).isEmpty();
        streams.updateOne(new Document("_id", id), new Document("$set", new Document("aciId", "aci-elsewhere")));
        assertThat(chains.verifyChain(id)).get().extracting(ChainVerifier.ChainBreak::reason)
                .asString().contains("head seal");
    }

    @Test
    void aSealedStreamReadWithAnotherKeyDoesNotVerify() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id))));
        ChainVerifier otherKey = new ChainVerifier(engine.documents(), StreamChunks.none(), new ChainSeal(new byte[32]));
        assertThat(otherKey.verifyChain(id)).isPresent();
        assertThat(chains.verifyChain(id)).isEmpty();
    }

    /**
     * Issue 20 goal 1: a command reads its stream once — the read its access check made, handed to Axon's load
     * through the command's context — and writes it once; the append chains from the head that load remembered.
     */
    @Test
    void aCommandReadsItsStreamOnceAndWritesItOnce() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id)), event(id, 1, new HealthCareAccessed(id, DAY))));
        commandsSent.clear();
        Document loaded = engine.documents().find(id); // the access check's read
        try (CommandContext context = CommandContext.open(id, loaded)) {
            inUnitOfWork(() -> {
                assertThat(engine.readEvents(id).asStream().count()).isEqualTo(2);
                engine.appendEvents(List.of(event(id, 2, new HousingSecured(id, DAY, HousingKind.SHELTER))));
            });
            assertThat(context.stored()).get().satisfies(a -> {
                assertThat(a.firstSequence()).isEqualTo(2);
                assertThat(a.version()).isEqualTo(3);
                assertThat(a.territory()).isEqualTo("paris");
                assertThat(a.events()).singleElement().extracting(StoredEvent::previousHash)
                        .isEqualTo(EventEntries.of(loaded).get(1).getString("hash"));
            });
        }
        assertThat(commandsSent.stream().filter(c -> c.containsKey("find")).count()).isEqualTo(1);
        assertThat(commandsSent.stream().filter(c -> c.containsKey("update") || c.containsKey("insert")).count()).isEqualTo(1);
        assertThat(chains.verifyChain(id)).isEmpty();
        assertThat(appended).containsExactly(id, id);
    }

    /** The document handed over is used by one load only: a second load of the same command (a retry) reads afresh. */
    @Test
    void aRetriedLoadReadsTheStreamAgain() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id))));
        Document loaded = engine.documents().find(id);
        engine.appendEvents(List.of(event(id, 1, new HealthCareAccessed(id, DAY)))); // written meanwhile
        try (CommandContext context = CommandContext.open(id, loaded)) {
            inUnitOfWork(() -> assertThat(engine.readEvents(id).asStream().count()).isEqualTo(1));
            inUnitOfWork(() -> assertThat(engine.readEvents(id).asStream().count()).isEqualTo(2));
        }
    }

    /**
     * The head a command loaded may be stale by the time it appends: the conditional update on {_id, version}
     * refuses it (409 after the gateway's retries), and nothing of the batch is stored.
     */
    @Test
    void anAppendFromAStaleLoadConflictsAndStoresNothing() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id))));
        Document loaded = engine.documents().find(id);
        try (CommandContext context = CommandContext.open(id, loaded)) {
            assertThatThrownBy(() -> inUnitOfWork(() -> {
                engine.readEvents(id).asStream().count();
                Thread other = new Thread(() -> engine.appendEvents(List.of(event(id, 1, new HealthCareAccessed(id, DAY)))));
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                engine.appendEvents(List.of(event(id, 1, new HousingSecured(id, DAY, HousingKind.SHELTER))));
            })).hasRootCauseInstanceOf(ConcurrencyException.class);
            assertThat(context.stored()).isEmpty();
        }
        assertThat(engine.load(id).orElseThrow().events()).extracting(e -> e.message().getPayloadType().getSimpleName())
                .containsExactly("ParticipantHired", "HealthCareAccessed");
    }

    /** A command whose write was applied but whose reply was lost, retried from the same load, stores nothing twice. */
    @Test
    void aCommandRetriedAfterALostReplyIsStoredOnce() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id))));
        DomainEventMessage<?> care = event(id, 1, new HealthCareAccessed(id, DAY));
        Document loaded = engine.documents().find(id);
        inUnitOfWork(() -> {
            engine.readEvents(id).asStream().count();
            engine.appendEvents(List.of(care));
        });
        try (CommandContext context = CommandContext.open(id, loaded)) {
            inUnitOfWork(() -> {
                engine.readEvents(id).asStream().count();
                engine.appendEvents(List.of(care)); // the same events, from the same (now stale) load
            });
            assertThat(context.stored()).get().extracting(Appended::version).isEqualTo(2L);
        }
        assertThat(engine.load(id).orElseThrow().events()).hasSize(2);
        assertThat(chains.verifyChain(id)).isEmpty();
    }

    /** Runs {@code work} as Axon runs a command: inside a unit of work; what it throws is rethrown, wrapped. */
    static void inUnitOfWork(Runnable work) {
        var result = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            work.run();
            return null;
        }, e -> true);
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
    }

    // ---- issue 20 goal 2: a bounded hot document, older events sealed into immutable chunks ----

    static final int C = 5;

    MongoCollection<Document> chunkCollection() {
        return streams.getNamespace() == null ? null
                : client.getDatabase(streams.getNamespace().getDatabaseName()).getCollection("pathway_stream_chunks");
    }

    StreamDocumentStorageEngine chunkedEngine() {
        return StreamDocumentStorageEngine.builder().streams(streams).chunks(new StreamChunks(chunkCollection(), C))
                .indexer(new PathwayIndexer()).onAppended(a -> appended.add(a.streamId())).seal(SEAL)
                .eventSerializer(engine.getEventSerializer()).snapshotSerializer(engine.getSnapshotSerializer()).build();
    }

    ChainVerifier chunkedChains() {
        return new ChainVerifier(engine.documents(), new StreamChunks(chunkCollection(), C), SEAL);
    }

    static DomainEventMessage<?> care(String id, long seq) {
        return event(id, seq, new HealthCareAccessed(id, DAY.plusDays(seq)));
    }

    /** Appends events 1..n-1 one command at a time, each inside a unit of work as Axon does. */
    static void appendOneByOne(StreamDocumentStorageEngine engine, String id, int from, int to) {
        for (int seq = from; seq < to; seq++) {
            int s = seq;
            inUnitOfWork(() -> {
                engine.readEvents(id, s).asStream().count();
                engine.appendEvents(List.of(care(id, s)));
            });
        }
    }

    @Test
    void sealsFullChunksAndKeepsTheHotDocumentBounded() {
        StreamDocumentStorageEngine chunked = chunkedEngine();
        String id = UUID.randomUUID().toString();
        chunked.appendEvents(List.of(event(id, 0, hired(id))));
        appendOneByOne(chunked, id, 1, 23);
        Document hot = streams.find(new Document("_id", id)).first();
        assertThat(hot.get("chunked", Number.class).longValue()).isEqualTo(20);
        assertThat(EventEntries.of(hot)).extracting(EventEntries::sequence).containsExactly(20L, 21L, 22L);
        assertThat(chunkCollection().countDocuments(new Document("stream", id))).isEqualTo(4);
        assertThat(chunked.load(id).orElseThrow().events()).extracting(e -> e.message().getSequenceNumber())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 23).boxed().toList());
        assertThat(chunked.readEvents(id, 7).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(7, 23).boxed().toList());
        assertThat(chunkedChains().verifyChain(id)).isEmpty();
    }

    /** Only exact keys: the hot document by _id / {_id, version}, each chunk by its "streamId#k" _id. */
    @Test
    void chunksAreReadAndWrittenByExactKeyOnly() {
        StreamDocumentStorageEngine chunked = chunkedEngine();
        String id = UUID.randomUUID().toString();
        chunked.appendEvents(List.of(event(id, 0, hired(id))));
        appendOneByOne(chunked, id, 1, 12);
        commandsSent.clear();
        chunked.load(id).orElseThrow();
        appendOneByOne(chunked, id, 12, 16);
        assertThat(commandsSent.stream().filter(c -> c.containsKey("find")).map(c -> c.getDocument("filter")).toList())
                .allSatisfy(f -> {
                    assertThat(f.keySet()).containsExactly("_id");
                    assertThat(f.toJson()).doesNotContain("$");
                });
    }

    @Test
    void anEventAlteredInASealedChunkIsCaught() {
        StreamDocumentStorageEngine chunked = chunkedEngine();
        String id = UUID.randomUUID().toString();
        chunked.appendEvents(List.of(event(id, 0, hired(id))));
        appendOneByOne(chunked, id, 1, 13);
        assertThat(chunkedChains().verifyChain(id)).isEmpty();
        chunkCollection().updateOne(new Document("_id", id + "#1"),
                new Document("$set", new Document("events.2.payload.occurredOn", "2020-01-01")));
        assertThat(chunkedChains().verifyChain(id)).get().satisfies(b -> {
            assertThat(b.sequence()).isEqualTo(7L);
            assertThat(b.reason()).contains("altered");
        });
    }

    @Test
    void aRemovedChunkIsCaught() {
        StreamDocumentStorageEngine chunked = chunkedEngine();
        String id = UUID.randomUUID().toString();
        chunked.appendEvents(List.of(event(id, 0, hired(id))));
        appendOneByOne(chunked, id, 1, 13);
        chunkCollection().deleteOne(new Document("_id", id + "#0"));
        assertThat(chunkedChains().verifyChain(id)).get().extracting(ChainVerifier.ChainBreak::sequence).isEqualTo(5L);
    }

    /** A whole chunk rewritten consistently (hashes recomputed) breaks the link into the hot document, or the seal. */
    @Test
    void aChunkRewrittenConsistentlyIsCaught() {
        StreamDocumentStorageEngine chunked = chunkedEngine();
        String id = UUID.randomUUID().toString();
        chunked.appendEvents(List.of(event(id, 0, hired(id))));
        appendOneByOne(chunked, id, 1, 13);
        Document chunk = chunkCollection().find(new Document("_id", id + "#1")).first();
        List<Document> events = EventEntries.of(chunk);
        events.get(0).get("payload", Document.class).put("occurredOn", "2020-01-01");
        String previous = events.get(0).getString("prev");
        for (Document entry : events) {
            String hash = HashChain.hash(entry, previous);
            entry.put("prev", previous);
            entry.put("hash", hash);
            previous = hash;
        }
        chunkCollection().updateOne(new Document("_id", id + "#1"), new Document("$set", new Document("events", events)));
        assertThat(chunkedChains().verifyChain(id)).get().extracting(ChainVerifier.ChainBreak::sequence).isEqualTo(10L);
    }

    /**
     * The append inserts its chunk first, then updates the hot document: a crash in between (here, the chunk inserted
     * and the update never sent) leaves a chunk nobody points at; the next append inserts it again over the same
     * key and goes on, nothing lost or doubled.
     */
    @Test
    void aCrashBetweenTheChunkInsertAndTheHotUpdateLosesNothing() {
        StreamDocumentStorageEngine chunked = chunkedEngine();
        String id = UUID.randomUUID().toString();
        chunked.appendEvents(List.of(event(id, 0, hired(id))));
        appendOneByOne(chunked, id, 1, 5);
        Document hot = streams.find(new Document("_id", id)).first();
        StreamChunks chunks = new StreamChunks(chunkCollection(), C);
        assertThat(chunks.sealTo(hot)).isEqualTo(5);
        chunks.seal(id, EventEntries.of(hot), StreamChunks.chunked(hot), chunks.sealTo(hot)); // the crashed append got this far
        assertThat(StreamChunks.chunked(streams.find(new Document("_id", id)).first())).isZero();
        appendOneByOne(chunked, id, 5, 8);
        assertThat(StreamChunks.chunked(streams.find(new Document("_id", id)).first())).isEqualTo(5);
        assertThat(chunkCollection().countDocuments(new Document("stream", id))).isEqualTo(1);
        assertThat(chunked.load(id).orElseThrow().events()).hasSize(8);
        assertThat(chunkedChains().verifyChain(id)).isEmpty();
    }

    /** Two writers sealing the same chunk from the same load: one wins, the other conflicts; the chunk is kept once. */
    @Test
    void aWriterThatLostTheRaceAfterSealingLeavesTheStreamWhole() {
        StreamDocumentStorageEngine chunked = chunkedEngine();
        String id = UUID.randomUUID().toString();
        chunked.appendEvents(List.of(event(id, 0, hired(id))));
        appendOneByOne(chunked, id, 1, 5);
        Document loaded = streams.find(new Document("_id", id)).first();
        try (CommandContext context = CommandContext.open(id, loaded)) {
            assertThatThrownBy(() -> inUnitOfWork(() -> {
                chunked.readEvents(id).asStream().count();
                Thread other = new Thread(() -> appendOneByOne(chunked, id, 5, 6));
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                chunked.appendEvents(List.of(event(id, 5, new HousingSecured(id, DAY, HousingKind.SHELTER))));
            })).hasRootCauseInstanceOf(ConcurrencyException.class);
        }
        appendOneByOne(chunked, id, 6, 7);
        assertThat(chunked.load(id).orElseThrow().events()).extracting(e -> e.message().getPayloadType().getSimpleName())
                .containsExactly("ParticipantHired", "HealthCareAccessed", "HealthCareAccessed", "HealthCareAccessed",
                        "HealthCareAccessed", "HealthCareAccessed", "HealthCareAccessed");
        assertThat(chunkedChains().verifyChain(id)).isEmpty();
    }

    /**
     * A stream stored before chunks (every event in its one document, no chunked mark) still loads and verifies, and
     * its next write moves it to the new layout: its full chunks sealed, its hot document bounded.
     */
    @Test
    void aStreamOfTheEarlierLayoutLoadsAndMovesOnItsNextWrite() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id))));
        for (int seq = 1; seq < 12; seq++) {
            engine.appendEvents(List.of(care(id, seq)));
        }
        Document old = streams.find(new Document("_id", id)).first();
        assertThat(old.containsKey("chunked")).isFalse();
        assertThat(EventEntries.of(old)).hasSize(12);

        StreamDocumentStorageEngine chunked = chunkedEngine();
        assertThat(chunked.load(id).orElseThrow().events()).hasSize(12);
        assertThat(chunked.readEvents(id).asStream().count()).isEqualTo(12);
        assertThat(chunkedChains().verifyChain(id)).isEmpty();

        appendOneByOne(chunked, id, 12, 13);
        Document moved = streams.find(new Document("_id", id)).first();
        assertThat(moved.get("chunked", Number.class).longValue()).isEqualTo(10);
        assertThat(EventEntries.of(moved)).extracting(EventEntries::sequence).containsExactly(10L, 11L, 12L);
        assertThat(chunked.load(id).orElseThrow().events()).hasSize(13);
        assertThat(chunkedChains().verifyChain(id)).isEmpty();
    }

    // ---- issue 20 goal 3: the audit reads each pathway once ----

    /**
     * One read of the hot document and of each chunk serves both the events and the chain check; events are told from
     * their stored fields and decoded only on demand; a pathway of a territory the auditor does not see costs one read
     * and tells nothing.
     */
    @Test
    void anAuditReadsEachStreamOnceForItsEventsAndItsChain() {
        StreamDocumentStorageEngine chunked = chunkedEngine();
        String id = UUID.randomUUID().toString();
        chunked.appendEvents(List.of(event(id, 0, hired(id))));
        appendOneByOne(chunked, id, 1, 13);
        StreamChunks chunks = new StreamChunks(chunkCollection(), C);
        AuditedStreams audited = new AuditedStreams(chunked.documents(), chunks,
                new ChainVerifier(chunked.documents(), chunks, SEAL), chunked);
        commandsSent.clear();
        AuditedStreams.AuditedStream stream = audited.read(id, "paris"::equals).orElseThrow();
        assertThat(commandsSent.stream().filter(c -> c.containsKey("find")).count()).isEqualTo(3); // hot + 2 chunks
        assertThat(stream.chain().firstBreak()).isEmpty();
        assertThat(stream.chain().headHash()).isEqualTo(streams.find(new Document("_id", id)).first().getString("headHash"));
        assertThat(stream.events()).extracting(AuditedStreams.RecordedEvent::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 13).boxed().toList());
        AuditedStreams.RecordedEvent seventh = stream.events().get(7);
        assertThat(seventh.type()).isEqualTo("HealthCareAccessed");
        assertThat(seventh.occurredOn()).isEqualTo(DAY.plusDays(7).toString());
        assertThat(seventh.message().get().getPayload()).isEqualTo(new HealthCareAccessed(id, DAY.plusDays(7)));

        commandsSent.clear();
        assertThat(audited.read(id, "lyon"::equals)).isEmpty();
        assertThat(commandsSent.stream().filter(c -> c.containsKey("find")).count()).isEqualTo(1);
    }
}
