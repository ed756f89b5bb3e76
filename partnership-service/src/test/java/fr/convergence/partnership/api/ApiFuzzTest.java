package fr.convergence.partnership.api;

import com.mongodb.client.MongoDatabase;
import fr.convergence.partnership.KafkaTopics;
import fr.convergence.partnership.PathwayEvents;
import fr.convergence.testing.AccessMatrix;
import fr.convergence.testing.ApiFuzzer;
import fr.convergence.testing.Http;
import fr.convergence.testing.StoreDigest;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every route of the OpenAPI document fuzzed over real HTTP with real tokens (issue #10, item 4): malformed,
 * oversized, wrongly typed, out-of-range and injection-shaped input in the body, the path and the query, sent as a
 * role the access matrix admits for the caller's own objects, against objects that exist (created through the API
 * and the pathway topic, like production). Nothing may answer 5xx, every refusal is problem+json, no refused write
 * is accepted and the store is byte-for-byte what it was. Replay another seed with {@code -Dfuzz.seed=…}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFuzzTest {

    private static final String TERRITORY = "marseille";
    private static final String ACI = "aci-marseille-1";
    private static final String PATHWAY_TOPIC = "convergence.marseille.pathway.v1";
    private static final String DATABASE = TestInfrastructure.uniqueDatabase("partnership_fuzz");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));
    private static final long SEED = Long.getLong("fuzz.seed", 20261122L);
    private static final int PER_OPERATION = 20;
    /** The role a route is fuzzed as: the first of these the access matrix allows on the caller's own objects. */
    private static final List<String> ROLE_PREFERENCE = List.of("partnership-officer", "coordinator", "cip", "admin",
            "auditor", "national-analyst");
    /**
     * {@code history_reads} is the accountability trail of history reads: a GET appends to it by design (no write of
     * the API's data), so it is left out of the "nothing changed" digest.
     */
    private static final Set<String> CHANGED_BY_READS = Set.of("history_reads");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, DATABASE, TERRITORY);
        String group = "partnership-fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("partnership.consumer.group-id", () -> group);
        registry.add("partnership.consumer.metadata-max-age-ms", () -> "1000");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    private final TestIssuer issuer = TestIssuer.get();

    @Test
    void noInputBreaksAnyRoute() throws IOException {
        Map<String, String> tokens = tokensByRole();
        Map<String, String> roleOf = rolesByRoute();
        // every route the service publishes must have a role to be fuzzed as (a new route needs a matrix row)
        JsonNode doc = new Http(port).get("/v3/api-docs").body();
        List<String> missing = new ArrayList<>();
        for (String path : doc.get("paths").propertyNames()) {
            for (String method : doc.get("paths").get(path).propertyNames()) {
                String route = method.toUpperCase() + " " + path;
                if (!roleOf.containsKey(route)) {
                    missing.add(route);
                }
            }
        }
        assertThat(missing).as("routes without a role allowed by access-matrix.yml").isEmpty();

        Map<String, String> ids = createFixtures();
        settled();

        ApiFuzzer.Report report = new ApiFuzzer("partnership-service", new Http(port), SEED).fuzz(
                route -> {
                    String role = roleOf.get(route);
                    assertThat(role).as("a role allowed to call %s", route).isNotNull();
                    return tokens.get(role);
                },
                ids, () -> StoreDigest.of(TestInfrastructure.mongoUri(), DATABASE, CHANGED_BY_READS), PER_OPERATION);

        System.out.printf("partnership-service fuzzing (seed %d): %d requests, statuses %s%n", SEED,
                report.requests(), report.statuses());
        assertThat(report.requests()).isGreaterThan(1000);
        assertThat(report.statuses().keySet()).allMatch(s -> s < 500);
    }

    // --- callers --------------------------------------------------------------------------------------------------

    private Map<String, String> tokensByRole() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("cip", issuer.token("cip", TERRITORY, ACI));
        tokens.put("partnership-officer", issuer.token("partnership-officer", TERRITORY, null));
        tokens.put("coordinator", issuer.token("coordinator", TERRITORY, null));
        tokens.put("national-analyst", issuer.token("national-analyst", null, null));
        tokens.put("auditor", issuer.token("auditor", null, null));
        tokens.put("admin", issuer.token("admin", null, null));
        return tokens;
    }

    /** Route → the first role of {@link #ROLE_PREFERENCE} the access matrix allows on the caller's own objects. */
    private static Map<String, String> rolesByRoute() {
        return AccessMatrix.load("partnership-service", "access-matrix.yml").allowedRoleByRoute(ROLE_PREFERENCE);
    }

    // --- fixtures -------------------------------------------------------------------------------------------------

    /**
     * Through the API and the pathway topic, like production: a partner with an agreement (coordinator), a
     * participant of the caller's ACI known from a pathway event, a referral and a follow-up group member of theirs,
     * and a parked poison record.
     */
    private Map<String, String> createFixtures() {
        Http coordinator = new Http(port).as(issuer.token("coordinator", TERRITORY, null));
        Http officer = new Http(port).as(issuer.token("partnership-officer", TERRITORY, null));
        Http admin = new Http(port).as(issuer.token("admin", null, null));
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        Http.Response partner = coordinator.post("/api/partnerships/partners",
                "{\"name\":\"Habitat Marseille %s\",\"domains\":[\"HOUSING\",\"HEALTH\"]}".formatted(suffix));
        assertThat(partner.status()).as(partner.raw()).isEqualTo(201);
        String partnerId = partner.text("id");
        Http.Response agreement = coordinator.post("/api/partnerships/partners/" + partnerId + "/agreements",
                "{\"startsOn\":\"%s\",\"endsOn\":\"%s\",\"scope\":[\"HOUSING\",\"HEALTH\"]}"
                        .formatted(TODAY.minusYears(1), TODAY.plusYears(1)));
        assertThat(agreement.status()).as(agreement.raw()).isEqualTo(201);

        String participant = "PSN-fuzz-" + suffix;
        KafkaTopics.produce(PATHWAY_TOPIC, participant, PathwayEvents.event(TERRITORY, ACI, participant,
                UUID.randomUUID().toString(), 0, "BarrierAssessed", TODAY.minusDays(3),
                "{\"domain\":\"HOUSING\",\"intensity\":\"HIGH\",\"handling\":\"PARTNER\"}"));
        String poisonKey = "poison-" + suffix;
        KafkaTopics.produce(PATHWAY_TOPIC, poisonKey, "{\"eventId\": \"broken\", \"type\": ");
        Http cip = new Http(port).as(issuer.token("cip", TERRITORY, ACI));
        eventually().until(() -> cip.get("/api/partnerships/participants/" + participant + "/needs").status() == 200);

        Http.Response referral = officer.post("/api/partnerships/referrals",
                "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"HOUSING\",\"proposedOn\":\"%s\"}"
                        .formatted(participant, partnerId, TODAY.minusDays(2)));
        assertThat(referral.status()).as(referral.raw()).isEqualTo(201);
        Http.Response member = officer.post("/api/partnerships/participants/" + participant + "/follow-up-group/members",
                "{\"role\":\"SOCIAL_WORKER\",\"name\":\"Anne D.\",\"organisation\":\"SIAO 13\",\"startsOn\":\"%s\"}"
                        .formatted(TODAY.minusMonths(1)));
        assertThat(member.status()).as(member.raw()).isEqualTo(201);
        eventually().until(() -> deadLetter(admin, poisonKey) != null);

        return ApiFuzzer.ids("partnerId", partnerId, "agreementId", agreement.text("id"),
                "participantId", participant, "referralId", referral.text("id"),
                "memberId", member.text("memberId"), "id", deadLetter(admin, poisonKey));
    }

    /** Waits until the outboxes drained: a drain in the middle of the fuzzing would change the digest. */
    private void settled() {
        eventually().until(() -> database.getCollection("partners").countDocuments(new Document("pending", true)) == 0
                && database.getCollection("referrals").countDocuments(new Document("pending", true)) == 0);
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
}
