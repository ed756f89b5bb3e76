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

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object- and property-level rules the access matrix's two columns (own / other territory) cannot show: another
 * ACI of the same territory, lists narrowed to the caller, territory-scoped auditors, what the national team sees.
 * The instance serves Paris and Lyon.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PathwayAccessTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("pathway_access"), "paris");
        registry.add("convergence.territories", () -> "paris,lyon");
    }

    static final LocalDate START = LocalDate.now().minusMonths(8);
    static final TestIssuer issuer = TestIssuer.get();

    @LocalServerPort
    int port;
    Http cip1;
    Http cip2;
    Http lyonCip;
    Http coordinator;
    Http analyst;

    @BeforeEach
    void setUp() {
        cip1 = as("cip", "paris", "aci-paris-1");
        cip2 = as("cip", "paris", "aci-paris-2");
        lyonCip = as("cip", "lyon", "aci-lyon-1");
        coordinator = as("coordinator", "paris", null);
        analyst = as("national-analyst", null, null);
    }

    Http as(String role, String territory, String aci) {
        return new Http(port).as(issuer.token(role, territory, aci));
    }

    static String newParticipant() {
        return "PSN-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String open(Http cip, String participant, String territory, String aci) {
        Http.Response r = cip.post("/api/pathways", """
                {"participantId":"%s","territory":"%s","aciId":"%s","programme":"CVG","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":26}""".formatted(participant, territory, aci, START, START.plusMonths(12)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("pathwayId").asString();
    }

    @Test
    void aCipOfAnotherAciOfTheSameTerritoryFindsNoSuchPathway() {
        String id = open(cip1, newParticipant(), "paris", "aci-paris-1");
        Http.Response hidden = cip2.get("/api/pathways/" + id);
        Http.Response missing = cip2.get("/api/pathways/no-such-pathway");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.isProblem()).isTrue();
        assertThat(hidden.rule()).isEqualTo(missing.rule());
        assertThat(hidden.text("detail").replace(id, "ID")).isEqualTo(missing.text("detail").replace("no-such-pathway", "ID"));

        Http.Response command = cip2.post("/api/pathways/" + id + "/health-care", "{\"date\":\"%s\"}".formatted(START.plusDays(2)));
        assertThat(command.status()).isEqualTo(404);
        assertThat(command.rule()).isEqualTo("not-found");
        assertThat(cip1.get("/api/pathways/" + id).body().get("version").asLong()).as("nothing recorded").isEqualTo(1);
    }

    @Test
    void opensPathwaysOfTheCallersOwnAciAndTerritoryOnly() {
        String participant = newParticipant();
        Http.Response otherAci = cip1.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-2","programme":"CVG","contractStart":"%s","plannedEnd":"%s",
                 "weeklyHours":26}""".formatted(participant, START, START.plusMonths(12)));
        assertThat(otherAci.status()).isEqualTo(403);
        assertThat(otherAci.rule()).isEqualTo("territory-not-yours");
        assertThat(otherAci.field()).isEqualTo("aciId");

        Http.Response otherTerritory = cip1.post("/api/pathways", """
                {"participantId":"%s","territory":"lyon","aciId":"aci-paris-1","programme":"CVG","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":26}""".formatted(participant, START, START.plusMonths(12)));
        assertThat(otherTerritory.status()).isEqualTo(403);
        assertThat(otherTerritory.rule()).isEqualTo("territory-not-yours");
        assertThat(otherTerritory.field()).isEqualTo("territory");

        // nothing was opened: the participant is still free for their own ACI
        open(cip1, participant, "paris", "aci-paris-1");
    }

    @Test
    void theOneOpenPathwayConflictDoesNotRevealAnotherAcisPathway() {
        String participant = newParticipant();
        String id = open(cip1, participant, "paris", "aci-paris-1");
        Http.Response second = cip2.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-2","programme":"CVG","contractStart":"%s","plannedEnd":"%s",
                 "weeklyHours":26}""".formatted(participant, START, START.plusMonths(12)));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.rule()).isEqualTo("one-open-pathway");
        assertThat(second.raw()).doesNotContain(id);
    }

    @Test
    void listsAreNarrowedToWhatTheCallerSees() {
        String p1 = newParticipant();
        String p2 = newParticipant();
        String p3 = newParticipant();
        open(cip1, p1, "paris", "aci-paris-1");
        open(cip2, p2, "paris", "aci-paris-2");
        open(lyonCip, p3, "lyon", "aci-lyon-1");

        assertThat(participants(cip1.get("/api/pathways?territory=paris&size=200"))).contains(p1).doesNotContain(p2, p3);
        assertThat(cip1.get("/api/pathways?aciId=aci-paris-2").rule()).isEqualTo("territory-not-yours");
        assertThat(cip1.get("/api/pathways?territory=lyon").status()).isEqualTo(403);

        assertThat(participants(coordinator.get("/api/pathways?territory=paris&size=200"))).contains(p1, p2).doesNotContain(p3);
        assertThat(coordinator.get("/api/pathways?territory=lyon").status()).isEqualTo(403);
        Http.Response byLyonAci = coordinator.get("/api/pathways?aciId=aci-lyon-1&size=200");
        assertThat(byLyonAci.status()).isEqualTo(200);
        assertThat(participants(byLyonAci)).doesNotContain(p3);

        assertThat(participants(analyst.get("/api/pathways?territory=lyon&size=200"))).contains(p3).doesNotContain(p1, p2);
    }

    static java.util.List<String> participants(Http.Response page) {
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        return page.body().get("items").findValuesAsString("participantId");
    }

    @Test
    void aTerritorysAuditorAndCoordinatorReadTheirTerritoryOnly() {
        String paris = open(cip1, newParticipant(), "paris", "aci-paris-1");
        String lyon = open(lyonCip, newParticipant(), "lyon", "aci-lyon-1");
        Http parisAuditor = as("auditor", "paris", null);
        assertThat(parisAuditor.get("/api/pathways/" + paris).status()).isEqualTo(200);
        assertThat(parisAuditor.get("/api/pathways/" + lyon).status()).isEqualTo(404);
        assertThat(parisAuditor.get("/api/pathways/" + paris + "/verification").status()).isEqualTo(200);
        assertThat(parisAuditor.get("/api/pathways/" + lyon + "/verification").status()).isEqualTo(404);
        assertThat(coordinator.get("/api/pathways/" + paris + "?asOf=" + START.plusDays(1)).status()).isEqualTo(200);
        assertThat(coordinator.get("/api/pathways/" + lyon + "?asOf=" + START.plusDays(1)).status()).isEqualTo(404);
    }

    @Test
    void aTokenOfAciStaffWithoutItsAciSeesNothing() {
        String id = open(cip1, newParticipant(), "paris", "aci-paris-1");
        Http noAci = as("cip", "paris", null);
        assertThat(noAci.get("/api/pathways/" + id).status()).isEqualTo(404);
        assertThat(noAci.get("/api/pathways?territory=paris").status()).isEqualTo(403);
        Http.Response opened = noAci.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"CVG","contractStart":"%s","plannedEnd":"%s",
                 "weeklyHours":26}""".formatted(newParticipant(), START, START.plusMonths(12)));
        assertThat(opened.status()).isEqualTo(403);
    }

    @Test
    void theNationalViewHoldsNoTextTypedByStaff() {
        String participant = newParticipant();
        String id = open(cip1, participant, "paris", "aci-paris-1");
        assertThat(cip1.post("/api/pathways/" + id + "/extensions", """
                {"decisionDate":"%s","newPlannedEnd":"%s","reason":"HOUSING_PENDING","decisionReference":"DEC-Martin-42"}"""
                .formatted(START.plusMonths(6), START.plusMonths(20))).status()).isEqualTo(200);
        assertThat(cip1.post("/api/pathways/" + id + "/trainings",
                "{\"date\":\"%s\",\"trainingId\":\"caces-dupont\",\"qualifying\":true}".formatted(START.plusMonths(1)))
                .status()).isEqualTo(200);

        Http.Response view = analyst.get("/api/pathways/" + id);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body().get("participantId").asString()).isEqualTo(participant); // the pseudonym, not a name
        assertThat(view.body().get("extensions").asInt()).isEqualTo(1);
        assertThat(view.raw()).doesNotContain("Martin").doesNotContain("dupont");
    }
}
