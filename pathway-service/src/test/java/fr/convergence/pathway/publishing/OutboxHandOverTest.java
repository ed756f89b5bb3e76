package fr.convergence.pathway.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import fr.convergence.kit.kafka.IntegrationEventPublisher;
import fr.convergence.kit.kafka.OutgoingRecord;
import fr.convergence.pathway.domain.HousingKind;
import fr.convergence.pathway.domain.Programme;
import fr.convergence.pathway.domain.event.HealthCareAccessed;
import fr.convergence.pathway.domain.event.HousingSecured;
import fr.convergence.pathway.domain.event.ParticipantHired;
import fr.convergence.pathway.store.ChainSeal;
import fr.convergence.pathway.store.PathwayIndexer;
import fr.convergence.pathway.store.PublishedMarks;
import fr.convergence.pathway.store.StreamDocumentStorageEngine;
import fr.convergence.testing.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox publishes the events an append hands over without reading the stream back, marks them published off
 * the command path, and still loses nothing when Kafka fails or the process restarts: then it reads the stream and
 * publishes from the stored mark (consumers drop what was already sent, by event id).
 */
class OutboxHandOverTest {

    static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    static final ChainSeal SEAL = new ChainSeal("a test chain key of thirty-two by".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    MongoClient client;
    MongoCollection<Document> streams;
    StreamDocumentStorageEngine engine;
    final List<BsonDocument> reads = new CopyOnWriteArrayList<>();
    final List<OutgoingRecord> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToCome = new AtomicInteger();
    RecordingPublisher publisher;
    PathwayOutbox outbox;
    volatile boolean running = true;

    class RecordingPublisher implements PathwayOutbox.Publisher {
        @Override
        public void publish(List<OutgoingRecord> records) throws IntegrationEventPublisher.PublicationFailedException {
            if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IntegrationEventPublisher.PublicationFailedException(new IllegalStateException("broker down"));
            }
            sent.addAll(records);
        }
    }

    @BeforeEach
    void setUp() {
        CommandListener fullReads = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonDocument command = event.getCommand();
                // a read made by the outbox itself, on one of its lanes
                if (command.containsKey("find") && Thread.currentThread().getName().startsWith("pathway-outbox")) {
                    reads.add(command.clone());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.mongoUri()))
                .addCommandListener(fullReads).build());
        streams = client.getDatabase(TestInfrastructure.uniqueDatabase("outbox")).getCollection("pathway_streams");
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).build();
        publisher = new RecordingPublisher();
        engine = StreamDocumentStorageEngine.builder().streams(streams).indexer(new PathwayIndexer())
                .onAppended(a -> {
                    if (running) {
                        outbox.appended(a);
                    }
                }).seal(SEAL).eventSerializer(serializer).snapshotSerializer(serializer).build();
        outbox = newOutbox(json);
    }

    PathwayOutbox newOutbox(ObjectMapper json) {
        return new PathwayOutbox(engine, new PublishedMarks(engine.documents(), 20), new PathwayContract(json), publisher,
                new SimpleMeterRegistry());
    }

    @AfterEach
    void tearDown() throws Exception {
        outbox.close();
        client.close();
    }

    static GenericDomainEventMessage<?> event(String id, long seq, Object payload) {
        return new GenericDomainEventMessage<>("Pathway", id, seq, payload);
    }

    static ParticipantHired hired(String id) {
        return new ParticipantHired(id, DAY, "p-" + id, "paris", "aci-1", Programme.PHC, DAY.plusMonths(6), 4, false);
    }

    List<Long> sequencesSent(String id) {
        return sent.stream().filter(r -> r.json().contains(id))
                .map(r -> {
                    try {
                        return new ObjectMapper().readTree(r.json()).get("sequence").asLong();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    Document stored(String id) {
        return streams.find(new Document("_id", id)).projection(new Document("events", 0)).first();
    }

    @Test
    void publishesWhatTheAppendsHandOverInOrderWithoutReadingTheStream() {
        String id = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(id, 0, hired(id))));
        engine.appendEvents(List.of(event(id, 1, new HealthCareAccessed(id, DAY)),
                event(id, 2, new HousingSecured(id, DAY, HousingKind.SHELTER))));
        await().atMost(Duration.ofSeconds(20)).until(() -> sequencesSent(id).size() == 3);
        assertThat(sequencesSent(id)).containsExactly(0L, 1L, 2L);
        assertThat(sent).allSatisfy(r -> assertThat(r.key()).isEqualTo("p-" + id));
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(id).getBoolean("pending") == Boolean.FALSE);
        assertThat(stored(id).get("publishedVersion", Number.class).longValue()).isEqualTo(3);
        assertThat(reads).as("no stream read back to publish it").isEmpty();
    }

    @Test
    void whenKafkaFailsTheStreamIsPublishedFromTheStoreOnceItIsBack() {
        String id = UUID.randomUUID().toString();
        failuresToCome.set(2);
        engine.appendEvents(List.of(event(id, 0, hired(id))));
        engine.appendEvents(List.of(event(id, 1, new HealthCareAccessed(id, DAY))));
        await().atMost(Duration.ofSeconds(30)).until(() -> sequencesSent(id).size() >= 2);
        assertThat(sequencesSent(id)).containsExactly(0L, 1L);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(id).getBoolean("pending") == Boolean.FALSE);
        assertThat(outbox.waiting()).isZero();
    }

    /** A crash between publication and its mark: the next run publishes the stream again from the stored mark. */
    @Test
    void afterARestartWhatWasNotMarkedIsPublishedAgainAndNothingIsLost() throws Exception {
        String id = UUID.randomUUID().toString();
        running = false; // this run dies before it can publish anything
        outbox.close();
        engine.appendEvents(List.of(event(id, 0, hired(id)), event(id, 1, new HealthCareAccessed(id, DAY))));
        assertThat(stored(id).getBoolean("pending")).isTrue();
        outbox = newOutbox(new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
        running = true;
        assertThat(outbox.recoverPending()).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> sequencesSent(id).size() == 2);
        assertThat(sequencesSent(id)).containsExactly(0L, 1L);
        engine.appendEvents(List.of(event(id, 2, new HousingSecured(id, DAY, HousingKind.SHELTER))));
        await().atMost(Duration.ofSeconds(20)).until(() -> sequencesSent(id).size() == 3);
        assertThat(sequencesSent(id)).containsExactly(0L, 1L, 2L);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(id).get("publishedVersion", Number.class).longValue() == 3);
    }
}
