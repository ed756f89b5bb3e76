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

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static fr.convergence.partnership.PathwayEvents.barrierAssessed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Territory portfolios (issue 19 item 6) on an instance serving Lille, Strasbourg, Charente and Grenoble: a caller
 * holding the first three sees their partners and needs, not Grenoble's; a list or a write must name which of its
 * territories it is about (400, field {@code territory}); a read about people (an ACI's waiting needs, one
 * participant) spans the three. Territories no other test context serves: the consumers of a cached context share
 * a territory's consumer group, and would take this class's events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortfolioAccessTest {

    static final String[] PORTFOLIO = {"lille", "strasbourg", "charente"};
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("partnership_portfolio"), "lille");
        registry.add("convergence.territories", () -> "lille,strasbourg,charente,grenoble");
        registry.add("partnership.consumer.metadata-max-age-ms", () -> "1000");
    }

    @LocalServerPort
    int port;
    TestIssuer issuer = TestIssuer.get();
    Http coordinator;
    Http officer;
    Http grenobleCoordinator;

    @BeforeEach
    void callers() {
        coordinator = new Http(port).as(issuer.portfolio("coord-portfolio", "coordinator", PORTFOLIO));
        officer = new Http(port).as(issuer.portfolio("cdp-portfolio", "partnership-officer", PORTFOLIO));
        grenobleCoordinator = new Http(port).as(issuer.token("coordinator", "grenoble", null));
    }

    @Test
    void aPortfolioSeesThePartnersOfItsThreeTerritoriesAndNotOfAFourth() {
        String grenoble = register(grenobleCoordinator, null);
        for (String territory : PORTFOLIO) {
            String own = register(coordinator, territory);
            Http.Response read = coordinator.get("/api/partnerships/partners/" + own);
            assertThat(read.status()).as(read.raw()).isEqualTo(200);
            assertThat(read.text("territory")).isEqualTo(territory);
            assertThat(partnerIds(coordinator.get("/api/partnerships/partners?size=200&territory=" + territory)))
                    .contains(own).doesNotContain(grenoble);
            assertThat(officer.get("/api/partnerships/partners/" + own).status()).isEqualTo(200);
        }
        Http.Response hidden = coordinator.get("/api/partnerships/partners/" + grenoble);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.rule()).isEqualTo("not-found");
        Http.Response fourth = coordinator.get("/api/partnerships/partners?territory=grenoble");
        assertThat(fourth.status()).isEqualTo(403);
        assertThat(fourth.rule()).isEqualTo("territory-not-yours");
        assertThat(fourth.field()).isEqualTo("territory");
    }

    @Test
    void aPortfolioNamesTheTerritoryOfAListOrAWrite() {
        Http.Response unnamedWrite = coordinator.post("/api/partnerships/partners",
                "{\"name\":\"Sans territoire\",\"domains\":[\"HOUSING\"]}");
        assertThat(unnamedWrite.status()).as(unnamedWrite.raw()).isEqualTo(400);
        assertThat(unnamedWrite.rule()).isEqualTo("territory-required");
        assertThat(unnamedWrite.field()).isEqualTo("territory");
        Http.Response fourthWrite = coordinator.post("/api/partnerships/partners",
                "{\"name\":\"Intrus\",\"domains\":[\"HOUSING\"],\"territory\":\"grenoble\"}");
        assertThat(fourthWrite.status()).isEqualTo(403);
        assertThat(fourthWrite.field()).isEqualTo("territory");
        for (String list : List.of("/api/partnerships/partners", "/api/partnerships/network",
                "/api/partnerships/needs", "/api/partnerships/officers")) {
            Http.Response unnamed = coordinator.get(list);
            assertThat(unnamed.status()).as(list + " " + unnamed.raw()).isEqualTo(400);
            assertThat(unnamed.field()).as(list).isEqualTo("territory");
            assertThat(coordinator.get(list + "?territory=charente").status()).as(list).isEqualTo(200);
            assertThat(coordinator.get(list + "?territory=grenoble").status()).as(list).isEqualTo(403);
        }
    }

    @Test
    void aReadAboutPeopleSpansThePortfolio() {
        String ownPerson = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
        String fourthPerson = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTopics.produce("convergence.strasbourg.pathway.v1", ownPerson, barrierAssessed("strasbourg", ownPerson,
                UUID.randomUUID().toString(), 0, "HOUSING", "PARTNER", TODAY.minusDays(4)));
        KafkaTopics.produce("convergence.grenoble.pathway.v1", fourthPerson, barrierAssessed("grenoble", fourthPerson,
                UUID.randomUUID().toString(), 0, "HOUSING", "PARTNER", TODAY.minusDays(4)));
        Http fourthOfficer = new Http(port).as(issuer.token("partnership-officer", "grenoble", null));
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).until(() ->
                openNeeds(officer, "strasbourg").contains(ownPerson)
                        && openNeeds(fourthOfficer, "grenoble").contains(fourthPerson));

        Http.Response waiting = officer.get("/api/partnerships/needs/waiting?aciId=aci-strasbourg-1&minDaysOpen=1");
        assertThat(waiting.status()).as(waiting.raw()).isEqualTo(200);
        assertThat(waiting.body().findValuesAsString("participantId")).contains(ownPerson);
        assertThat(officer.get("/api/partnerships/needs/waiting?aciId=aci-grenoble-1&minDaysOpen=0").body()
                .findValuesAsString("participantId")).doesNotContain(fourthPerson);

        Http.Response own = officer.get("/api/partnerships/participants/" + ownPerson + "/needs");
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.body().get("needs")).isNotEmpty();
        Http.Response other = officer.get("/api/partnerships/participants/" + fourthPerson + "/needs");
        assertThat(other.status()).as(other.raw()).isEqualTo(404);
        assertThat(openNeeds(officer, "lille")).doesNotContain(ownPerson, fourthPerson);
    }

    @Test
    void aTokenWhoseTerritoryClaimsDisagreeIsRefused() {
        Http.Response r = new Http(port).as(issuer.disagreeingTerritories("coord-x", "coordinator", "grenoble", PORTFOLIO))
                .get("/api/partnerships/partners?territory=grenoble");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
    }

    private static String register(Http coordinator, String territory) {
        String name = "Partenaire " + UUID.randomUUID();
        Http.Response r = coordinator.post("/api/partnerships/partners", territory == null
                ? "{\"name\":\"%s\",\"domains\":[\"HOUSING\"]}".formatted(name)
                : "{\"name\":\"%s\",\"domains\":[\"HOUSING\"],\"territory\":\"%s\"}".formatted(name, territory));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    private static List<String> partnerIds(Http.Response page) {
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        return page.body().get("items").findValuesAsString("partnerId");
    }

    private static List<String> openNeeds(Http officer, String territory) {
        Http.Response r = officer.get("/api/partnerships/needs?size=200&territory=" + territory);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("items").findValuesAsString("participantId");
    }
}
