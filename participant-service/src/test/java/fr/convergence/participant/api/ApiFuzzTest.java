package fr.convergence.participant.api;

import fr.convergence.participant.TestService;
import fr.convergence.participant.Tokens;
import fr.convergence.testing.AccessMatrix;
import fr.convergence.testing.ApiFuzzer;
import fr.convergence.testing.Http;
import fr.convergence.testing.StoreDigest;
import fr.convergence.testing.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.convergence.participant.TestService.registerBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every route of the OpenAPI document fuzzed over real HTTP with real tokens (issue #10): malformed, oversized,
 * wrongly typed, out-of-range and injection-shaped input in the body, the path and the query, sent as a role the
 * access matrix admits on the caller's own objects, against objects that exist (a participant of aci-paris-1
 * registered by its ACI staff, the seeded territory paris and its ACI aci-paris-1). Nothing may answer 5xx, every
 * refusal is problem+json, no refused write is accepted and both the data and the key databases are exactly what
 * they were. Replay another seed with {@code -Dfuzz.seed=…}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFuzzTest {

    private static final String DATABASE = TestInfrastructure.uniqueDatabase("participant_fuzz");
    private static final long SEED = Long.getLong("fuzz.seed", 20261122L);
    private static final int PER_OPERATION = 20;
    private static final String ACI = "aci-paris-1";
    /** The role a route is fuzzed as: the first of these the access matrix allows on the caller's own objects. */
    private static final List<String> ROLE_PREFERENCE = List.of("cip", "coordinator", "auditor", "admin",
            "partnership-officer", "national-analyst");
    /**
     * {@code access_reads} (and {@code access_log} of earlier versions) records every read of personal data (who, when, why) by design: the fuzzer's GETs of the
     * fixture legitimately append to it, so it cannot be part of the "refused requests change nothing" digest.
     * Every other collection (participants, territories, and the whole key database) is.
     */
    private static final Set<String> CHANGED_BY_READS = Set.of("access_log", "access_reads");
    /** The crypto-erasure routes: they must only ever receive input that is refused (see {@link #erasureOnlyGetsInvalidInput}). */
    private static final Set<String> ERASURE = Set.of("DELETE /api/participants/{id}",
            "POST /api/participants/{id}/erasure");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestService.registerDatabase(registry, DATABASE);
    }

    @LocalServerPort
    int port;

    @Test
    void noInputBreaksAnyRoute() throws IOException {
        Map<String, String> roleOf = rolesByRoute();
        JsonNode doc = new Http(port).get("/v3/api-docs").body();
        List<String> missing = new ArrayList<>();
        for (String path : doc.get("paths").propertyNames()) {
            for (String method : doc.get("paths").get(path).propertyNames()) {
                if (!roleOf.containsKey(method.toUpperCase() + " " + path)) {
                    missing.add(method.toUpperCase() + " " + path);
                }
            }
        }
        assertThat(missing).as("routes without a role that access-matrix.yml allows on own objects").isEmpty();
        erasureOnlyGetsInvalidInput(doc);

        String participant = registerFixture();
        settled();
        Map<String, String> ids = ApiFuzzer.ids("id", participant, "code", "paris", "aciId", ACI);
        Map<String, String> tokens = tokensByRole();
        System.out.println("participant-service fuzzing: store before " + snapshot());

        // Reads of personal data need a purpose; sending one on every request lets the fuzzed input reach the id
        // and body checks and the search itself instead of stopping at "purpose missing".
        Http http = new Http("http://127.0.0.1:" + port, Map.of("X-Purpose", "fuzzing"));
        ApiFuzzer.Report report = new ApiFuzzer("participant-service", http, SEED).fuzz(
                route -> {
                    String role = roleOf.get(route);
                    assertThat(role).as("a role allowed to call %s", route).isNotNull();
                    return tokens.get(role);
                },
                ids, this::snapshot, PER_OPERATION);

        System.out.printf("participant-service fuzzing (seed %d): %d requests, statuses %s%n", SEED,
                report.requests(), report.statuses());
        assertThat(report.requests()).isGreaterThan(1000);
        assertThat(report.statuses().keySet()).allMatch(status -> status < 500);
        fixtureSurvived(participant);
    }

    // --- the erasure routes never erase the fixture ---------------------------------------------------------------

    /**
     * The fuzzer sends a route's real ids (here: the fixture participant) with query parameters and body values
     * that may be legitimate (its phase 2, where a 2xx is allowed). For an erasure that would erase the fixture.
     * Both erasure routes take nothing but the path id, so every probe they get names a nasty or non-existent id
     * (phase 1: must be refused, store digest unchanged); if one ever gains a query parameter or a body, this test
     * must be revisited before it can erase its own fixture.
     */
    private static void erasureOnlyGetsInvalidInput(JsonNode doc) {
        for (String route : ERASURE) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase();
            JsonNode op = doc.get("paths").get(route.substring(route.indexOf(' ') + 1)).get(method);
            assertThat(op).as("%s in the OpenAPI document", route).isNotNull();
            assertThat(op.has("requestBody")).as("%s takes no body (else the fuzzer may send valid ones)", route)
                    .isFalse();
            for (JsonNode parameter : op.path("parameters")) {
                assertThat(parameter.get("in").asString())
                        .as("%s takes only its path id (parameter %s)", route, parameter.get("name")).isEqualTo("path");
            }
        }
    }

    /** After the fuzzing the fixture is still there, not erased, with its personal data and its key. */
    private void fixtureSurvived(String participant) {
        Http.Response r = new Http(port).as(Tokens.coordinator("paris"))
                .get("/api/participants/" + participant + "?purpose=fuzz-check");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("erased").asBoolean()).as(r.raw()).isFalse();
        assertThat(r.text("lastName")).isEqualTo("Fuzz");
        try (var client = com.mongodb.client.MongoClients.create(TestInfrastructure.mongoUri())) {
            assertThat(client.getDatabase(TestService.keyDatabase(DATABASE)).getCollection("data_keys")
                    .countDocuments(new Document("_id", participant))).as("the fixture's key").isEqualTo(1);
        }
    }

    // --- callers --------------------------------------------------------------------------------------------------

    private static Map<String, String> tokensByRole() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("cip", Tokens.cip(ACI));
        tokens.put("partnership-officer", Tokens.partnershipOfficer("paris"));
        tokens.put("coordinator", Tokens.coordinator("paris"));
        tokens.put("national-analyst", Tokens.nationalAnalyst());
        tokens.put("auditor", Tokens.auditor());
        tokens.put("admin", Tokens.admin());
        return tokens;
    }

    /** Route → the first role of {@link #ROLE_PREFERENCE} the access matrix allows on the caller's own objects. */
    private static Map<String, String> rolesByRoute() {
        return AccessMatrix.load("participant-service", "access-matrix.yml").allowedRoleByRoute(ROLE_PREFERENCE);
    }

    // --- fixtures and store ---------------------------------------------------------------------------------------

    /** A participant of aci-paris-1, registered by that ACI's staff (territory paris and its ACI are seeded). */
    private String registerFixture() {
        Http.Response r = new Http(port).as(Tokens.cip(ACI)).post("/api/participants",
                registerBody("Anne", "Fuzz", ACI));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("participantId");
    }

    /** Waits until the outbox relay has published everything, so that it changes nothing during the fuzzing. */
    private void settled() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var client = com.mongodb.client.MongoClients.create(TestInfrastructure.mongoUri())) {
                var db = client.getDatabase(DATABASE);
                return db.getCollection("participants").countDocuments(new Document("pending", true)) == 0
                        && db.getCollection("territories").countDocuments(new Document("pending", true)) == 0;
            }
        });
    }

    /** Both databases the service writes: its data and, apart, the participants' keys (an erasure destroys one). */
    private String snapshot() {
        return "data: " + StoreDigest.of(TestInfrastructure.mongoUri(), DATABASE, CHANGED_BY_READS)
                + " | keys: " + StoreDigest.of(TestInfrastructure.mongoUri(), TestService.keyDatabase(DATABASE),
                Set.of());
    }
}
