package fr.convergence.partnership.api;

import fr.convergence.partnership.KafkaTopics;
import fr.convergence.partnership.PathwayEvents;
import fr.convergence.testing.AccessMatrix;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The access rules of an instance serving paris, over real HTTP with real tokens: the route × role matrix
 * (access-matrix.yml, written to target/access-matrix-partnership-service.md), callers of another territory, and
 * the ACI-level and body-level cases the matrix's two columns cannot express. Participants' ACIs come from real
 * pathway events on the real test broker, as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixTest {

    private static final String PARIS_PATHWAY = "convergence.paris.pathway.v1";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));
    private static final Set<String> REFERENCE_ROUTES = Set.of("GET /api/partnerships/territory",
            "GET /api/partnerships/barrier-domains", "GET /api/partnerships/referral-outcomes",
            "GET /api/partnerships/referral-reasons");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("partnership_access"), "paris");
        String group = "partnership-access-" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("partnership.consumer.group-id", () -> group);
        registry.add("partnership.consumer.metadata-max-age-ms", () -> "1000");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final AccessMatrix matrix = AccessMatrix.load("partnership-service", "access-matrix.yml");
    private final TestIssuer issuer = TestIssuer.get();

    private Http as(String role, String territory, String aci) {
        return new Http(port).as(issuer.token(role, territory, aci));
    }

    @Test
    void everyRouteAdmitsTheRolesOfTheMatrixAndHidesWhatTheCallerDoesNotSee() {
        matrix.verify(AccessMatrix.routesOf(context), new Http(port), this::createFixtures);
    }

    /**
     * The instance holds paris's objects only, so a caller of lyon must learn nothing from it: each route the matrix
     * lets the role use on its own territory answers 404 for an object (as if missing) and 403 for a list or a
     * write; reference data stays readable; a route the role may never use stays 403.
     */
    @Test
    void callersOfAnotherTerritorySeeNothingOfThisOne() throws IOException {
        Map<String, String> ids = createFixtures();
        JsonNode routes = table().get("routes");
        Map<String, Http> lyonCallers = new LinkedHashMap<>();
        lyonCallers.put("cip", as("cip", "lyon", "aci-lyon-1"));
        lyonCallers.put("partnership-officer", as("partnership-officer", "lyon", null));
        lyonCallers.put("coordinator", as("coordinator", "lyon", null));
        lyonCallers.put("auditor", as("auditor", "lyon", null)); // an auditor of one territory
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String route : routes.propertyNames()) {
            JsonNode rule = routes.get(route);
            String method = route.substring(0, route.indexOf(' '));
            String template = rule.get("own").asString();
            String path = fill(template, ids);
            String body = rule.has("body") ? fill(rule.get("body").asString(), ids) : null;
            for (var caller : lyonCallers.entrySet()) {
                boolean allowedAtHome = rule.get("expect").get(caller.getKey()).get(0).asString().equals("allow");
                int expected = !allowedAtHome ? 403 : REFERENCE_ROUTES.contains(route) ? 200
                        : template.contains("${") ? 404 : 403;
                Http.Response r = caller.getValue().send(method, path, body);
                checked++;
                boolean refusedAsProblem = expected == 200 || r.isProblem();
                if (r.status() != expected || !refusedAsProblem) {
                    failures.add("%s as %s of lyon: expected %d, got %d %s".formatted(route, caller.getKey(), expected,
                            r.status(), r.raw()));
                }
            }
        }
        assertThat(checked).isEqualTo(routes.size() * lyonCallers.size());
        assertThat(failures).isEmpty();
    }

    @Test
    void aCipProposesReferralsForTheParticipantsOfTheirOwnAciOnly() {
        Map<String, String> ids = createFixtures();
        Http cip = as("cip", "paris", "aci-paris-1");
        String body = "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"HOUSING\"}";

        Http.Response own = cip.post("/api/partnerships/referrals", body.formatted(ids.get("ownParticipant"),
                ids.get("ownPartner")));
        assertThat(own.status()).as(own.raw()).isEqualTo(201);
        assertThat(own.text("participantId")).isEqualTo(ids.get("ownParticipant"));

        // another ACI's participant and a participant the territory never heard of get the same answer
        for (String participant : List.of(ids.get("otherParticipant"), "PSN-never-seen")) {
            Http.Response refused = cip.post("/api/partnerships/referrals", body.formatted(participant,
                    ids.get("ownPartner")));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
            assertThat(refused.rule()).isEqualTo("territory-not-yours");
            assertThat(refused.field()).isEqualTo("participantId");
        }
        // the officer serves every ACI of the territory
        assertThat(as("partnership-officer", "paris", null).post("/api/partnerships/referrals",
                body.formatted(ids.get("otherParticipant"), ids.get("ownPartner"))).status()).isEqualTo(201);
    }

    @Test
    void aCipTokenWithoutAnAciSeesNoParticipant() {
        Map<String, String> ids = createFixtures();
        Http.Response r = as("cip", "paris", null)
                .get("/api/partnerships/participants/" + ids.get("ownParticipant") + "/needs");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void aBodyNamingAnotherTerritoryIsRefused() {
        Map<String, String> ids = createFixtures();
        Http coordinator = as("coordinator", "paris", null);
        Http.Response partner = coordinator.post("/api/partnerships/partners",
                "{\"name\":\"Partenaire lyonnais\",\"domains\":[\"HOUSING\"],\"territory\":\"lyon\"}");
        assertThat(partner.status()).as(partner.raw()).isEqualTo(403);
        assertThat(partner.rule()).isEqualTo("territory-not-yours");
        assertThat(partner.field()).isEqualTo("territory");
        assertThat(coordinator.put("/api/partnerships/partners/" + ids.get("ownPartner"),
                "{\"name\":\"X\",\"domains\":[\"HOUSING\",\"HEALTH\"],\"territory\":\"lyon\"}").rule())
                .isEqualTo("territory-not-yours");
        assertThat(coordinator.post("/api/partnerships/officers",
                "{\"officerId\":\"cdp-lyon-1\",\"name\":\"Y\",\"territory\":\"lyon\"}").rule())
                .isEqualTo("territory-not-yours");
        assertThat(as("partnership-officer", "paris", null).post("/api/partnerships/referrals",
                "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"HOUSING\",\"territory\":\"lyon\"}"
                        .formatted(ids.get("ownParticipant"), ids.get("ownPartner"))).rule())
                .isEqualTo("territory-not-yours");

        // naming its own territory is fine, and what is written records the token's user
        Http.Response ok = new Http(port).as(issuer.tokenFor("coord-paris-7", "coordinator", "paris", null))
                .post("/api/partnerships/partners", "{\"name\":\"Partenaire parisien\",\"domains\":[\"HOUSING\"],"
                        + "\"territory\":\"paris\"}");
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
    }

    @Test
    void aCipLosesAParticipantWhoMovedToAnotherAciAndAnOlderEventDoesNotBringThemBack() {
        String participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
        String pathway = UUID.randomUUID().toString();
        Http cip1 = as("cip", "paris", "aci-paris-1");
        Http cip2 = as("cip", "paris", "aci-paris-2");
        String needs = "/api/partnerships/participants/" + participant + "/needs";

        KafkaTopics.produce(PARIS_PATHWAY, participant, assessed("aci-paris-1", participant, pathway, 0, "HOUSING",
                Instant.now().minusSeconds(60)));
        eventually().until(() -> cip1.get(needs).status() == 200);
        assertThat(cip2.get(needs).status()).isEqualTo(404);

        KafkaTopics.produce(PARIS_PATHWAY, participant, assessed("aci-paris-2", participant, pathway, 1, "HEALTH",
                Instant.now()));
        eventually().until(() -> cip2.get(needs).status() == 200);
        assertThat(cip1.get(needs).status()).isEqualTo(404);

        // a late copy recorded before the move (e.g. a retried letter) leaves the participant in aci-paris-2
        KafkaTopics.produce(PARIS_PATHWAY, participant, assessed("aci-paris-1", participant, pathway, 2, "DEBT_FINANCE",
                Instant.now().minusSeconds(30)));
        Http officer = as("partnership-officer", "paris", null);
        eventually().until(() -> officer.get(needs).body().get("needs").size() == 3);
        assertThat(cip1.get(needs).status()).isEqualTo(404);
        assertThat(cip2.get(needs).status()).isEqualTo(200);
    }

    // --- fixtures -------------------------------------------------------------------------------------------------

    /**
     * Through the service's own API and the pathway topic, like production: a partner with an agreement, a
     * participant of aci-paris-1 (own) and one of aci-paris-2 (other) known from pathway events, a referral and a
     * follow-up group member of each, and a parked poison record.
     */
    private Map<String, String> createFixtures() {
        Http coordinator = as("coordinator", "paris", null);
        Http officer = as("partnership-officer", "paris", null);
        Http admin = as("admin", null, null);
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        Http.Response partner = coordinator.post("/api/partnerships/partners",
                "{\"name\":\"Habitat Paris %s\",\"domains\":[\"HOUSING\",\"HEALTH\"]}".formatted(suffix));
        assertThat(partner.status()).as(partner.raw()).isEqualTo(201);
        String partnerId = partner.text("id");
        Http.Response agreement = coordinator.post("/api/partnerships/partners/" + partnerId + "/agreements",
                "{\"startsOn\":\"%s\",\"endsOn\":\"%s\",\"scope\":[\"HOUSING\",\"HEALTH\"]}"
                        .formatted(TODAY.minusYears(1), TODAY.plusYears(1)));
        assertThat(agreement.status()).as(agreement.raw()).isEqualTo(201);

        String own = "PSN-own-" + suffix;
        String other = "PSN-other-" + suffix;
        KafkaTopics.produce(PARIS_PATHWAY, own, assessed("aci-paris-1", own, UUID.randomUUID().toString(), 0,
                "HOUSING", Instant.now()));
        KafkaTopics.produce(PARIS_PATHWAY, other, assessed("aci-paris-2", other, UUID.randomUUID().toString(), 0,
                "HOUSING", Instant.now()));
        String poisonKey = "poison-" + suffix;
        KafkaTopics.produce(PARIS_PATHWAY, poisonKey, "{\"eventId\": \"broken\", \"type\": ");
        Http cip1 = as("cip", "paris", "aci-paris-1");
        Http cip2 = as("cip", "paris", "aci-paris-2");
        eventually().until(() -> cip1.get("/api/partnerships/participants/" + own + "/needs").status() == 200
                && cip2.get("/api/partnerships/participants/" + other + "/needs").status() == 200);

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("ownPartner", partnerId);
        ids.put("ownAgreement", agreement.text("id"));
        ids.put("ownParticipant", own);
        ids.put("otherParticipant", other);
        ids.put("ownReferral", referral(officer, own, partnerId));
        ids.put("otherReferral", referral(officer, other, partnerId));
        ids.put("ownMember", member(officer, own));
        ids.put("otherMember", member(officer, other));
        eventually().until(() -> deadLetter(admin, poisonKey) != null);
        ids.put("deadLetter", deadLetter(admin, poisonKey));
        return ids;
    }

    private static String assessed(String aci, String participant, String pathway, long sequence, String domain,
                                   Instant recordedAt) {
        String json = PathwayEvents.event("paris", aci, participant, pathway, sequence, "BarrierAssessed",
                TODAY.minusDays(3), "{\"domain\":\"%s\",\"intensity\":\"HIGH\",\"handling\":\"PARTNER\"}".formatted(domain));
        return json.replaceFirst("\"recordedAt\":\"[^\"]+\"", "\"recordedAt\":\"" + recordedAt + "\"");
    }

    private static String referral(Http officer, String participant, String partnerId) {
        Http.Response r = officer.post("/api/partnerships/referrals",
                "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"HOUSING\",\"proposedOn\":\"%s\"}"
                        .formatted(participant, partnerId, TODAY.minusDays(2)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    private static String member(Http officer, String participant) {
        Http.Response r = officer.post("/api/partnerships/participants/" + participant + "/follow-up-group/members",
                "{\"role\":\"CIP\",\"name\":\"Karim B.\",\"startsOn\":\"%s\"}".formatted(TODAY.minusMonths(1)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("memberId");
    }

    private static String deadLetter(Http admin, String key) {
        Http.Response r = admin.get("/api/partnerships/dead-letters?size=200");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return StreamSupport.stream(r.body().get("items").spliterator(), false)
                .filter(d -> d.get("key") != null && key.equals(d.get("key").asString()))
                .map(d -> d.get("id").asString()).findFirst().orElse(null);
    }

    private static org.awaitility.core.ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200));
    }

    private static JsonNode table() throws IOException {
        try (InputStream in = AccessMatrixTest.class.getClassLoader().getResourceAsStream("access-matrix.yml")) {
            return YAMLMapper.builder().build().readTree(in);
        }
    }

    private static String fill(String template, Map<String, String> ids) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(ids.get(m.group(1))));
        }
        return m.appendTail(out).toString();
    }
}
