package fr.convergence.pathway.moves;

import fr.convergence.contracts.ContractSchemas;
import fr.convergence.contracts.Topics;
import fr.convergence.kit.ServedTerritories;
import fr.convergence.kit.kafka.TerritoryDiscovery;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance serving every territory ({@code TERRITORIES=*}) starts serving a territory when participant-service
 * opens it (TerritoryCreated on the territory's participant stream, over the real broker), without a restart: its
 * ACI staff hire there, and the territory's participant stream is consumed (an ACI recorded from a registration
 * decides who may hire the person). A restarted instance, deriving what it serves from the streams, serves it again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TerritoryOnboardingTest {

    static final LocalDate START = LocalDate.now().minusMonths(2);
    static final String HIRE = """
            {"participantId":"%s","territory":"%s","aciId":"%s","programme":"CVG","contractStart":"%s","plannedEnd":"%s","weeklyHours":26}""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("pathway_onboarding"), "paris");
        registry.add("convergence.territories", () -> "*");
        registry.add("convergence.territory-discovery.refresh", () -> "PT1S");
    }

    @LocalServerPort
    int port;
    @Autowired
    ServedTerritories served;

    Http cipOf(String territory, String aci) {
        return new Http(port).as(TestIssuer.get().tokenFor("cip-" + aci, "cip", territory, aci));
    }

    @Test
    void aTerritoryOpenedWhileRunningIsServedItsParticipantStreamConsumedAndARestartServesItAgain() throws Exception {
        String territory = "onb-" + UUID.randomUUID().toString().substring(0, 6);
        String aci = "aci-" + territory + "-1";
        Http.Response before = cipOf(territory, aci).post("/api/pathways",
                HIRE.formatted("PSN-" + base32(), territory, aci, START, START.plusMonths(20)));
        assertThat(before.status()).as(before.raw()).isEqualTo(422);
        assertThat(before.rule()).isEqualTo("territory-served");

        publish(territory, territoryCreated(territory));

        await().atMost(Duration.ofSeconds(30)).until(() -> served.serves(territory));
        Http.Response hired = cipOf(territory, aci).post("/api/pathways",
                HIRE.formatted("PSN-" + base32(), territory, aci, START, START.plusMonths(20)));
        assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        assertThat(hired.body().get("territory").asString()).isEqualTo(territory);

        // the new territory's participant stream is consumed: a person registered in another ACI is not this one's
        String registered = "PSN-" + base32();
        publish(territory, registered(territory, registered, "aci-" + territory + "-2"));
        await().atMost(Duration.ofSeconds(30)).until(() -> cipOf(territory, aci).post("/api/pathways",
                HIRE.formatted(registered, territory, aci, START, START.plusMonths(20))).status() == 404);

        // the same TerritoryCreated again (a redelivery, a second seed) starts nothing more
        publish(territory, territoryCreated(territory));
        assertThat(served.learn(territory)).isFalse();

        // a restarted instance reads the streams from the beginning and serves the territory again
        ServedTerritories afterRestart = new ServedTerritories("paris", "*");
        try (TerritoryDiscovery discovery = new TerritoryDiscovery(fr.convergence.kit.kafka.KafkaClients.plaintext(TestInfrastructure.kafkaBootstrap()), afterRestart,
                Duration.ofSeconds(1))) {
            discovery.start();
            await().atMost(Duration.ofSeconds(30)).until(discovery::caughtUp);
            assertThat(afterRestart.serves(territory)).isTrue();
        }
    }

    @Test
    void itsHealthSaysItServesEveryTerritoryAndWhich() {
        String territory = "onb-" + UUID.randomUUID().toString().substring(0, 6);
        publish(territory, territoryCreated(territory));

        await().atMost(Duration.ofSeconds(30)).until(() -> new Http(port).get("/actuator/health").raw().contains(territory));
        Http.Response health = new Http(port).get("/actuator/health");
        assertThat(health.status()).as(health.raw()).isEqualTo(200);
        assertThat(health.body().get("components").get("servedTerritories").get("details").get("mode").asString())
                .contains("TERRITORIES=*");
    }

    /** A TerritoryCreated as participant-service publishes it (participant-event v1). */
    static String territoryCreated(String territory) {
        String json = """
                {"eventId":"%s","type":"TerritoryCreated","schemaVersion":1,"source":"participant-service",\
                "territory":"%s","occurredOn":"%s","recordedAt":"%sT10:00:00Z","recordedBy":"admin",\
                "correlationId":"open-1","data":{"code":"%s","name":"Territoire %s"}}"""
                .formatted(UUID.randomUUID(), territory, LocalDate.now(), LocalDate.now(), territory, territory);
        assertThat(ContractSchemas.violations("participant-event", 1, json)).isEmpty();
        return json;
    }

    static String registered(String territory, String participant, String aci) {
        String json = """
                {"eventId":"%s","type":"ParticipantRegistered","schemaVersion":1,"source":"participant-service",\
                "territory":"%s","aciId":"%s","participantId":"%s","occurredOn":"%s","recordedAt":"%sT10:00:00Z",\
                "recordedBy":"cip-%s","correlationId":"reg-1","data":{"participantId":"%s","territory":"%s",\
                "aciId":"%s","referentId":"cip-%s","ageBand":"35-44","status":"ACTIVE"}}"""
                .formatted(UUID.randomUUID(), territory, aci, participant, LocalDate.now(), LocalDate.now(), aci,
                        participant, territory, aci, aci);
        assertThat(ContractSchemas.violations("participant-event", 1, json)).isEmpty();
        return json;
    }

    static String base32() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.util.Random random = new java.util.Random();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    static void publish(String territory, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.participant(territory), territory, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
