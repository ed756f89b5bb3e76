package fr.convergence.participant.api;

import fr.convergence.participant.TestService;
import fr.convergence.participant.Tokens;
import fr.convergence.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static fr.convergence.participant.TestService.registerBody;
import static org.assertj.core.api.Assertions.assertThat;

/** Every read of personal data leaves a trace — who (token subject and role), when, why — that an auditor can read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessLogApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestService.register(registry, "participant_access");
    }

    @LocalServerPort
    int port;
    /** ACI staff of aci-paris-1, who registered the person and may read them. */
    Http cip;
    Http auditor;
    String id;
    String lastName;

    @BeforeEach
    void setUp() {
        cip = new Http(port).as(Tokens.cip("aci-paris-1"));
        auditor = new Http(port).as(Tokens.auditor());
        lastName = TestService.randomName("Acces");
        Http.Response r = cip.post("/api/participants", registerBody("Anne", lastName, "aci-paris-1"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        id = r.text("participantId");
    }

    JsonNode log(String query) {
        Http.Response r = auditor.get("/api/participants/access-log?participantId=" + id + query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    @Test
    void entriesRecordedByEarlierVersionsAreStillReadAsTheOldest(@Autowired com.mongodb.client.MongoDatabase database) {
        // a log written by the previous version: one document whose entries sit in the head itself
        database.getCollection("access_log").replaceOne(new org.bson.Document("_id", id), new org.bson.Document("_id", id)
                .append("entries", java.util.List.of(new org.bson.Document("at", "2025-01-02T10:00:00Z").append("who", "cip-old")
                        .append("role", "cip").append("purpose", "case-follow-up").append("action", "read")
                        .append("correlationId", "c-old"))).append("count", 1),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        new Http(port).as(Tokens.named("cip-new", "cip", "paris", "aci-paris-1")).with("X-Purpose", "case-follow-up")
                .get("/api/participants/" + id);

        JsonNode page = log("");

        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("who").asString()).isEqualTo("cip-new");
        assertThat(page.get("items").get(1).get("who").asString()).isEqualTo("cip-old");
        // pages run on from the new reads into the older entries
        assertThat(log("&size=1&page=0").get("items").get(0).get("who").asString()).isEqualTo("cip-new");
        assertThat(log("&size=1&page=1").get("items").get(0).get("who").asString()).isEqualTo("cip-old");
        assertThat(log("&size=1&page=2").get("items")).isEmpty();
        // the new read is one insert of its own; what earlier versions wrote is left as it was
        assertThat(database.getCollection("access_log").find(new org.bson.Document("_id", id)).first()
                .get("months")).isNull();
        assertThat(database.getCollection("access_reads").countDocuments(new org.bson.Document("participants", id)))
                .isEqualTo(1);
    }

    @Test
    void recordsWhoReadWhenAndWhy() {
        new Http(port).as(Tokens.named("cip-42", "cip", "paris", "aci-paris-1")).with("X-Purpose", "case-follow-up")
                .get("/api/participants/" + id);
        JsonNode entry = log("").get("items").get(0);
        assertThat(entry.get("who").asString()).isEqualTo("cip-42");
        assertThat(entry.get("role").asString()).isEqualTo("cip");
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
        cip.with("X-Purpose", "find-person").post("/api/participants/search",
                "{\"aciId\":\"aci-paris-1\",\"lastName\":\"%s\"}".formatted(lastName));
        JsonNode entry = log("").get("items").get(0);
        assertThat(entry.get("action").asString()).isEqualTo("search");
        assertThat(entry.get("purpose").asString()).isEqualTo("find-person");
    }

    @Test
    void recordsAnAuditorsHistoryRead() {
        new Http(port).as(Tokens.named("auditor-7", "auditor", null, null)).with("X-Purpose", "audit")
                .get("/api/participants/" + id + "/history");
        JsonNode entry = log("").get("items").get(0);
        assertThat(entry.get("action").asString()).isEqualTo("history");
        assertThat(entry.get("who").asString()).isEqualTo("auditor-7");
        assertThat(entry.get("role").asString()).isEqualTo("auditor");
    }

    @Test
    void recordsAnAuditorsRecordRead() {
        new Http(port).as(Tokens.named("auditor-8", "auditor", null, null)).with("X-Purpose", "audit")
                .get("/api/participants/" + id);
        JsonNode entry = log("").get("items").get(0);
        assertThat(entry.get("action").asString()).isEqualTo("read");
        assertThat(entry.get("who").asString()).isEqualTo("auditor-8");
        assertThat(entry.get("role").asString()).isEqualTo("auditor");
    }

    @Test
    void doesNotRecordARefusedRead() {
        assertThat(cip.get("/api/participants/" + id).status()).isEqualTo(400); // no purpose
        Http otherAci = new Http(port).as(Tokens.cip("aci-paris-2")).with("X-Purpose", "case-follow-up");
        assertThat(otherAci.get("/api/participants/" + id).status()).isEqualTo(404); // not their ACI
        Http partnershipOfficer = new Http(port).as(Tokens.partnershipOfficer("paris")).with("X-Purpose", "x-check");
        assertThat(partnershipOfficer.get("/api/participants/" + id).status()).isEqualTo(403); // not their role
        assertThat(log("").get("total").asLong()).isZero();
    }

    @Test
    void pagesNewestFirst() {
        for (String purpose : new String[]{"p-one", "p-two", "p-three"}) {
            cip.with("X-Purpose", purpose).get("/api/participants/" + id);
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
    void refusesAnAnonymousReaderAndEveryRoleButAuditors() {
        String path = "/api/participants/access-log?participantId=" + id;
        Http.Response anonymous = new Http(port).get(path);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        Http.Response coordinator = new Http(port).as(Tokens.coordinator("paris")).get(path);
        assertThat(coordinator.status()).isEqualTo(403);
        assertThat(coordinator.isProblem()).isTrue();
        assertThat(cip.get(path).status()).isEqualTo(403);
    }

    @Test
    void answersTheTrailOfAnUnknownParticipantWith404() {
        Http.Response r = auditor.get("/api/participants/access-log?participantId=PSN-AAAAAAAAAAAA");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void refusesAMalformedParticipantId() {
        Http.Response r = auditor.get("/api/participants/access-log?participantId=nope");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesAMalformedPurpose() {
        Http.Response r = cip.with("X-Purpose", "because I want to see").get("/api/participants/" + id);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("purpose");
    }
}
