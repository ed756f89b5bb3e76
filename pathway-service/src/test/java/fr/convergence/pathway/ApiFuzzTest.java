package fr.convergence.pathway;

import fr.convergence.pathway.audit.HistoryServicesStandIn;
import fr.convergence.testing.AccessMatrix;
import fr.convergence.testing.ApiFuzzer;
import fr.convergence.testing.Http;
import fr.convergence.testing.StoreDigest;
import fr.convergence.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the OpenAPI document fuzzed over real HTTP with real tokens (issue #10): malformed, oversized,
 * wrongly typed, out-of-range and injection-shaped input in the body, the path and the query, sent as a role the
 * access matrix admits on the caller's own objects, against objects that exist (a pathway of aci-paris-1 opened
 * through the API, its training and barrier, its participant's audit file). Nothing may answer 5xx, every refusal
 * is problem+json, no refused write is accepted and the store is what it was. The instance serves Paris and Lyon.
 * Replay another seed with {@code -Dfuzz.seed=…}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFuzzTest {

    static final HistoryServicesStandIn otherServices = HistoryServicesStandIn.start();

    private static final String DATABASE = TestInfrastructure.uniqueDatabase("pathway_fuzz");
    private static final long SEED = Long.getLong("fuzz.seed", 20261122L);
    private static final int PER_OPERATION = 20;
    /**
     * The pathway starts before the fuzzer's sample date (2024-01-15) and is still under contract then, so that its
     * plausible bodies reach the programme rules instead of all stopping at "before the hiring".
     */
    private static final LocalDate START = LocalDate.of(2024, 1, 2);
    /** The role a route is fuzzed as: the first of these the access matrix allows on the caller's own objects. */
    private static final List<String> ROLE_PREFERENCE = List.of("cip", "coordinator", "auditor", "national-analyst",
            "admin", "partnership-officer");
    /**
     * {@code audit_read_entries} is the accountability trail of the audit: every audit read inserts who read what, by
     * design, so a GET changes it without changing any pathway; it is left out of the "nothing changed" digest.
     */
    private static final Set<String> CHANGED_BY_READS = Set.of("audit_reads", "audit_read_entries");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, DATABASE, "paris");
        registry.add("convergence.territories", () -> "paris,lyon");
        otherServices.register(registry);
    }

    @AfterAll
    static void stop() {
        otherServices.stop();
    }

    @LocalServerPort
    int port;

    private final AccessMatrix matrix = AccessMatrix.load("pathway-service", "access-matrix.yml");

    @Test
    void noInputBreaksAnyRoute() throws IOException {
        Map<String, String> roleOf = rolesByRoute();
        // every route the service publishes must have a role to be fuzzed as (a new route needs a matrix row)
        JsonNode doc = new Http(port).get("/v3/api-docs").body();
        List<String> missing = new ArrayList<>();
        for (String path : doc.get("paths").propertyNames()) {
            for (String method : doc.get("paths").get(path).propertyNames()) {
                if (!roleOf.containsKey(method.toUpperCase() + " " + path)) {
                    missing.add(method.toUpperCase() + " " + path);
                }
            }
        }
        assertThat(missing).as("routes without a role allowed by access-matrix.yml").isEmpty();

        Map<String, String> tokens = new LinkedHashMap<>();
        roleOf.values().forEach(role -> tokens.computeIfAbsent(role, matrix::token));
        ApiFuzzer.Report report = new ApiFuzzer("pathway-service", new Http(port), SEED).fuzz(
                route -> {
                    assertThat(roleOf).as("a role allowed to call %s", route).containsKey(route);
                    return tokens.get(roleOf.get(route));
                },
                createFixtures(), () -> StoreDigest.of(TestInfrastructure.mongoUri(), DATABASE, CHANGED_BY_READS),
                PER_OPERATION);

        System.out.printf("pathway-service fuzzing (seed %d): %d requests, statuses %s%n", SEED, report.requests(),
                report.statuses());
        assertThat(report.requests()).isGreaterThan(1000);
    }

    /** Route → the first role of {@link #ROLE_PREFERENCE} the access matrix allows on the caller's own objects. */
    private static Map<String, String> rolesByRoute() {
        return AccessMatrix.load("pathway-service", "access-matrix.yml").allowedRoleByRoute(ROLE_PREFERENCE);
    }

    /**
     * Through the API, as the matrix's ACI staff of aci-paris-1: an open CVG pathway with a training under way and
     * an open housing barrier, whose participant therefore has an audit file. Path variables are filled by name.
     */
    private Map<String, String> createFixtures() {
        Http cip = new Http(port).as(matrix.token("cip"));
        String participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response opened = cip.post("/api/pathways", """
                {"participantId":"%s","territory":"paris","aciId":"aci-paris-1","programme":"CVG",
                 "contractStart":"%s","plannedEnd":"%s","weeklyHours":26}"""
                .formatted(participant, START, START.plusMonths(23)));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String pathway = opened.body().get("pathwayId").asString();
        Http.Response training = cip.post("/api/pathways/" + pathway + "/trainings",
                "{\"date\":\"%s\",\"trainingId\":\"caces\",\"qualifying\":true}".formatted(START.plusDays(3)));
        assertThat(training.status()).as(training.raw()).isEqualTo(200);
        Http.Response barrier = cip.post("/api/pathways/" + pathway + "/barriers",
                "{\"date\":\"%s\",\"domain\":\"HOUSING\",\"intensity\":\"HIGH\",\"handling\":\"PARTNER\"}"
                        .formatted(START.plusDays(3)));
        assertThat(barrier.status()).as(barrier.raw()).isEqualTo(200);
        return ApiFuzzer.ids("id", pathway, "participantId", participant, "trainingId", "caces", "domain", "HOUSING");
    }
}
