package fr.convergence.pathway.api;

import fr.convergence.testing.Http;
import fr.convergence.testing.StoreDigest;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Idempotency-Key} header (service-kit) on the pathway API: a repeated write with the same key records
 * once and answers the first answer again; a refused write keeps nothing, so its retry runs again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyKeyTest {

    static final String DATABASE = TestInfrastructure.uniqueDatabase("pathway_idem");
    static final LocalDate START = LocalDate.now().minusMonths(8);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, DATABASE, "paris");
    }

    @LocalServerPort
    int port;
    Http cip;
    String participant;

    @BeforeEach
    void setUp() {
        cip = new Http(port).as(TestIssuer.get().tokenFor("cip-idem", "cip", "paris", "aci-paris-1"));
        participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String hireBody() {
        return """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"PHC","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":4}""".formatted(participant, START, START.plusMonths(6));
    }

    @Test
    void aRepeatedHireWithTheSameKeyOpensOnePathwayAndAnswersItAgain() {
        Http keyed = cip.with("Idempotency-Key", "hire-" + participant);
        Http.Response first = keyed.post("/api/pathways", hireBody());
        Http.Response again = keyed.post("/api/pathways", hireBody());

        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.body().get("pathwayId").asString()).isEqualTo(first.body().get("pathwayId").asString());
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
    }

    @Test
    void aRepeatedCommandIsRecordedOnce() {
        String id = cip.with("Idempotency-Key", "open-" + participant).post("/api/pathways", hireBody())
                .body().get("pathwayId").asString();
        Http keyed = cip.with("Idempotency-Key", "hours-" + participant);
        String body = "{\"effectiveDate\":\"%s\",\"weeklyHours\":6}".formatted(START.plusWeeks(2));

        assertThat(keyed.post("/api/pathways/" + id + "/weekly-hours", body).status()).isEqualTo(200);
        Http.Response replayed = keyed.post("/api/pathways/" + id + "/weekly-hours", body);

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(cip.get("/api/pathways/" + id).body().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void concurrentRequestsWithOneKeyRecordOnce() throws Exception {
        String id = cip.post("/api/pathways", hireBody()).body().get("pathwayId").asString();
        Http keyed = cip.with("Idempotency-Key", "double-click-" + participant);
        String body = "{\"month\":\"%s\",\"hours\":40}".formatted(START.plusMonths(1).toString().substring(0, 7));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Http.Response>> clicks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clicks.add(pool.submit((Callable<Http.Response>) () -> keyed.post("/api/pathways/" + id + "/monthly-hours", body)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Http.Response> click : clicks) {
            Http.Response r = click.get();
            statuses.add(r.status());
            if (r.status() == 409) {
                assertThat(r.rule()).isEqualTo("idempotency-key-in-progress");
                assertThat(r.headers().firstValue("Retry-After")).contains("1");
            }
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 409).contains(200);
        assertThat(cip.get("/api/pathways/" + id).body().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void theSameValuesInAnotherOrderAreTheSameRequest() {
        String id = cip.post("/api/pathways", hireBody()).body().get("pathwayId").asString();
        Http keyed = cip.with("Idempotency-Key", "order-" + participant);
        LocalDate date = START.plusWeeks(1);

        Http.Response first = keyed.post("/api/pathways/" + id + "/barriers",
                "{\"date\":\"%s\",\"domain\":\"HOUSING\",\"intensity\":\"HIGH\",\"handling\":\"PARTNER\"}".formatted(date));
        Http.Response reordered = keyed.post("/api/pathways/" + id + "/barriers",
                "{ \"handling\":\"PARTNER\", \"intensity\":\"HIGH\", \"domain\":\"HOUSING\", \"date\":\"%s\" }".formatted(date));

        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(reordered.status()).as(reordered.raw()).isEqualTo(200);
        assertThat(reordered.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        String id = cip.post("/api/pathways", hireBody()).body().get("pathwayId").asString();
        Http keyed = cip.with("Idempotency-Key", "reuse-" + participant);
        keyed.post("/api/pathways/" + id + "/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":6}".formatted(START.plusWeeks(2)));
        String before = StoreDigest.of(TestInfrastructure.mongoUri(), DATABASE, Set.of());

        Http.Response reused = keyed.post("/api/pathways/" + id + "/weekly-hours",
                "{\"effectiveDate\":\"%s\",\"weeklyHours\":8}".formatted(START.plusWeeks(4)));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.rule()).isEqualTo("idempotency-key-reused");
        assertThat(reused.field()).isEqualTo("Idempotency-Key");
        assertThat(StoreDigest.of(TestInfrastructure.mongoUri(), DATABASE, Set.of())).isEqualTo(before);
    }

    @Test
    void aRefusedCommandKeepsNothingSoItsCorrectedRetryRuns() {
        String id = cip.post("/api/pathways", hireBody()).body().get("pathwayId").asString();
        Http keyed = cip.with("Idempotency-Key", "refused-" + participant);
        String tooMany = "{\"effectiveDate\":\"%s\",\"weeklyHours\":30}".formatted(START.plusWeeks(2));

        Http.Response refused = keyed.post("/api/pathways/" + id + "/weekly-hours", tooMany);
        Http.Response retried = keyed.post("/api/pathways/" + id + "/weekly-hours", tooMany);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(retried.status()).isEqualTo(422);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(cip.get("/api/pathways/" + id).body().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void keysAreScopedByUser() {
        String id = cip.post("/api/pathways", hireBody()).body().get("pathwayId").asString();
        Http colleague = new Http(port).as(TestIssuer.get().tokenFor("cip-idem-2", "cip", "paris", "aci-paris-1"));
        String key = "shared-" + participant;
        cip.with("Idempotency-Key", key).post("/api/pathways/" + id + "/monthly-hours",
                "{\"month\":\"%s\",\"hours\":40}".formatted(START.plusMonths(1).toString().substring(0, 7)));

        Http.Response other = colleague.with("Idempotency-Key", key).post("/api/pathways/" + id + "/monthly-hours",
                "{\"month\":\"%s\",\"hours\":50}".formatted(START.plusMonths(2).toString().substring(0, 7)));

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(cip.get("/api/pathways/" + id).body().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void aMalformedKeyIsA400NamingTheHeader() {
        Http.Response r = cip.with("Idempotency-Key", "x".repeat(201)).post("/api/pathways", hireBody());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("Idempotency-Key");
    }
}
