package fr.convergence.participant.api;

import fr.convergence.participant.Http;
import fr.convergence.participant.TestService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static fr.convergence.participant.TestService.registerBody;
import static org.assertj.core.api.Assertions.assertThat;

/** Every read of personal data leaves a trace that an auditor can read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessLogApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestService.register(registry, "participant_access");
    }

    @LocalServerPort
    int port;
    Http http;
    String id;
    String lastName;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        lastName = TestService.randomName("Acces");
        Http.Response r = http.post("/api/participants", registerBody("Anne", lastName, "aci-paris-1"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        id = r.text("participantId");
    }

    JsonNode log(String query) {
        Http.Response r = http.with("X-User-Id", "auditor-1").get("/api/participants/access-log?participantId=" + id + query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    @Test
    void recordsWhoReadWhenAndWhy() {
        http.with("X-User-Id", "cip-42").with("X-Purpose", "case-follow-up").get("/api/participants/" + id);
        JsonNode entry = log("").get("items").get(0);
        assertThat(entry.get("who").asString()).isEqualTo("cip-42");
        assertThat(entry.get("purpose").asString()).isEqualTo("case-follow-up");
        assertThat(entry.get("action").asString()).isEqualTo("read");
        assertThat(entry.get("at").asString()).isNotBlank();
    }

    @Test
    void recordsNothingForARegistration() {
        assertThat(log("").get("total").asLong()).isZero();
    }

    @Test
    void recordsEachSearchHit() {
        http.with("X-Purpose", "find-person").post("/api/participants/search",
                "{\"aciId\":\"aci-paris-1\",\"lastName\":\"%s\"}".formatted(lastName));
        JsonNode entry = log("").get("items").get(0);
        assertThat(entry.get("action").asString()).isEqualTo("search");
        assertThat(entry.get("purpose").asString()).isEqualTo("find-person");
    }

    @Test
    void recordsAnAuditorsHistoryRead() {
        http.with("X-User-Id", "auditor-7").with("X-Purpose", "audit").get("/api/participants/" + id + "/history");
        JsonNode entry = log("").get("items").get(0);
        assertThat(entry.get("action").asString()).isEqualTo("history");
        assertThat(entry.get("who").asString()).isEqualTo("auditor-7");
    }

    @Test
    void doesNotRecordARefusedRead() {
        http.get("/api/participants/" + id);
        assertThat(log("").get("total").asLong()).isZero();
    }

    @Test
    void pagesNewestFirst() {
        for (String purpose : new String[]{"p-one", "p-two", "p-three"}) {
            http.with("X-Purpose", purpose).get("/api/participants/" + id);
        }
        JsonNode first = log("&page=0&size=2");
        JsonNode second = log("&page=1&size=2");
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("items").get(0).get("purpose").asString()).isEqualTo("p-three");
        assertThat(first.get("items").get(1).get("purpose").asString()).isEqualTo("p-two");
        assertThat(second.get("items").get(0).get("purpose").asString()).isEqualTo("p-one");
        assertThat(second.get("items").size()).isEqualTo(1);
    }

    @Test
    void refusesAnAnonymousAuditor() {
        Http.Response r = http.with("X-User-Id", null).get("/api/participants/access-log?participantId=" + id);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("X-User-Id");
    }

    @Test
    void refusesAMalformedParticipantId() {
        Http.Response r = http.get("/api/participants/access-log?participantId=nope");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesAMalformedPurpose() {
        Http.Response r = http.with("X-Purpose", "because I want to see").get("/api/participants/" + id);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("purpose");
    }
}
