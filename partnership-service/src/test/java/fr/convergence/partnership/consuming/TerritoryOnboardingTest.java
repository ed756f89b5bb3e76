package fr.convergence.partnership.consuming;

import fr.convergence.contracts.ContractSchemas;
import fr.convergence.contracts.Topics;
import fr.convergence.kit.ServedTerritories;
import fr.convergence.kit.kafka.TerritoryDiscovery;
import fr.convergence.partnership.KafkaTopics;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static fr.convergence.partnership.PathwayEvents.barrierAssessed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance serving every territory ({@code TERRITORIES=*}) starts serving a territory when participant-service
 * opens it (TerritoryCreated on its participant stream, over the real broker), without a restart: the territory's
 * pathway stream is consumed (a barrier opens a need), its staff read and write there; a restarted instance, deriving
 * what it serves from the streams, serves it again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TerritoryOnboardingTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("partnership_onboarding"), "paris");
        registry.add("convergence.territories", () -> "*");
        registry.add("convergence.territory-discovery.refresh", () -> "PT1S");
        registry.add("partnership.consumer.metadata-max-age-ms", () -> "1000");
    }

    @LocalServerPort
    int port;
    @Autowired
    ServedTerritories served;

    @Test
    void aTerritoryOpenedWhileRunningHasItsPathwayStreamConsumedAndARestartServesItAgain() throws Exception {
        String territory = "onb-" + UUID.randomUUID().toString().substring(0, 6);
        Http officer = new Http(port).as(TestIssuer.get().tokenFor("cdp-" + territory, "partnership-officer", territory, null));
        Http coordinator = new Http(port).as(TestIssuer.get().token("coordinator", territory, null));
        assertThat(officer.get("/api/partnerships/needs").status()).isEqualTo(403);

        KafkaTopics.produce(Topics.participant(territory), territory, territoryCreated(territory));
        String participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTopics.produce(Topics.pathway(territory), participant,
                barrierAssessed(territory, participant, UUID.randomUUID().toString(), 0, "HOUSING", "PARTNER",
                        TODAY.minusDays(2)));

        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                .until(() -> officer.get("/api/partnerships/needs?size=200").status() == 200
                        && openNeedsOf(officer).contains(participant));
        Http.Response partner = coordinator.post("/api/partnerships/partners",
                "{\"name\":\"Foyer de %s\",\"domains\":[\"HOUSING\"]}".formatted(territory));
        assertThat(partner.status()).as(partner.raw()).isEqualTo(201);
        assertThat(partner.text("territory")).isEqualTo(territory);
        // an instance whose set may grow never guesses the territory of a national request
        Http analyst = new Http(port).as(TestIssuer.get().token("national-analyst", null, null));
        assertThat(analyst.get("/api/partnerships/needs/summary").status()).isEqualTo(400);
        assertThat(analyst.get("/api/partnerships/needs/summary?territory=" + territory).status()).isEqualTo(200);

        ServedTerritories afterRestart = new ServedTerritories("paris", "*");
        try (TerritoryDiscovery discovery = new TerritoryDiscovery(fr.convergence.kit.kafka.KafkaClients.plaintext(TestInfrastructure.kafkaBootstrap()), afterRestart,
                Duration.ofSeconds(1))) {
            discovery.start();
            await().atMost(Duration.ofSeconds(30)).until(discovery::caughtUp);
            assertThat(afterRestart.serves(territory)).isTrue();
        }
        assertThat(served.learn(territory)).isFalse();   // heard again: nothing more starts
    }

    /** A TerritoryCreated as participant-service publishes it (participant-event v1). */
    private static String territoryCreated(String territory) {
        String json = """
                {"eventId":"%s","type":"TerritoryCreated","schemaVersion":1,"source":"participant-service",\
                "territory":"%s","occurredOn":"%s","recordedAt":"%sT10:00:00Z","recordedBy":"admin",\
                "correlationId":"open-1","data":{"code":"%s","name":"Territoire %s"}}"""
                .formatted(UUID.randomUUID(), territory, TODAY, TODAY, territory, territory);
        assertThat(ContractSchemas.violations("participant-event", 1, json)).isEmpty();
        return json;
    }

    private static List<String> openNeedsOf(Http officer) {
        Http.Response r = officer.get("/api/partnerships/needs?size=200");
        return StreamSupport.stream(r.body().get("items").spliterator(), false)
                .map(n -> n.get("participantId").asString()).toList();
    }
}
