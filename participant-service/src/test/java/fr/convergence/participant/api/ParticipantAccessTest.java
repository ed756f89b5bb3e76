package fr.convergence.participant.api;

import fr.convergence.participant.TestService;
import fr.convergence.participant.Tokens;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static fr.convergence.participant.TestService.registerBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access cases the access matrix's two columns (own territory / another) cannot express: ACI-level rules for
 * ACI staff, bodies naming someone else's ACI or territory, auditors of one territory, tokens missing the claim
 * that scopes their role, and the national team's pseudonymous view (property level).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParticipantAccessTest {

    /** The only fields the national team may receive about a participant. */
    static final Set<String> PSEUDONYMOUS_FIELDS = Set.of("participantId", "territory", "aciId", "status", "erased",
            "registeredAt");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestService.register(registry, "participant_access_rules");
    }

    @LocalServerPort
    int port;
    String lastName;
    /** Registered in aci-paris-1 (the ACI of {@link #cip1}). */
    String paris1;
    /** Registered in aci-paris-2, the same territory but another ACI. */
    String paris2;
    /** Registered in aci-lyon-1. */
    String lyon1;
    Http cip1;
    Http parisCoordinator;

    @BeforeEach
    void setUp() {
        lastName = TestService.randomName("Acl");
        paris1 = register("aci-paris-1");
        paris2 = register("aci-paris-2");
        lyon1 = register("aci-lyon-1");
        cip1 = as(Tokens.cip("aci-paris-1")).with("X-Purpose", "case-follow-up");
        parisCoordinator = as(Tokens.coordinator("paris")).with("X-Purpose", "case-follow-up");
    }

    Http as(String token) {
        return new Http(port).as(token);
    }

    String register(String aciId) {
        Http.Response r = as(Tokens.cip(aciId)).post("/api/participants", registerBody("Anne", lastName, aciId));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("participantId");
    }

    static void assertHidden(Http.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(404);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.rule()).isEqualTo("not-found");
    }

    static void assertNotYours(Http.Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(403);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.rule()).isEqualTo("territory-not-yours");
        assertThat(r.field()).isEqualTo(field);
    }

    static List<String> ids(Http.Response page) {
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.body().get("items").forEach(i -> ids.add(i.get("participantId").asString()));
        return ids;
    }

    @Test
    void aciStaffSeeTheirOwnAciOnlyAndAnotherAciReadsLikeAnUnknownPerson() {
        assertThat(cip1.get("/api/participants/" + paris1).status()).isEqualTo(200);
        Http.Response otherAci = cip1.get("/api/participants/" + paris2);
        Http.Response unknown = cip1.get("/api/participants/PSN-AAAAAAAAAAAA");
        assertHidden(otherAci);
        assertHidden(unknown);
        assertThat(otherAci.body().get("title")).isEqualTo(unknown.body().get("title"));
        assertHidden(cip1.get("/api/participants/" + lyon1));
    }

    @Test
    void aciStaffRegisterIntoTheirOwnAciOnly() {
        assertNotYours(cip1.post("/api/participants", registerBody("Anne", lastName, "aci-paris-2")), "aciId");
        assertNotYours(cip1.post("/api/participants", registerBody("Anne", lastName, "aci-lyon-1")), "aciId");
        Http.Response everyone = parisCoordinator.post("/api/participants/search",
                "{\"territory\":\"paris\",\"lastName\":\"%s\"}".formatted(lastName));
        assertThat(ids(everyone)).containsExactlyInAnyOrder(paris1, paris2); // nothing was registered by the refusals
    }

    @Test
    void aciStaffSearchingTheirTerritoryFindTheirOwnAciOnly() {
        Http.Response page = cip1.post("/api/participants/search",
                "{\"territory\":\"paris\",\"lastName\":\"%s\"}".formatted(lastName));
        assertThat(ids(page)).containsExactly(paris1);
        assertThat(page.body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aciStaffMayNotSearchAnotherAciOrTerritory() {
        assertNotYours(cip1.post("/api/participants/search", "{\"aciId\":\"aci-paris-2\"}"), "aciId");
        assertNotYours(cip1.post("/api/participants/search", "{\"territory\":\"lyon\"}"), "territory");
    }

    @Test
    void aCoordinatorSearchesTheirTerritoryOnly() {
        assertThat(ids(parisCoordinator.post("/api/participants/search",
                "{\"territory\":\"paris\",\"lastName\":\"%s\"}".formatted(lastName)))).containsExactlyInAnyOrder(paris1, paris2);
        assertNotYours(parisCoordinator.post("/api/participants/search", "{\"territory\":\"lyon\"}"), "territory");
        assertNotYours(parisCoordinator.post("/api/participants/search", "{\"aciId\":\"aci-lyon-1\"}"), "aciId");
    }

    @Test
    void aCoordinatorMovesAndErasesInTheirTerritoryOnly() {
        Http lyonCoordinator = as(Tokens.coordinator("lyon"));
        assertHidden(lyonCoordinator.post("/api/participants/" + paris1 + "/move", "{\"aciId\":\"aci-paris-2\"}"));
        assertHidden(lyonCoordinator.delete("/api/participants/" + paris1));
        assertHidden(lyonCoordinator.post("/api/participants/" + paris1 + "/erasure", ""));
        JsonNode untouched = parisCoordinator.get("/api/participants/" + paris1).body();
        assertThat(untouched.get("aciId").asString()).isEqualTo("aci-paris-1");
        assertThat(untouched.get("erased").asBoolean()).isFalse();
    }

    @Test
    void aciStaffMayNeitherMoveNorErase() {
        assertThat(cip1.post("/api/participants/" + paris1 + "/move", "{\"aciId\":\"aci-paris-2\"}").status())
                .isEqualTo(403);
        assertThat(cip1.delete("/api/participants/" + paris1).status()).isEqualTo(403);
        assertThat(cip1.post("/api/participants/" + paris1 + "/erasure", "").status()).isEqualTo(403);
        assertThat(cip1.get("/api/participants/" + paris1).body().get("erased").asBoolean()).isFalse();
    }

    @Test
    void anAuditorOfOneTerritoryReadsThatTerritoryOnly() {
        Http parisAuditor = as(Tokens.auditor("paris")).with("X-Purpose", "audit");
        assertThat(parisAuditor.get("/api/participants/" + paris2).status()).isEqualTo(200);
        assertThat(parisAuditor.get("/api/participants/" + paris2 + "/history").status()).isEqualTo(200);
        assertThat(parisAuditor.get("/api/participants/access-log?participantId=" + paris2).status()).isEqualTo(200);
        assertHidden(parisAuditor.get("/api/participants/" + lyon1));
        assertHidden(parisAuditor.get("/api/participants/" + lyon1 + "/history"));
        assertHidden(parisAuditor.get("/api/participants/access-log?participantId=" + lyon1));
    }

    @Test
    void aTokenWithoutTheClaimThatScopesItsRoleSeesNothing() {
        // a missing territory or ACI claim must not read as "national"
        Http cipWithoutAci = as(Tokens.named("cip-x", "cip", "paris", null)).with("X-Purpose", "case-follow-up");
        Http coordinatorWithoutTerritory = as(Tokens.named("coord-x", "coordinator", null, null))
                .with("X-Purpose", "case-follow-up");
        assertHidden(cipWithoutAci.get("/api/participants/" + paris1));
        assertHidden(coordinatorWithoutTerritory.get("/api/participants/" + paris1));
        assertNotYours(cipWithoutAci.post("/api/participants/search", "{\"territory\":\"paris\"}"), "territory");
        assertNotYours(coordinatorWithoutTerritory.post("/api/participants/search", "{\"territory\":\"paris\"}"),
                "territory");
        assertHidden(coordinatorWithoutTerritory.delete("/api/participants/" + paris1));
    }

    @Test
    void theNationalTeamGetsAPseudonymousRecordWithNoPersonalField() {
        Http analyst = as(Tokens.nationalAnalyst());
        Http.Response r = analyst.get("/api/participants/" + lyon1);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        Set<String> fields = new TreeSet<>(r.body().propertyNames());
        assertThat(fields).isEqualTo(PSEUDONYMOUS_FIELDS);
        assertThat(r.text("participantId")).isEqualTo(lyon1);
        assertThat(r.text("territory")).isEqualTo("lyon");
        assertThat(r.text("aciId")).isEqualTo("aci-lyon-1");
        assertThat(r.text("status")).isEqualTo("ACTIVE");
        assertThat(r.text("registeredAt")).isNotBlank();
        // what registerBody sends, in every form: none of it may travel
        assertThat(r.raw()).doesNotContain("Anne").doesNotContain(lastName).doesNotContain("1985-04-12")
                .doesNotContain("example.org").doesNotContain("33 6").doesNotContain("rue de la Paix")
                .doesNotContain("cip-paris-1").doesNotContain("35-44");
    }

    @Test
    void thePseudonymousReadShowsNothingPersonalSoItIsNotRecorded() {
        Http.Response before = as(Tokens.auditor()).get("/api/participants/access-log?participantId=" + paris1);
        as(Tokens.nationalAnalyst()).with("X-Purpose", "statistics").get("/api/participants/" + paris1);
        Http.Response after = as(Tokens.auditor()).get("/api/participants/access-log?participantId=" + paris1);
        assertThat(after.body().get("total").asLong()).isEqualTo(before.body().get("total").asLong());
    }

    @Test
    void theNationalTeamSeesAnErasedPersonAsErased() {
        as(Tokens.coordinator("paris")).delete("/api/participants/" + paris2);
        JsonNode r = as(Tokens.nationalAnalyst()).get("/api/participants/" + paris2).body();
        assertThat(r.get("erased").asBoolean()).isTrue();
        assertThat(r.get("status").asString()).isEqualTo("ERASED");
        assertThat(new TreeSet<>(r.propertyNames())).isEqualTo(PSEUDONYMOUS_FIELDS);
    }

    @Test
    void thePartnershipOfficerAndTheAdministratorReadNoParticipant() {
        for (String token : List.of(Tokens.partnershipOfficer("paris"), Tokens.admin())) {
            Http http = as(token).with("X-Purpose", "case-follow-up");
            assertThat(http.get("/api/participants/" + paris1).status()).isEqualTo(403);
            assertThat(http.post("/api/participants/search", "{\"territory\":\"paris\"}").status()).isEqualTo(403);
        }
    }

    /** The three territories of the demo's project lead for the north (issue 19 item 6). */
    static final String[] NORD = {"lille", "rouen", "paris"};

    @Test
    void aPortfolioSeesItsThreeTerritoriesAndNotAFourth() {
        String lille = register("aci-lille-1");
        String rouen = register("aci-rouen-1");
        Http lead = as(TestIssuer.get().portfolio("projet-nord", "national-analyst", NORD));
        for (String id : List.of(lille, rouen, paris1)) {
            Http.Response r = lead.get("/api/participants/" + id);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            // a national analyst with a portfolio still gets the pseudonymous record only
            assertThat(new TreeSet<>(r.body().propertyNames())).isEqualTo(PSEUDONYMOUS_FIELDS);
        }
        assertHidden(lead.get("/api/participants/" + lyon1));

        Http coordinator = as(TestIssuer.get().portfolio("coord-nord", "coordinator", NORD))
                .with("X-Purpose", "case-follow-up");
        for (String id : List.of(lille, rouen, paris1)) {
            assertThat(coordinator.get("/api/participants/" + id).status()).isEqualTo(200);
        }
        assertHidden(coordinator.get("/api/participants/" + lyon1));
        assertThat(ids(coordinator.post("/api/participants/search",
                "{\"territory\":\"rouen\",\"lastName\":\"%s\"}".formatted(lastName)))).containsExactly(rouen);
        assertNotYours(coordinator.post("/api/participants/search", "{\"territory\":\"lyon\"}"), "territory");
        assertNotYours(coordinator.post("/api/participants/search", "{\"aciId\":\"aci-lyon-1\"}"), "aciId");
        // a move stays within the person's territory, into an ACI of the caller's
        Http.Response moved = coordinator.post("/api/participants/" + lille + "/move", "{\"aciId\":\"aci-lille-2\"}");
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertHidden(coordinator.post("/api/participants/" + lyon1 + "/move", "{\"aciId\":\"aci-lyon-2\"}"));
    }

    @Test
    void aTokenWhoseTerritoryClaimsDisagreeIsRefused() {
        Http.Response r = as(TestIssuer.get().disagreeingTerritories("coord-x", "coordinator", "lyon", "paris", "lille"))
                .with("X-Purpose", "case-follow-up").get("/api/participants/" + lyon1);
        assertThat(r.status()).as(r.raw()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void aPortfolioOfNoTerritorySeesNothing() {
        Http none = as(TestIssuer.get().portfolio("coord-none", "coordinator")).with("X-Purpose", "case-follow-up");
        assertHidden(none.get("/api/participants/" + paris1));
        assertNotYours(none.post("/api/participants/search", "{\"territory\":\"paris\"}"), "territory");
    }
}
