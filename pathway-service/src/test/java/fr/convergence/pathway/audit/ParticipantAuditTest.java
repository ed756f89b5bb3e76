package fr.convergence.pathway.audit;

import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpServer;
import fr.convergence.pathway.Http;
import fr.convergence.testing.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's replay of one participant. The participant and partnership services are stood in for by HTTP
 * servers answering their history endpoints (the end-to-end suite runs the real ones).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParticipantAuditTest {

    static HttpServer otherServices;
    static final AtomicBoolean partnershipDown = new AtomicBoolean();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("pathway_audit"), "paris");
        otherServices = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // the exact routes of participant-service and partnership-service: anything else is a 404
        otherServices.createContext("/api/participants/", exchange -> reply(exchange,
                exchange.getRequestURI().getPath().matches("/api/participants/PSN-[^/]+/history") ? 200 : 404, """
                {"items":[{"eventId":"r1","type":"ParticipantRegistered","sequence":0,"occurredOn":"2020-01-01",
                "recordedAt":"2020-01-01T09:00:00Z","recordedBy":"cip-1","correlationId":"c-1",
                "data":{"firstName":"[erased]","ageBand":"35-44"}}]}"""));
        otherServices.createContext("/api/partnerships/", exchange -> {
            if (!exchange.getRequestURI().getPath().matches("/api/partnerships/participants/PSN-[^/]+/history")) {
                reply(exchange, 404, "{}");
            } else if (partnershipDown.get()) {
                reply(exchange, 503, "{}");
            } else {
                reply(exchange, 200, """
                        {"items":[{"eventId":"x1","type":"ReferralProposed","sequence":0,"occurredOn":"2099-01-01",
                        "recordedAt":"2099-01-01T09:00:00Z","recordedBy":"cp-1","correlationId":"c-2",
                        "data":{"domain":"HOUSING"}}]}""");
            }
        });
        otherServices.start();
        String base = "http://127.0.0.1:" + otherServices.getAddress().getPort();
        registry.add("convergence.participant-url", () -> base);
        registry.add("convergence.partnership-url", () -> base);
    }

    static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterAll
    static void stop() {
        otherServices.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    Http http;
    String participant;
    String pathwayId;
    static final LocalDate START = LocalDate.now().minusMonths(6);

    @BeforeEach
    void setUp() {
        partnershipDown.set(false);
        http = new Http(port);
        participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
        pathwayId = http.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-1","programme":"PHC","contractStart":"%s","plannedEnd":"%s","weeklyHours":4}"""
                .formatted(participant, START, START.plusMonths(6))).body().get("pathwayId").asText();
        http.post("/api/pathways/" + pathwayId + "/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":6}".formatted(START.plusWeeks(3)));
        http.post("/api/pathways/" + pathwayId + "/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":10}".formatted(START.plusWeeks(10)));
    }

    @Test
    void replaysTheHistoryOfAllServicesInOrder() {
        Http.Response r = http.get("/api/audit/participants/" + participant + "/history");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("items").findValuesAsText("type")).containsExactly("ParticipantRegistered",
                "ParticipantHired", "WeeklyHoursChanged", "WeeklyHoursChanged", "ReferralProposed");
        assertThat(r.body().get("items").get(1).get("recordedBy").asText()).isEqualTo("cip-test");
        assertThat(r.body().get("items").get(1).get("hash").asText()).hasSize(64);
        assertThat(r.body().get("items").get(0).get("data").get("firstName").asText()).isEqualTo("[erased]");
    }

    @Test
    void pagesLongHistories() {
        Http.Response r = http.get("/api/audit/participants/" + participant + "/history?page=1&size=2");
        assertThat(r.body().get("total").asInt()).isEqualTo(5);
        assertThat(r.body().get("items").findValuesAsText("type")).containsExactly("WeeklyHoursChanged", "WeeklyHoursChanged");
    }

    @Test
    void reconstructsTheStateAsOfAPastDate() {
        Http.Response r = http.get("/api/audit/participants/" + participant + "/state?asOf=" + START.plusWeeks(5));
        assertThat(r.body().get("pathways").get(0).get("weeklyHours").asDouble()).isEqualTo(6.0);
        assertThat(r.body().get("pathways").get(0).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void recordsEveryAuditRead() {
        http.get("/api/audit/participants/" + participant + "/history");
        http.get("/api/audit/participants/" + participant + "/state?asOf=" + START.plusWeeks(5));
        Http.Response reads = http.get("/api/audit/reads?participantId=" + participant);
        assertThat(reads.body().findValuesAsText("what")).hasSize(2);
    }

    @Test
    void findsAnEventChangedDirectlyInTheDatabase() {
        assertThat(http.get("/api/audit/participants/" + participant + "/verification").body().get("intact").asBoolean()).isTrue();
        database.getCollection("pathway_streams").updateOne(new Document("_id", pathwayId),
                new Document("$set", new Document("events.1.payload.toHours", 20.0)));
        Http.Response v = http.get("/api/audit/participants/" + participant + "/verification");
        assertThat(v.body().get("intact").asBoolean()).isFalse();
        assertThat(v.body().get("pathways").get(pathwayId).get("firstBrokenSequence").asLong()).isEqualTo(1);
    }

    @Test
    void exportsAVerifiableJsonAndAPrintableView() {
        Http.Response json = http.get("/api/audit/participants/" + participant + "/export.json");
        assertThat(json.body().get("chains").get(pathwayId).get("headHash").asText()).hasSize(64);
        assertThat(json.body().get("itemsSha256").asText()).hasSize(64);
        assertThat(json.body().get("items").size()).isEqualTo(5);
        Http.Response html = http.get("/api/audit/participants/" + participant + "/export.html");
        assertThat(html.raw()).contains("<html lang=\"fr\"").contains("ParticipantHired").contains("intègre");
    }

    @Test
    void refusesToShowAnIncompleteHistory() {
        partnershipDown.set(true);
        Http.Response r = http.get("/api/audit/participants/" + participant + "/history");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body().get("rule").asText()).isEqualTo("history-source-unavailable");
    }
}
