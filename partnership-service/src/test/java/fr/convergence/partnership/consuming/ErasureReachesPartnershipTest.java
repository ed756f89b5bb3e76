package fr.convergence.partnership.consuming;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import fr.convergence.contracts.ContractSchemas;
import fr.convergence.partnership.IntegrationTestBase;
import fr.convergence.partnership.KafkaTopics;
import fr.convergence.testing.Http;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21 finding 8, the erasure scan of partnership-service: after participant-service publishes
 * {@code ParticipantErased}, nothing personal about that person remains in clear here — in any collection of the
 * service's databases (data and keys), nor on its Kafka topic. Personal text here: the names and organisations of
 * the person's follow-up group (who follows someone says much about them), and a free-text reason written before
 * reasons became codes (simulated: that text once reached the store the way the old producer wrote it).
 */
class ErasureReachesPartnershipTest extends IntegrationTestBase {

    static final String LYON_PARTICIPANT = "convergence.lyon.participant.v1";
    static final String WORKER = "Hortense Vaillancourt-Dubreuil";
    static final String PROBATION = "SPIP des Tanneurs Imaginaires";
    static final String DOCTOR = "Barnabé Quillevéré";
    static final String CLINIC = "CSAPA Les Tilleuls Improbables";
    static final String LEGACY_REASON = "Madame suivie au CSAPA, rechute en mars";
    static final List<String> PERSONAL = List.of(WORKER, "Vaillancourt", "Hortense", PROBATION, "Tanneurs Imaginaires",
            DOCTOR, "Quillevéré", "Quillevere", CLINIC, "Tilleuls Improbables", LEGACY_REASON, "rechute");

    @Autowired
    MongoClient client;
    @Autowired
    MongoDatabase db;

    @Test
    void afterErasureNoPersonalTextOfThePersonRemainsInTheStoreNorOnTheTopic() {
        String person = pseudonym();
        String partner = partnerWithAgreement("Alis Santé", "HEALTH", "HOUSING");
        String declined = propose(person, partner, "HEALTH");
        assertThat(officer.post("/api/partnerships/referrals/" + declined + "/decline", "{\"reason\":\"FULL\"}").status())
                .isEqualTo(200);
        String pending = propose(person, partner, "HOUSING");
        String group = "/api/partnerships/participants/" + person + "/follow-up-group";
        join(group, "SOCIAL_WORKER", WORKER, PROBATION);
        join(group, "PARTNERSHIP_OFFICER", DOCTOR, CLINIC);

        Http.Response read = officer.get(group);
        assertThat(read.raw()).as("the names were kept and readable").contains(WORKER, PROBATION, DOCTOR, CLINIC);
        assertThat(dump()).as("but never stored in clear").contains(person).doesNotContain(WORKER, PROBATION, DOCTOR, CLINIC);

        eventually().until(() -> published(declined).stream().anyMatch(e -> e.contains("ReferralDeclined")));
        legacyFreeTextReason(declined);
        assertThat(officer.get("/api/partnerships/referrals/" + declined).text("reason")).isEqualTo(LEGACY_REASON);

        String erased = erasedEvent(person);
        KafkaTopics.produce(LYON_PARTICIPANT, person, erased);
        eventually().until(() -> officer.get(group).body().get("erased").asBoolean());

        Http.Response after = officer.get(group);
        assertThat(after.body().get("members")).hasSize(2);
        after.body().get("members").forEach(m -> {
            assertThat(m.get("name").isNull()).isTrue();
            assertThat(m.get("role").asString()).isNotBlank();
        });
        assertThat(officer.get("/api/partnerships/referrals/" + declined).body().get("reason").isNull()).isTrue();
        assertThat(officer.get("/api/partnerships/referrals/" + pending).text("status")).isEqualTo("PROPOSED");
        assertThat(client.getDatabase(db.getName() + "_keys").getCollection("personal_keys")
                .find(new Document("_id", "lyon|" + person)).first()).as("the person's data key is destroyed").isNull();

        Http.Response refused = officer.post(group + "/members",
                "{\"role\":\"SOCIAL_WORKER\",\"name\":\"%s\",\"organisation\":\"%s\"}".formatted(WORKER, PROBATION));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.text("rule")).isEqualTo("participant-erased");

        // a redelivered erasure is harmless
        KafkaTopics.produce(LYON_PARTICIPANT, person, erased);
        String marker = pseudonym();
        KafkaTopics.produce(LYON_PARTICIPANT, marker, erasedEvent(marker));
        eventually().until(() -> officer.get("/api/partnerships/participants/" + marker + "/follow-up-group").status() == 404
                || groupErased(marker));

        String store = dump();
        assertThat(store).as("the scan saw this person's documents").contains(person).contains("erasedAt")
                .contains("idempotency_keys");
        assertNoneIn("MongoDB", store);
        StringBuilder kafka = new StringBuilder();
        KafkaTopics.readAll(LYON_PARTNERSHIP).forEach(r -> kafka.append(r.key()).append(' ').append(r.value()).append('\n'));
        assertThat(kafka).as("the scan saw this person's events").contains(person);
        assertNoneIn("Kafka", kafka.toString());
    }

    /** Another territory's erasure on lyon's participant topic changes nothing and is parked. */
    @Test
    void anErasureNamingAnotherTerritoryIsParked() {
        String person = pseudonym();
        String partner = partnerWithAgreement("Habitat Lyon", "HOUSING");
        propose(person, partner, "HOUSING");
        String group = "/api/partnerships/participants/" + person + "/follow-up-group";
        join(group, "SOCIAL_WORKER", WORKER, PROBATION);
        KafkaTopics.produce(LYON_PARTICIPANT, person, erasedEvent(person).replace("\"territory\":\"lyon\"",
                "\"territory\":\"paris\""));
        String marker = pseudonym();
        KafkaTopics.produce(LYON_PARTICIPANT, marker, erasedEvent(marker));
        eventually().until(() -> groupErased(marker));
        assertThat(officer.get(group).raw()).contains(WORKER);
        Http.Response letters = admin.get("/api/partnerships/dead-letters?status=PARKED&size=200");
        assertThat(letters.raw()).contains("territory-mismatch").contains(person);
    }

    /** A group written before sealing (names in clear) still reads, is sealed at its next save, and erases alike. */
    @Test
    void aGroupStoredInClearBeforeSealingIsReadSealedAtItsNextSaveAndErased() {
        String person = pseudonym();
        String partner = partnerWithAgreement("Habitat Rhône", "HOUSING");
        propose(person, partner, "HOUSING");
        db.getCollection("followup_groups").insertOne(new Document("_id", "lyon|" + person).append("territory", "lyon")
                .append("participantId", person).append("version", 1L).append("members", List.of(new Document("memberId", "m-1")
                        .append("role", "SOCIAL_WORKER").append("name", WORKER).append("organisation", PROBATION)
                        .append("startsOn", TODAY.minusMonths(2).toString()).append("endsOn", null))));
        String group = "/api/partnerships/participants/" + person + "/follow-up-group";
        assertThat(officer.get(group).raw()).contains(WORKER, PROBATION);
        join(group, "PARTNERSHIP_OFFICER", DOCTOR, CLINIC);
        String stored = db.getCollection("followup_groups").find(new Document("_id", "lyon|" + person)).first().toJson();
        assertThat(stored).doesNotContain(WORKER, PROBATION, DOCTOR, CLINIC);
        assertThat(officer.get(group).raw()).contains(WORKER, PROBATION, DOCTOR, CLINIC);

        KafkaTopics.produce(LYON_PARTICIPANT, person, erasedEvent(person));
        eventually().until(() -> officer.get(group).body().get("erased").asBoolean());
        assertThat(officer.get(group).raw()).doesNotContain(WORKER, PROBATION, DOCTOR, CLINIC);
    }

    private boolean groupErased(String person) {
        return db.getCollection("followup_groups").find(new Document("_id", "lyon|" + person)).first() != null;
    }

    /**
     * Joins as the workspace does, with an {@code Idempotency-Key}: the answer service-kit keeps to replay it must not
     * hold the name either (the scan reads {@code idempotency_keys} too).
     */
    private void join(String group, String role, String name, String organisation) {
        Http.Response r = officer.with("Idempotency-Key", UUID.randomUUID().toString()).post(group + "/members",
                "{\"role\":\"%s\",\"name\":\"%s\",\"organisation\":\"%s\",\"startsOn\":\"%s\"}"
                        .formatted(role, name, organisation, TODAY.minusDays(5)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.raw()).contains(role).doesNotContain(name).doesNotContain(organisation);
    }

    private List<String> published(String referralId) {
        Document d = db.getCollection("referrals").find(new Document("_id", referralId)).first();
        return d == null ? List.of() : d.getList("published", Document.class, List.of()).stream()
                .map(e -> e.getString("json")).toList();
    }

    /** What a referral declined before the codes looks like: text in its reason and in its kept event. */
    private void legacyFreeTextReason(String referralId) {
        Document d = db.getCollection("referrals").find(new Document("_id", referralId)).first();
        List<Document> published = d.getList("published", Document.class).stream().map(e -> new Document(e)
                .append("json", e.getString("json").replace("\"reason\":\"FULL\"", "\"reason\":\"" + LEGACY_REASON + "\"")))
                .toList();
        db.getCollection("referrals").updateOne(new Document("_id", referralId), new Document("$set",
                new Document("reason", LEGACY_REASON).append("published", published)));
        assertThat(published(referralId)).anyMatch(j -> j.contains(LEGACY_REASON));
    }

    /** As participant-service publishes it (checked against participant-event v1). */
    private static String erasedEvent(String person) {
        String json = """
                {"eventId":"%s","type":"ParticipantErased","schemaVersion":1,"source":"participant-service",\
                "territory":"lyon","aciId":"aci-lyon-1","participantId":"%s","occurredOn":"%s","recordedAt":"%s",\
                "recordedBy":"coordinator-lyon","correlationId":"%s","data":{"participantId":"%s"}}"""
                .formatted(UUID.randomUUID(), person, TODAY, Instant.now(), UUID.randomUUID(), person);
        assertThat(ContractSchemas.violations("participant-event", 1, json)).isEmpty();
        return json;
    }

    /** A pseudonymous id of participant-service's shape (PSN- and 12 base32 letters). */
    private static String pseudonym() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        Random random = new Random();
        StringBuilder id = new StringBuilder("PSN-");
        for (int i = 0; i < 12; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** Every document of the service's databases: its data and its keys. */
    private String dump() {
        StringBuilder dump = new StringBuilder();
        for (String name : List.of(db.getName(), db.getName() + "_keys")) {
            MongoDatabase database = client.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                for (Document d : database.getCollection(collection).find()) {
                    dump.append(name).append('.').append(collection).append(' ').append(d.toJson()).append('\n');
                }
            }
        }
        return dump.toString();
    }

    private static void assertNoneIn(String where, String dump) {
        for (String value : PERSONAL) {
            assertThat(dump).as("%s must not contain '%s'", where, value).doesNotContainIgnoringCase(value);
        }
    }
}
