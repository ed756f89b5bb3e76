package fr.convergence.participant.publishing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import fr.convergence.contracts.Topics;
import fr.convergence.kit.kafka.IntegrationEventPublisher;
import fr.convergence.participant.domain.AgeBand;
import fr.convergence.participant.domain.ParticipantStatus;
import fr.convergence.participant.domain.PseudonymousId;
import fr.convergence.participant.domain.event.ParticipantMoved;
import fr.convergence.participant.domain.event.ParticipantRegistered;
import fr.convergence.testing.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The in-document outbox against the real broker and the MongoDB-wire store: nothing lost, nothing early. */
class OutboxRelayTest {

    static MongoClient client;
    static MongoCollection<Document> collection;
    final ParticipantContract contract = new ParticipantContract();
    final EventContext context = new EventContext("cip-1", "corr-outbox", LocalDate.now(), Instant.now());

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        collection = client.getDatabase(TestInfrastructure.uniqueDatabase("outbox")).getCollection("participants");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /** Stores a participant-like document with one pending event, as a write would. */
    String storeWithPendingEvent() {
        String id = PseudonymousId.next();
        OutboxEntry registered = contract.render(new ParticipantRegistered(id, "paris", "aci-paris-1", "cip-1",
                AgeBand.FROM_35_TO_44, ParticipantStatus.ACTIVE), context, 1);
        collection.insertOne(Outboxed.newDocument(new Document("_id", id), List.of(registered)));
        return id;
    }

    Document stored(String id) {
        return collection.find(new Document("_id", id)).first();
    }

    static List<String> valuesFor(String id) {
        return TestInfrastructure.readAll(Pattern.compile(Pattern.quote(Topics.participant("paris"))), 1, Duration.ofSeconds(3))
                .stream().filter(r -> id.equals(r.key())).map(r -> r.value()).toList();
    }

    @Test
    void publishesAndThenEmptiesTheOutbox() throws Exception {
        String id = storeWithPendingEvent();
        try (OutboxRelay relay = relayTo(TestInfrastructure.kafkaBootstrap())) {
            relay.schedule("participants", id);
            await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(stored(id).getBoolean("pending")));
        }
        assertThat(stored(id).getList("outbox", Document.class)).isEmpty();
        assertThat(stored(id).getLong("publishedVersion")).isEqualTo(1L);
        assertThat(valuesFor(id)).hasSize(1);
    }

    @Test
    void keepsEventsPendingWhileKafkaIsDown() throws Exception {
        String id = storeWithPendingEvent();
        try (OutboxRelay relay = relayTo("127.0.0.1:1")) {
            relay.schedule("participants", id);
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.waiting() == 1);
        }
        assertThat(stored(id).getBoolean("pending")).isTrue();
        assertThat(stored(id).getLong("publishedVersion")).isZero();
        assertThat(stored(id).getList("outbox", Document.class)).hasSize(1);
    }

    @Test
    void recoversPendingEventsAtStartUpWithOneScan() throws Exception {
        String id = storeWithPendingEvent();
        try (OutboxRelay relay = relayTo(TestInfrastructure.kafkaBootstrap())) {
            assertThat(relay.recoverPending()).isGreaterThanOrEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(stored(id).getBoolean("pending")));
        }
        assertThat(valuesFor(id)).hasSize(1);
    }

    @Test
    void publishesEventsAddedWhileADrainWasRunning() throws Exception {
        String id = storeWithPendingEvent();
        OutboxEntry moved = contract.render(new ParticipantMoved(id, "paris", "aci-paris-1", "aci-paris-2", "cip-1"),
                context, 2);
        try (OutboxRelay relay = relayTo(TestInfrastructure.kafkaBootstrap())) {
            relay.schedule("participants", id);
            collection.updateOne(Outboxed.expecting(id, 1), Outboxed.change(1, new Document("aciId", "aci-paris-2"),
                    null, List.of(moved)));
            relay.schedule("participants", id);
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(id).getLong("publishedVersion") == 2L
                    && Boolean.FALSE.equals(stored(id).getBoolean("pending")));
        }
        List<String> values = valuesFor(id);
        assertThat(values).hasSize(2);
        assertThat(values.get(0)).contains("\"ParticipantRegistered\"");
        assertThat(values.get(1)).contains("\"ParticipantMoved\"");
    }

    OutboxRelay relayTo(String bootstrap) {
        IntegrationEventPublisher publisher = new IntegrationEventPublisher(fr.convergence.kit.kafka.KafkaClients.plaintext(bootstrap), new SimpleMeterRegistry());
        return new ClosingRelay(publisher).source("participants", collection);
    }

    /** Closes its own publisher too. */
    static class ClosingRelay extends OutboxRelay {
        private final IntegrationEventPublisher publisher;

        ClosingRelay(IntegrationEventPublisher publisher) {
            super(publisher, new SimpleMeterRegistry());
            this.publisher = publisher;
        }

        @Override
        public void close() throws InterruptedException {
            super.close();
            publisher.close();
        }
    }
}
