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
        chains = new ChainVerifier(engine.documents(), SEAL);
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
        ChainVerifier otherKey = new ChainVerifier(engine.documents(), new ChainSeal(new byte[32]));
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
}
