package fr.convergence.participant.api;

import fr.convergence.participant.TestService;
import fr.convergence.participant.Tokens;
import fr.convergence.participant.reference.ReferenceSeeder;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Territories and ACI over real HTTP, on the MongoDB-wire store and a real Kafka broker: changed by the
 * administrator, read by every role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferenceDataApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestService.register(registry, "participant_reference");
    }

    @LocalServerPort
    int port;
    @Autowired
    ReferenceSeeder seeder;
    /** The administrator, who alone changes reference data (and reads it too). */
    Http http;

    static final String VALID_SIRET = "73282932000074";

    @BeforeEach
    void setUp() {
        http = new Http(port).as(Tokens.admin());
    }

    static String newCode() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String createTerritory(String code) {
        Http.Response r = http.post("/api/participants/territories", "{\"code\":\"%s\",\"name\":\"Somme\"}".formatted(code));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return code;
    }

    static String aci(String name, String siret, String programmes, boolean coordination) {
        return "{\"name\":\"%s\",\"siret\":\"%s\",\"programmes\":%s,\"localCoordination\":%s}"
                .formatted(name, siret, programmes, coordination);
    }

    @Test
    void seedsTheEightTerritoriesWithTheirAciCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonNode t : http.get("/api/participants/territories").body()) {
            counts.put(t.get("code").asString(), t.get("acis").size());
        }
        assertThat(counts).containsAllEntriesOf(Map.of("paris", 7, "lyon", 5, "lille", 7, "nantes", 6,
                "strasbourg", 5, "rouen", 3, "charente", 7, "marseille", 8));
        assertThat(http.get("/api/participants/territories/paris/acis/aci-paris-1").text("contactEmail"))
                .isEqualTo("accompagnement@aci-paris-1.example");
    }

    @Test
    void seedsOnlyWhenReferenceDataIsEmpty() {
        assertThat(seeder.seedIfEmpty()).isZero();
        assertThat(http.get("/api/participants/territories/paris").body().get("acis").size()).isEqualTo(7);
    }

    @Test
    void givesEachSeededTerritoryExactlyOneLocalCoordination() {
        for (JsonNode t : http.get("/api/participants/territories").body()) {
            long coordinations = 0;
            for (JsonNode a : t.get("acis")) {
                coordinations += a.get("localCoordination").asBoolean() ? 1 : 0;
            }
            if (List.of("paris", "lyon", "lille", "nantes", "strasbourg", "rouen", "charente", "marseille")
                    .contains(t.get("code").asString())) {
                assertThat(coordinations).as(t.get("code").asString()).isEqualTo(1);
            }
        }
    }

    @Test
    void addsATerritoryWhileRunning() {
        String code = createTerritory(newCode());
        Http.Response r = http.get("/api/participants/territories/" + code);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("name")).isEqualTo("Somme");
    }

    @Test
    void refusesControlCharactersInReferenceNamesNamingTheField() {
        String code = createTerritory(newCode());
        Http.Response rename = http.put("/api/participants/territories/" + code, "{\"name\":\"Somme\\nBis\"}");
        assertThat(rename.status()).as(rename.raw()).isEqualTo(400);
        assertThat(rename.field()).isEqualTo("name");
        Http.Response aci = http.post("/api/participants/territories/" + code + "/acis",
                aci("Chantier\\u0000Nord", VALID_SIRET, "[\"PHC\"]", false));
        assertThat(aci.status()).as(aci.raw()).isEqualTo(400);
        assertThat(aci.field()).isEqualTo("name");
        assertThat(http.get("/api/participants/territories/" + code).text("name")).isEqualTo("Somme");
    }

    @Test
    void refusesADuplicateTerritoryWith409() {
        String code = createTerritory(newCode());
        Http.Response r = http.post("/api/participants/territories", "{\"code\":\"%s\",\"name\":\"Again\"}".formatted(code));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("rule")).isEqualTo("territory-exists");
    }

    @Test
    void addsAnAciWithAGeneratedId() {
        String code = createTerritory(newCode());
        Http.Response r = http.post("/api/participants/territories/" + code + "/acis",
                aci("Chantier Nord", VALID_SIRET, "[\"PHC\",\"CVG\"]", true));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.text("id")).isEqualTo("aci-" + code + "-1");
        assertThat(http.get("/api/participants/territories/" + code + "/acis/aci-" + code + "-1").text("name"))
                .isEqualTo("Chantier Nord");
    }

    @Test
    void refusesASiretWithAWrongChecksumNamingTheField() {
        String code = createTerritory(newCode());
        Http.Response r = http.post("/api/participants/territories/" + code + "/acis",
                aci("Chantier Nord", "73282932000075", "[\"PHC\"]", false));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.field()).isEqualTo("siret");
        assertThat(http.get("/api/participants/territories/" + code).body().get("acis").size()).isZero();
    }

    @Test
    void refusesAnUnknownProgrammeWith400() {
        String code = createTerritory(newCode());
        Http.Response r = http.post("/api/participants/territories/" + code + "/acis",
                aci("Chantier Nord", VALID_SIRET, "[\"XYZ\"]", false));
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void refusesASecondLocalCoordinationWith422AndChangesNothing() {
        String code = createTerritory(newCode());
        http.post("/api/participants/territories/" + code + "/acis", aci("A", VALID_SIRET, "[\"PHC\"]", true));
        long version = http.get("/api/participants/territories/" + code).body().get("version").asLong();
        Http.Response r = http.post("/api/participants/territories/" + code + "/acis", aci("B", VALID_SIRET, "[\"CVG\"]", true));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("rule")).isEqualTo("one-local-coordination");
        assertThat(http.get("/api/participants/territories/" + code).body().get("version").asLong()).isEqualTo(version);
    }

    @Test
    void changesAnAci() {
        String code = createTerritory(newCode());
        http.post("/api/participants/territories/" + code + "/acis", aci("A", VALID_SIRET, "[\"PHC\"]", false));
        Http.Response r = http.put("/api/participants/territories/" + code + "/acis/aci-" + code + "-1",
                aci("A renamed", VALID_SIRET, "[\"PHC\",\"CVG\"]", true));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("programmes").size()).isEqualTo(2);
        assertThat(r.body().get("localCoordination").asBoolean()).isTrue();
    }

    @Test
    void answersAnUnknownTerritoryOrAciWith404() {
        assertThat(http.get("/api/participants/territories/nowhere").status()).isEqualTo(404);
        assertThat(http.post("/api/participants/territories/nowhere/acis", aci("A", VALID_SIRET, "[\"PHC\"]", false))
                .status()).isEqualTo(404);
        assertThat(http.put("/api/participants/territories/paris/acis/aci-paris-99", aci("A", VALID_SIRET, "[\"PHC\"]", false))
                .status()).isEqualTo(404);
    }

    @Test
    void refusesAChangeByAnyoneButTheAdministrator() {
        String code = newCode();
        String body = "{\"code\":\"%s\",\"name\":\"x\"}".formatted(code);
        Http.Response anonymous = new Http(port).post("/api/participants/territories", body);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        Http.Response coordinator = new Http(port).as(Tokens.coordinator("paris"))
                .post("/api/participants/territories", body);
        assertThat(coordinator.status()).isEqualTo(403);
        assertThat(coordinator.rule()).isEqualTo("role-not-allowed");
        assertThat(new Http(port).as(Tokens.coordinator("paris")).put("/api/participants/territories/paris/acis/aci-paris-1",
                aci("Hijacked", VALID_SIRET, "[\"PHC\"]", false)).status()).isEqualTo(403);
        assertThat(http.get("/api/participants/territories/" + code).status()).isEqualTo(404);
        assertThat(http.get("/api/participants/territories/paris/acis/aci-paris-1").text("name")).isNotEqualTo("Hijacked");
    }

    @Test
    void letsEveryRoleReadReferenceData() {
        for (String token : List.of(Tokens.cip("aci-paris-1"), Tokens.partnershipOfficer("paris"),
                Tokens.coordinator("lyon"), Tokens.nationalAnalyst(), Tokens.auditor(), Tokens.admin())) {
            Http reader = new Http(port).as(token);
            assertThat(reader.get("/api/participants/territories").status()).isEqualTo(200);
            assertThat(reader.get("/api/participants/territories/paris").text("code")).isEqualTo("paris");
            assertThat(reader.get("/api/participants/territories/paris/acis/aci-paris-1").status()).isEqualTo(200);
        }
    }

    @Test
    void publishesReferenceChangesOnTheTerritoryTopic() {
        String code = createTerritory(newCode());
        http.post("/api/participants/territories/" + code + "/acis", aci("A", VALID_SIRET, "[\"PHC\"]", false));
        http.put("/api/participants/territories/" + code, "{\"name\":\"Somme (80)\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> types = TestInfrastructure.readAll(Pattern.compile("convergence\\." + code + "\\.participant\\.v1"),
                    3, Duration.ofSeconds(5)).stream().map(ConsumerRecord::value)
                    .map(v -> v.replaceAll(".*\"type\":\"([A-Za-z]+)\".*", "$1")).toList();
            assertThat(types).containsExactly("TerritoryCreated", "AciCreated", "TerritoryChanged");
        });
    }

    @Test
    void keepsTheProgrammeDatesAndTheContactOfAnAci() {
        String code = createTerritory(newCode());
        http.post("/api/participants/territories/" + code + "/acis", aci("A", VALID_SIRET, "[\"PHC\"]", false));
        Http.Response r = http.put("/api/participants/territories/" + code + "/acis/aci-" + code + "-1",
                withDates(aci("A", VALID_SIRET, "[\"PHC\"]", false), "2024-03-01", "2026-09-30",
                        "accompagnement@aci.example", "01 23 45 67 89"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode read = http.get("/api/participants/territories/" + code + "/acis/aci-" + code + "-1").body();
        assertThat(read.get("joinedOn").asString()).isEqualTo("2024-03-01");
        assertThat(read.get("leftOn").asString()).isEqualTo("2026-09-30");
        assertThat(read.get("contactEmail").asString()).isEqualTo("accompagnement@aci.example");
        assertThat(read.get("contactPhone").asString()).isEqualTo("01 23 45 67 89");
    }

    @Test
    void refusesLeavingTheProgrammeBeforeJoiningItNamingLeftOn() {
        String code = createTerritory(newCode());
        Http.Response r = http.post("/api/participants/territories/" + code + "/acis",
                withDates(aci("A", VALID_SIRET, "[\"PHC\"]", false), "2025-01-01", "2024-12-31", null, null));
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.rule()).isEqualTo("aci-leaves-after-joining");
        assertThat(r.field()).isEqualTo("leftOn");
        assertThat(http.get("/api/participants/territories/" + code).body().get("acis").size()).isZero();
    }

    @Test
    void refusesAMalformedContactNamingTheField() {
        String code = createTerritory(newCode());
        Http.Response email = http.post("/api/participants/territories/" + code + "/acis",
                withDates(aci("A", VALID_SIRET, "[\"PHC\"]", false), null, null, "not an email", null));
        assertThat(email.status()).isEqualTo(400);
        assertThat(email.field()).isEqualTo("contactEmail");
        Http.Response phone = http.post("/api/participants/territories/" + code + "/acis",
                withDates(aci("A", VALID_SIRET, "[\"PHC\"]", false), null, null, null, "call me"));
        assertThat(phone.status()).isEqualTo(400);
        assertThat(phone.field()).isEqualTo("contactPhone");
    }

    @Test
    void registersNoOneInAnAciThatLeftTheProgramme() {
        String code = createTerritory(newCode());
        String aciId = "aci-" + code + "-1";
        http.post("/api/participants/territories/" + code + "/acis",
                withDates(aci("A", VALID_SIRET, "[\"PHC\"]", false), "2020-01-01", "2021-01-01", null, null));
        Http.Response r = new Http(port).as(Tokens.cip(aciId))
                .post("/api/participants", fr.convergence.participant.TestService.registerBody("Anne", "Partie", aciId));
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.rule()).isEqualTo("aci-not-in-programme");
        assertThat(r.field()).isEqualTo("aciId");
    }

    static String withDates(String aci, String joinedOn, String leftOn, String email, String phone) {
        return aci.substring(0, aci.length() - 1) + ",\"joinedOn\":%s,\"leftOn\":%s,\"contactEmail\":%s,\"contactPhone\":%s}"
                .formatted(quoted(joinedOn), quoted(leftOn), quoted(email), quoted(phone));
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
