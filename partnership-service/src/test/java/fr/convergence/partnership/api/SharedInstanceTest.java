package fr.convergence.partnership.api;

import fr.convergence.partnership.KafkaTopics;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

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
 * One instance serving two territories (TERRITORIES=nantes,rouen, as the local run serves all eight): each
 * territory's partners, needs and referrals stay its own, its events come from and go to its own topics, and a
 * caller of one territory sees nothing of the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SharedInstanceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("partnership_shared"), "nantes");
        registry.add("convergence.territories", () -> "nantes,rouen");
        registry.add("partnership.consumer.metadata-max-age-ms", () -> "1000");
    }

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    private Http nantesCoordinator;
    private Http rouenCoordinator;
    private Http rouenOfficer;
    private Http nantesOfficer;
    private Http analyst;

    @BeforeEach
    void callers() {
        TestIssuer issuer = TestIssuer.get();
        nantesCoordinator = new Http(port).as(issuer.token("coordinator", "nantes", null));
        rouenCoordinator = new Http(port).as(issuer.token("coordinator", "rouen", null));
        rouenOfficer = new Http(port).as(issuer.tokenFor("cdp-rouen", "partnership-officer", "rouen", null));
        nantesOfficer = new Http(port).as(issuer.tokenFor("cdp-nantes", "partnership-officer", "nantes", null));
        analyst = new Http(port).as(issuer.token("national-analyst", null, null));
    }

    @Test
    void saysWhichTerritoriesItServes() {
        Http.Response r = analyst.get("/api/partnerships/territory");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("territory").asString()).isEqualTo("nantes");
        assertThat(StreamSupport.stream(r.body().get("territories").spliterator(), false).map(JsonNode::asString))
                .containsExactly("nantes", "rouen");
    }

    @Test
    void aListedSetHasNoDiscoveryAndIgnoresATerritoryOpenedElsewhere() {
        fr.convergence.kit.ServedTerritories served = context.getBean(fr.convergence.kit.ServedTerritories.class);

        assertThat(served.learn("brest")).isFalse();

        assertThat(context.getBeanProvider(fr.convergence.kit.kafka.TerritoryDiscovery.class).getIfAvailable()).isNull();
        assertThat(served.all()).containsExactly("nantes", "rouen");
        assertThat(nantesOfficer.get("/api/partnerships/needs?territory=brest").status()).isEqualTo(403);
    }

    @Test
    void aPartnerBelongsToTheTerritoryOfTheCoordinatorWhoRegisteredIt() {
        String id = register(rouenCoordinator, "Habitat Rouen " + UUID.randomUUID(), "HOUSING");

        Http.Response own = rouenCoordinator.get("/api/partnerships/partners/" + id);
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.text("territory")).isEqualTo("rouen");
        Http.Response other = nantesCoordinator.get("/api/partnerships/partners/" + id);
        assertThat(other.status()).as(other.raw()).isEqualTo(404);
        assertThat(partnerIds(nantesCoordinator.get("/api/partnerships/partners?size=200"))).doesNotContain(id);
        assertThat(partnerIds(rouenCoordinator.get("/api/partnerships/partners?size=200"))).contains(id);
    }

    @Test
    void aCoordinatorCannotRegisterAPartnerInTheOtherServedTerritory() {
        Http.Response r = nantesCoordinator.post("/api/partnerships/partners",
                "{\"name\":\"Intrus\",\"domains\":[\"HOUSING\"],\"territory\":\"rouen\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(403);
        assertThat(r.text("field")).isEqualTo("territory");
    }

    @Test
    void aNationalCallerNamesTheTerritoryOfAList() {
        String id = register(rouenCoordinator, "CCAS de Rouen " + UUID.randomUUID(), "RIGHTS");

        Http.Response unnamed = analyst.get("/api/partnerships/partners");
        assertThat(unnamed.status()).as(unnamed.raw()).isEqualTo(400);
        assertThat(unnamed.text("field")).isEqualTo("territory");
        assertThat(partnerIds(analyst.get("/api/partnerships/partners?territory=rouen&size=200"))).contains(id);
        assertThat(partnerIds(analyst.get("/api/partnerships/partners?territory=nantes&size=200"))).doesNotContain(id);
        Http.Response notServed = analyst.get("/api/partnerships/partners?territory=lille");
        assertThat(notServed.status()).as(notServed.raw()).isEqualTo(403);
    }

    @Test
    void eachTerritorysPathwayEventsOpenNeedsAndReferralsInThatTerritoryOnly() {
        String participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
        String pathwayId = UUID.randomUUID().toString();
        KafkaTopics.produce("convergence.rouen.pathway.v1", participant,
                barrierAssessed("rouen", participant, pathwayId, 0, "HOUSING", "PARTNER", TODAY.minusDays(4)));

        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                .until(() -> openNeedsOf(rouenOfficer).contains(participant));
        assertThat(openNeedsOf(nantesOfficer)).doesNotContain(participant);
        Http.Response elsewhere = nantesOfficer.get("/api/partnerships/participants/" + participant + "/needs");
        assertThat(elsewhere.body().get("needs")).as(elsewhere.raw()).isEmpty();

        String partner = register(rouenCoordinator, "Foyer rouennais " + UUID.randomUUID(), "HOUSING");
        Http.Response agreement = rouenCoordinator.post("/api/partnerships/partners/" + partner + "/agreements",
                "{\"startsOn\":\"%s\",\"endsOn\":\"%s\",\"scope\":[\"HOUSING\"]}".formatted(TODAY.minusYears(1),
                        TODAY.plusYears(1)));
        assertThat(agreement.status()).as(agreement.raw()).isEqualTo(201);
        Http.Response referral = rouenOfficer.post("/api/partnerships/referrals",
                "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"HOUSING\"}".formatted(participant, partner));
        assertThat(referral.status()).as(referral.raw()).isEqualTo(201);
        assertThat(referral.text("territory")).isEqualTo("rouen");
        String referralId = referral.text("id");
        assertThat(nantesOfficer.get("/api/partnerships/referrals/" + referralId).status()).isEqualTo(404);
        Http.Response acrossTerritories = nantesOfficer.post("/api/partnerships/referrals",
                "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"HOUSING\"}".formatted(participant, partner));
        assertThat(acrossTerritories.status()).as(acrossTerritories.raw()).isEqualTo(422);

        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTopics.readAll("convergence.rouen.partnership.v1")
                .stream().anyMatch(r -> r.value().contains(referralId)));
        assertThat(KafkaTopics.readAll("convergence.nantes.partnership.v1"))
                .noneMatch(r -> r.value().contains(referralId) || r.value().contains(partner));
    }

    private static String register(Http coordinator, String name, String domain) {
        Http.Response r = coordinator.post("/api/partnerships/partners",
                "{\"name\":\"%s\",\"domains\":[\"%s\"]}".formatted(name, domain));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    private static List<String> partnerIds(Http.Response list) {
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        return StreamSupport.stream(list.body().get("items").spliterator(), false)
                .map(p -> p.get("partnerId").asString()).toList();
    }

    private static List<String> openNeedsOf(Http officer) {
        Http.Response r = officer.get("/api/partnerships/needs?size=200");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return StreamSupport.stream(r.body().get("items").spliterator(), false)
                .map(n -> n.get("participantId").asString()).toList();
    }
}
