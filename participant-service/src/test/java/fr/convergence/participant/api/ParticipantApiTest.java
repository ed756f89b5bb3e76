package fr.convergence.participant.api;

import com.mongodb.client.MongoDatabase;
import fr.convergence.participant.TestService;
import fr.convergence.participant.Tokens;
import fr.convergence.participant.crypto.KeyVault;
import fr.convergence.testing.Http;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static fr.convergence.participant.TestService.registerBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Participants over real HTTP, on the MongoDB-wire store and a real Kafka broker, each call made by the role the
 * rules admit: ACI staff register, the territory's coordinator reads, searches, moves and erases, an auditor reads
 * histories. Who may not is {@code ParticipantAccessTest}'s and the access matrix's subject.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParticipantApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestService.register(registry, "participant_api");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    @Autowired
    KeyVault vault;
    /** ACI staff of aci-paris-1. */
    Http cip;
    /** The coordinator of Paris, without a purpose. */
    Http coordinator;
    /** The coordinator of Paris, reading for a stated purpose. */
    Http reader;
    /** A national auditor, without a purpose. */
    Http auditor;
    String lastName;

    @BeforeEach
    void setUp() {
        cip = new Http(port).as(Tokens.cip("aci-paris-1"));
        coordinator = new Http(port).as(Tokens.coordinator("paris"));
        reader = coordinator.with("X-Purpose", "case-follow-up");
        auditor = new Http(port).as(Tokens.auditor());
        // a last name of its own per test, so that searches only see this test's people
        lastName = TestService.randomName("Nom");
    }

    /** Registered by ACI staff of {@code aciId}, the only ones who may register into it. */
    String register(String firstName, String lastName, String aciId) {
        Http.Response r = new Http(port).as(Tokens.cip(aciId)).post("/api/participants", registerBody(firstName, lastName, aciId));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("participantId");
    }

    @Test
    void anAuditorTokenThatLostItsTerritoryClaimIsNotNationalAndSeesNothing() {
        String id = register("Anne", "Sanscle", "aci-paris-1");
        Http lost = new Http(port).as(fr.convergence.testing.TestIssuer.get().withoutTerritory("auditor-paris", "auditor"));
        assertThat(lost.with("X-Purpose", "audit").get("/api/participants/" + id).status()).isEqualTo(404);
        assertThat(lost.get("/api/participants/access-log?participantId=" + id).status()).isEqualTo(404);
        // the same person read with a national token, as the identity provider issues it: visible
        assertThat(new Http(port).as(Tokens.auditor()).with("X-Purpose", "audit").get("/api/participants/" + id).status())
                .isEqualTo(200);
    }

    @Test
    void aRegistrationRepeatedWithItsIdempotencyKeyRegistersOnePerson() {
        Http keyed = cip.with("Idempotency-Key", "demo:paris:" + lastName);
        Http.Response first = keyed.post("/api/participants", registerBody("Lou", lastName, "aci-paris-1"));
        Http.Response again = keyed.post("/api/participants", registerBody("Lou", lastName, "aci-paris-1"));

        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.text("participantId")).isEqualTo(first.text("participantId"));
        assertThat(search("{\"aciId\":\"aci-paris-1\",\"lastName\":\"%s\"}".formatted(lastName))
                .get("items").size()).isEqualTo(1);
    }

    @Test
    void contactDetailsAreCorrectedSealedAndTheCorrectionRecorded() {
        String id = register("Lou", lastName, "aci-paris-1");
        String before = database.getCollection("participants").find(new Document("_id", id)).first().get("personal").toString();

        Http.Response corrected = cip.put("/api/participants/" + id + "/contact",
                "{\"phone\":\"06 98 76 54 32\",\"email\":\"\",\"address\":\"1 rue de la Paix, Paris\"}");

        assertThat(corrected.status()).as(corrected.raw()).isEqualTo(200);
        assertThat(corrected.text("phone")).isEqualTo("06 98 76 54 32");
        assertThat(corrected.body().get("email").isNull()).isTrue();
        assertThat(corrected.text("lastName")).isEqualTo(lastName);
        Http.Response read = reader.get("/api/participants/" + id);
        assertThat(read.text("phone")).isEqualTo("06 98 76 54 32");
        Document stored = database.getCollection("participants").find(new Document("_id", id)).first();
        assertThat(stored.get("personal").toString()).isNotEqualTo(before).doesNotContain("98 76 54 32");
        assertThat(stored.toJson()).doesNotContain("98 76 54 32");
        Http.Response log = new Http(port).as(Tokens.auditor()).get("/api/participants/access-log?participantId=" + id);
        assertThat(log.raw()).contains("\"action\":\"rectify\"").contains("\"purpose\":\"rectification\"");
    }

    @Test
    void aRectificationWithAnInvalidPhoneChangesNothing() {
        String id = register("Lou", lastName, "aci-paris-1");

        Http.Response refused = cip.put("/api/participants/" + id + "/contact", "{\"phone\":\"<script>\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.field()).isEqualTo("phone");
        assertThat(reader.get("/api/participants/" + id).text("phone")).isEqualTo("+33 6 11 22 33 44");
    }

    @Test
    void anErasedPersonCannotBeCorrected() {
        String id = register("Lou", lastName, "aci-paris-1");
        assertThat(coordinator.delete("/api/participants/" + id).status()).isEqualTo(200);

        Http.Response refused = cip.put("/api/participants/" + id + "/contact", "{\"phone\":\"06 98 76 54 32\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.rule()).isEqualTo("participant-erased");
    }

    @Test
    void aTerritorysAuditorFindsAPersonByNameAndEachHitIsRecorded() {
        String id = register("Lou", lastName, "aci-paris-3");
        Http territoryAuditor = new Http(port).as(Tokens.auditor("paris")).with("X-Purpose", "audit");

        Http.Response found = territoryAuditor.post("/api/participants/search",
                "{\"territory\":\"paris\",\"lastName\":\"%s\"}".formatted(lastName));
        Http.Response elsewhere = territoryAuditor.post("/api/participants/search",
                "{\"territory\":\"lyon\",\"lastName\":\"%s\"}".formatted(lastName));
        Http.Response national = new Http(port).as(Tokens.auditor()).with("X-Purpose", "audit").post(
                "/api/participants/search", "{\"territory\":\"paris\",\"lastName\":\"%s\"}".formatted(lastName));

        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.body().get("items").get(0).get("participantId").asString()).isEqualTo(id);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(national.status()).isEqualTo(403);
        assertThat(national.field()).isEqualTo("territory");
        Http.Response log = new Http(port).as(Tokens.auditor()).get("/api/participants/access-log?participantId=" + id);
        assertThat(log.raw()).contains("\"action\":\"search\"").contains("\"role\":\"auditor\"");
    }

    JsonNode search(String json) {
        Http.Response r = reader.post("/api/participants/search", json);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("participantId").asString()));
        return ids;
    }

    @Test
    void registersWithARandomPseudonymousId() {
        Http.Response r = cip.post("/api/participants", registerBody("Anne", lastName, "aci-paris-1"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("participantId")).matches("PSN-[A-Z2-7]{12}");
        assertThat(r.text("ageBand")).isEqualTo("35-44");
        assertThat(r.raw()).doesNotContain(lastName).doesNotContain("1985-04-12");
    }

    @Test
    void readsBackThePersonalDataForAStatedPurpose() {
        String id = register("Anne", lastName, "aci-paris-1");
        Http.Response r = reader.get("/api/participants/" + id);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("lastName")).isEqualTo(lastName);
        assertThat(r.text("birthDate")).isEqualTo("1985-04-12");
        assertThat(r.text("email")).isEqualTo("someone@example.org");
        assertThat(r.body().get("erased").asBoolean()).isFalse();
    }

    @Test
    void acceptsOnlyNamesAndBirthDateAsRequired() {
        Http.Response r = new Http(port).as(Tokens.cip("aci-paris-2")).post("/api/participants", """
                {"firstName":"Anne","lastName":"%s","birthDate":"1990-01-01","referentId":"cip-1","aciId":"aci-paris-2"}"""
                .formatted(lastName));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(reader.get("/api/participants/" + r.text("participantId")).body().get("phone").isNull()).isTrue();
    }

    @Test
    void refusesAMissingLastNameNamingTheFieldAndStoresNothing() {
        long before = database.getCollection("participants").countDocuments();
        Http.Response r = cip.post("/api/participants",
                "{\"firstName\":\"Anne\",\"birthDate\":\"1985-04-12\",\"referentId\":\"cip-1\",\"aciId\":\"aci-paris-1\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.field()).isEqualTo("lastName");
        assertThat(database.getCollection("participants").countDocuments()).isEqualTo(before);
    }

    @Test
    void refusesAMalformedEmailNamingTheField() {
        Http.Response r = cip.post("/api/participants", registerBody("Anne", lastName, "aci-paris-1")
                .replace("someone@example.org", "not-an-email"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("email");
        assertThat(r.raw()).doesNotContain("not-an-email");
    }

    @Test
    void refusesControlCharactersInNamesNamingTheFieldButKeepsLineBreaksInAnAddress() {
        long before = database.getCollection("participants").countDocuments();
        Http.Response r = cip.post("/api/participants", registerBody("Anne", lastName + "\\u0000", "aci-paris-1"));
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("lastName");
        assertThat(database.getCollection("participants").countDocuments()).isEqualTo(before);

        Http.Response lines = cip.post("/api/participants", registerBody("Anne", lastName, "aci-paris-1")
                .replace("1 rue de la Paix, Paris", "1 rue de la Paix\\n75002 Paris"));
        assertThat(lines.status()).as(lines.raw()).isEqualTo(201);
        assertThat(cip.post("/api/participants", registerBody("Anne", lastName, "aci-paris-1")
                .replace("1 rue de la Paix, Paris", "1 rue\\u001b[2J")).field()).isEqualTo("address");
    }

    @Test
    void refusesABirthDateInTheFutureWith400() {
        Http.Response r = cip.post("/api/participants", registerBody("Anne", lastName, "aci-paris-1")
                .replace("1985-04-12", "2999-01-01"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("birthDate");
    }

    @Test
    void refusesAnUnknownAciWith422NamingTheField() {
        // staff whose token names an ACI the reference data does not know (yet): the rule, not the access, refuses
        Http.Response r = new Http(port).as(Tokens.cip("aci-paris-99"))
                .post("/api/participants", registerBody("Anne", lastName, "aci-paris-99"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("rule")).isEqualTo("unknown-aci");
        assertThat(r.field()).isEqualTo("aciId");
    }

    @Test
    void registersInTheTerritoryOfTheAci() {
        Http.Response r = new Http(port).as(Tokens.cip("aci-lyon-2"))
                .post("/api/participants", registerBody("Anne", lastName, "aci-lyon-2"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.text("territory")).isEqualTo("lyon");
        Http.Response found = new Http(port).as(Tokens.coordinator("lyon")).with("X-Purpose", "case-follow-up")
                .post("/api/participants/search", "{\"territory\":\"lyon\",\"lastName\":\"%s\"}".formatted(lastName));
        assertThat(ids(found.body())).containsExactly(r.text("participantId"));
    }

    @Test
    void refusesAMoveToAnotherTerritoryWith403AndChangesNothing() {
        // the coordinator does not work in Lyon: refused before the domain rule (move-within-territory, covered by
        // ParticipantRulesTest) is even asked
        String id = register("Anne", lastName, "aci-paris-1");
        long version = reader.get("/api/participants/" + id).body().get("version").asLong();
        Http.Response r = coordinator.post("/api/participants/" + id + "/move", "{\"aciId\":\"aci-lyon-1\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.rule()).isEqualTo("territory-not-yours");
        assertThat(r.field()).isEqualTo("aciId");
        assertThat(reader.get("/api/participants/" + id).body().get("aciId").asString()).isEqualTo("aci-paris-1");
        assertThat(reader.get("/api/participants/" + id).body().get("version").asLong()).isEqualTo(version);
    }

    @Test
    void refusesAMoveToAnUnknownAciWith422() {
        String id = register("Anne", lastName, "aci-paris-1");
        Http.Response r = coordinator.post("/api/participants/" + id + "/move", "{\"aciId\":\"aci-paris-99\"}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("rule")).isEqualTo("unknown-aci");
    }

    @Test
    void answersASearchInAnUnknownAciWithAnEmptyPage() {
        assertThat(search("{\"aciId\":\"aci-paris-99\",\"lastName\":\"x\"}").get("total").asLong()).isZero();
        Http.Response nowhere = new Http(port).as(Tokens.coordinator("nowhere")).with("X-Purpose", "case-follow-up")
                .post("/api/participants/search", "{\"aciId\":\"aci-nowhere-1\",\"lastName\":\"x\"}");
        assertThat(nowhere.status()).as(nowhere.raw()).isEqualTo(200);
        assertThat(nowhere.body().get("total").asLong()).isZero();
    }

    @Test
    void givesAnAuditorTheWholeHistory() {
        String id = register("Anne", lastName, "aci-paris-1");
        coordinator.post("/api/participants/" + id + "/move", "{\"aciId\":\"aci-paris-2\"}");
        JsonNode history = auditor.with("X-Purpose", "audit").get("/api/participants/" + id + "/history").body();
        assertThat(history.get("items").size()).isEqualTo(2);
        JsonNode registered = history.get("items").get(0);
        assertThat(registered.get("type").asString()).isEqualTo("ParticipantRegistered");
        assertThat(registered.get("sequence").asLong()).isZero();
        assertThat(registered.get("data").get("lastName").asString()).isEqualTo(lastName);
        assertThat(history.get("items").get(1).get("type").asString()).isEqualTo("ParticipantMoved");
    }

    @Test
    void showsAnErasedPersonsHistoryWithoutTheirData() {
        String id = register("Anne", lastName, "aci-paris-1");
        coordinator.delete("/api/participants/" + id);
        Http.Response r = auditor.with("X-Purpose", "audit").get("/api/participants/" + id + "/history");
        assertThat(r.body().get("erased").asBoolean()).isTrue();
        assertThat(r.body().get("items").get(0).get("data").get("firstName").asString()).isEqualTo("[erased]");
        assertThat(r.body().get("items").get(1).get("type").asString()).isEqualTo("ParticipantErased");
        assertThat(r.raw()).doesNotContain(lastName);
    }

    @Test
    void refusesAHistoryReadWithoutPurpose() {
        String id = register("Anne", lastName, "aci-paris-1");
        Http.Response r = auditor.get("/api/participants/" + id + "/history");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("purpose");
    }

    @Test
    void refusesMalformedJsonWith400() {
        Http.Response r = cip.post("/api/participants", "{\"firstName\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesAReadWithoutPurposeNamingTheField() {
        String id = register("Anne", lastName, "aci-paris-1");
        Http.Response r = coordinator.get("/api/participants/" + id);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.field()).isEqualTo("purpose");
    }

    @Test
    void acceptsThePurposeAsAQueryParameter() {
        String id = register("Anne", lastName, "aci-paris-1");
        assertThat(coordinator.get("/api/participants/" + id + "?purpose=audit").status()).isEqualTo(200);
    }

    @Test
    void answersAnUnknownParticipantWith404AndAMalformedIdWith400() {
        assertThat(reader.get("/api/participants/PSN-AAAAAAAAAAAA").status()).isEqualTo(404);
        assertThat(reader.get("/api/participants/not-an-id").status()).isEqualTo(400);
    }

    @Test
    void movesAParticipantToAnotherAci() {
        String id = register("Anne", lastName, "aci-paris-1");
        Http.Response r = coordinator.post("/api/participants/" + id + "/move", "{\"aciId\":\"aci-paris-3\",\"referentId\":\"cip-paris-3\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode after = reader.get("/api/participants/" + id).body();
        assertThat(after.get("aciId").asString()).isEqualTo("aci-paris-3");
        assertThat(after.get("referentId").asString()).isEqualTo("cip-paris-3");
    }

    @Test
    void refusesAMoveIntoTheSameAciWith409AndChangesNothing() {
        String id = register("Anne", lastName, "aci-paris-1");
        long version = reader.get("/api/participants/" + id).body().get("version").asLong();
        Http.Response r = coordinator.post("/api/participants/" + id + "/move", "{\"aciId\":\"aci-paris-1\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("rule")).isEqualTo("same-aci");
        assertThat(reader.get("/api/participants/" + id).body().get("version").asLong()).isEqualTo(version);
    }

    @Test
    void findsByLastNameIgnoringCaseAndAccents() {
        String accented = "Lefèvre" + lastName;
        String id = register("Anne", accented, "aci-paris-1");
        JsonNode page = search("{\"aciId\":\"aci-paris-1\",\"lastName\":\"LEFEVRE%s\"}".formatted(lastName.toUpperCase()));
        assertThat(ids(page)).containsExactly(id);
        assertThat(page.get("items").get(0).get("lastName").asString()).isEqualTo(accented);
    }

    @Test
    void findsByLastAndFirstNameWithinTheTerritory() {
        String anne = register("Anne", lastName, "aci-paris-1");
        register("Paul", lastName, "aci-paris-2");
        JsonNode page = search("{\"territory\":\"paris\",\"lastName\":\"%s\",\"firstName\":\"anne\"}".formatted(lastName));
        assertThat(ids(page)).containsExactly(anne);
    }

    @Test
    void searchesWithinOneAciOnly() {
        register("Anne", lastName, "aci-paris-1");
        String other = register("Paul", lastName, "aci-paris-2");
        assertThat(ids(search("{\"aciId\":\"aci-paris-2\",\"lastName\":\"%s\"}".formatted(lastName)))).containsExactly(other);
    }

    @Test
    void pagesSearchResults() {
        for (int i = 0; i < 5; i++) {
            register("Anne" + i, lastName, "aci-paris-4");
        }
        JsonNode first = search("{\"aciId\":\"aci-paris-4\",\"lastName\":\"%s\",\"page\":0,\"size\":2}".formatted(lastName));
        JsonNode third = search("{\"aciId\":\"aci-paris-4\",\"lastName\":\"%s\",\"page\":2,\"size\":2}".formatted(lastName));
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(third.get("items").size()).isEqualTo(1);
        assertThat(ids(first)).doesNotContainAnyElementsOf(ids(third));
    }

    @Test
    void searchesByStatus() {
        String kept = register("Anne", lastName, "aci-paris-5");
        String erased = register("Paul", lastName, "aci-paris-5");
        coordinator.delete("/api/participants/" + erased);
        List<String> active = ids(search("{\"aciId\":\"aci-paris-5\",\"status\":\"ACTIVE\",\"size\":200}"));
        List<String> gone = ids(search("{\"aciId\":\"aci-paris-5\",\"status\":\"ERASED\",\"size\":200}"));
        assertThat(active).contains(kept).doesNotContain(erased);
        assertThat(gone).contains(erased).doesNotContain(kept);
    }

    @Test
    void refusesASearchWithoutAciOrTerritory() {
        Http.Response r = reader.post("/api/participants/search", "{\"lastName\":\"x\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("aciId");
    }

    @Test
    void refusesASearchWithoutPurpose() {
        Http.Response r = coordinator.post("/api/participants/search", "{\"aciId\":\"aci-paris-1\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("purpose");
    }

    @Test
    void erasureReadsAsErased() {
        String id = register("Anne", lastName, "aci-paris-1");
        Http.Response erased = coordinator.delete("/api/participants/" + id);
        assertThat(erased.status()).as(erased.raw()).isEqualTo(200);
        JsonNode after = reader.get("/api/participants/" + id).body();
        assertThat(after.get("erased").asBoolean()).isTrue();
        assertThat(after.get("status").asString()).isEqualTo("ERASED");
        assertThat(after.get("lastName").asString()).isEqualTo("[erased]");
        assertThat(after.get("birthDate").asString()).isEqualTo("[erased]");
        assertThat(after.get("email").asString()).isEqualTo("[erased]");
    }

    @Test
    void erasureRemovesThePersonFromNameSearch() {
        String id = register("Anne", lastName, "aci-paris-1");
        coordinator.post("/api/participants/" + id + "/erasure", "");
        assertThat(ids(search("{\"aciId\":\"aci-paris-1\",\"lastName\":\"%s\"}".formatted(lastName)))).isEmpty();
    }

    @Test
    void erasureDestroysTheParticipantsKey() {
        String id = register("Anne", lastName, "aci-paris-1");
        assertThat(vault.get(id)).isPresent();
        coordinator.delete("/api/participants/" + id);
        assertThat(vault.get(id)).isEmpty();
    }

    @Test
    void erasureRemovesTheSealedDataAndSearchHashes() {
        String id = register("Anne", lastName, "aci-paris-1");
        coordinator.delete("/api/participants/" + id);
        Document stored = database.getCollection("participants").find(new Document("_id", id)).first();
        assertThat(stored).doesNotContainKeys("personal", "lastNameIndex", "firstNameIndex");
    }

    @Test
    void erasingTwiceIsHarmless() {
        String id = register("Anne", lastName, "aci-paris-1");
        coordinator.delete("/api/participants/" + id);
        Http.Response again = coordinator.delete("/api/participants/" + id);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("erased").asBoolean()).isTrue();
    }

    @Test
    void refusesMovingAnErasedParticipant() {
        String id = register("Anne", lastName, "aci-paris-1");
        coordinator.delete("/api/participants/" + id);
        Http.Response r = coordinator.post("/api/participants/" + id + "/move", "{\"aciId\":\"aci-paris-2\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("rule")).isEqualTo("erased");
    }

    @Test
    void exposesHealthAndOpenApi() {
        Http anonymous = new Http(port);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").raw()).contains("/api/participants/{id}/move")
                .contains("/api/participants/territories")
                // the Caller comes from the token: it is no parameter a client could send
                .doesNotContain("\"caller\"");
    }

    @Test
    void answersPathsRefusedBeforeTheApiWithProblemJson() {
        // ';' and an encoded '%' are refused by the security firewall, an encoded '/' and a NUL by Tomcat itself,
        // a 10 000-character id by Tomcat's header limit: all 400 problem+json, never an HTML or Boot error page
        for (String path : List.of("/api/participants/a%3Bb", "/api/participants/%2500", "/api/participants/a%2Fb",
                "/api/participants/%00", "/api/participants/" + "a".repeat(10_000))) {
            Http.Response r = reader.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.isProblem()).as("%s: %s", path, r.raw()).isTrue();
            assertThat(r.rule()).isEqualTo("malformed");
            assertThat(r.field()).isEqualTo("path");
        }
    }
}
