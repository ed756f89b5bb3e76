package fr.convergence.pathway.api;

import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;

import static fr.convergence.pathway.api.PathwayAccessTest.START;
import static fr.convergence.pathway.api.PathwayAccessTest.newParticipant;
import static fr.convergence.pathway.api.PathwayAccessTest.open;
import static fr.convergence.pathway.api.PathwayAccessTest.participants;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Territory portfolios (issue 19 item 6): a caller holding Lille, Rouen and Paris sees the pathways of those three and
 * not Lyon's, reads the union of its territories when it names none, and must name one to open a pathway. The
 * instance serves all four.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortfolioAccessTest {

    static final String[] NORD = {"lille", "rouen", "paris"};

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("pathway_portfolio"), "paris");
        registry.add("convergence.territories", () -> "paris,lyon,lille,rouen");
    }

    static final TestIssuer issuer = TestIssuer.get();

    @LocalServerPort
    int port;
    /** Territory → the pathway of a new participant opened there by the CIP of its first ACI. */
    Map<String, String> pathways;
    Map<String, String> people;

    @BeforeEach
    void openOnePathwayPerTerritory() {
        pathways = new java.util.TreeMap<>();
        people = new java.util.TreeMap<>();
        for (String territory : List.of("lille", "rouen", "paris", "lyon")) {
            String aci = "aci-" + territory + "-1";
            String person = newParticipant();
            people.put(territory, person);
            pathways.put(territory, open(new Http(port).as(issuer.token("cip", territory, aci)), person, territory, aci));
        }
    }

    @Test
    void aPortfolioReadsThePathwaysOfItsThreeTerritoriesAndNotOfAFourth() {
        for (String role : List.of("national-analyst", "coordinator")) {
            Http lead = new Http(port).as(issuer.portfolio("nord-" + role, role, NORD));
            for (String territory : NORD) {
                Http.Response r = lead.get("/api/pathways/" + pathways.get(territory));
                assertThat(r.status()).as(role + " " + territory + " " + r.raw()).isEqualTo(200);
            }
            Http.Response lyon = lead.get("/api/pathways/" + pathways.get("lyon"));
            assertThat(lyon.status()).as(role).isEqualTo(404);
            assertThat(lyon.rule()).isEqualTo("not-found");
        }
    }

    @Test
    void aPortfolioNamingNoTerritoryListsTheUnionOfItsOwn() {
        Http lead = new Http(port).as(issuer.portfolio("projet-nord", "national-analyst", NORD));
        // a list needs an ACI or a territory; an ACI of the portfolio is enough
        assertThat(participants(lead.get("/api/pathways?aciId=aci-rouen-1&size=200"))).contains(people.get("rouen"))
                .doesNotContain(people.get("lyon"), people.get("lille"), people.get("paris"));
        // an ACI of another territory lists nothing of it: the list stays within the portfolio
        assertThat(participants(lead.get("/api/pathways?aciId=aci-lyon-1&size=200"))).doesNotContain(people.get("lyon"));
        for (String territory : NORD) {
            assertThat(participants(lead.get("/api/pathways?territory=" + territory + "&size=200")))
                    .contains(people.get(territory)).doesNotContain(people.get("lyon"));
        }
        Http.Response lyon = lead.get("/api/pathways?territory=lyon");
        assertThat(lyon.status()).isEqualTo(403);
        assertThat(lyon.rule()).isEqualTo("territory-not-yours");
        assertThat(lyon.field()).isEqualTo("territory");
    }

    @Test
    void aPortfolioMustNameTheTerritoryOfAPathwayItOpens() {
        // ACI staff work in one territory: a CIP token listing several is refused before anything is opened
        Http cip = new Http(port).as(issuer.portfolio("cip-nord", "cip", NORD));
        String body = """
                {"participantId":"%s","aciId":"aci-rouen-1","programme":"CVG","contractStart":"%s","plannedEnd":"%s",
                 "weeklyHours":26}""".formatted(newParticipant(), START, START.plusMonths(12));
        Http.Response unnamed = cip.post("/api/pathways", body);
        assertThat(unnamed.status()).as(unnamed.raw()).isEqualTo(400);
        assertThat(unnamed.rule()).isEqualTo("territory-required");
        assertThat(unnamed.field()).isEqualTo("territory");
        Http.Response named = cip.post("/api/pathways", body.replace("\"aciId\"", "\"territory\":\"rouen\",\"aciId\""));
        assertThat(named.status()).as(named.raw()).isEqualTo(403);
    }

    @Test
    void aPortfolioOfNoTerritorySeesNothing() {
        Http none = new Http(port).as(issuer.portfolio("nobody", "coordinator"));
        assertThat(none.get("/api/pathways/" + pathways.get("paris")).status()).isEqualTo(404);
        assertThat(none.get("/api/pathways?territory=paris").status()).isEqualTo(403);
        assertThat(none.get("/api/pathways?aciId=aci-paris-1").status()).isEqualTo(403);
    }

    @Test
    void aTokenWhoseTerritoryClaimsDisagreeIsRefused() {
        Http.Response r = new Http(port).as(issuer.disagreeingTerritories("coord-x", "coordinator", "lyon", NORD))
                .get("/api/pathways/" + pathways.get("lyon"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
    }
}
