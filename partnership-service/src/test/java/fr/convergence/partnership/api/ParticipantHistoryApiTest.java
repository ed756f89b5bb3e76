package fr.convergence.partnership.api;

import com.mongodb.client.MongoDatabase;
import fr.convergence.partnership.IntegrationTestBase;
import fr.convergence.partnership.KafkaTopics;
import fr.convergence.partnership.store.ReferralStore;
import fr.convergence.testing.Http;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit's view of a participant: every referral event this service published, in order, over real HTTP. */
class ParticipantHistoryApiTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ReferralStore referrals;

    @Autowired
    MongoDatabase database;

    private Http.Response history(String participantId) {
        return auditor.with("X-Purpose", "audit").get("/api/partnerships/participants/" + participantId + "/history");
    }

    private static List<String> field(JsonNode items, String name) {
        List<String> values = new ArrayList<>();
        items.forEach(i -> values.add(i.get(name).asString()));
        return values;
    }

    @Test
    void theAuditorSeesWhoReadTheHistoryWhenAndWhyNewestFirst() {
        propose(participant, partnerWithAgreement("Foyer Notre-Dame", "HOUSING"), "HOUSING");
        assertThat(history(participant).status()).isEqualTo(200);
        assertThat(auditor.with("X-Purpose", "complaint-2026-17").get("/api/partnerships/participants/" + participant
                + "/history").status()).isEqualTo(200);

        Http.Response r = auditor.get("/api/partnerships/participants/" + participant + "/history/reads");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("total").asInt()).isEqualTo(2);
        JsonNode items = r.body().get("items");
        assertThat(field(items, "purpose")).containsExactly("complaint-2026-17", "audit");
        assertThat(items.get(0).get("by").asString()).isNotBlank();
        assertThat(items.get(0).get("at").asString()).isNotBlank();
        // reading who read is not itself a read of the history
        assertThat(auditor.get("/api/partnerships/participants/" + participant + "/history/reads")
                .body().get("total").asInt()).isEqualTo(2);
        assertThat(auditor.get("/api/partnerships/participants/" + participant + "/history/reads?size=0").status())
                .isEqualTo(400);
    }

    @Test
    void everyReferralEventIsListedInTheOrderItHappenedWithItsStreamPosition() {
        String partner = partnerWithAgreement("Habitat et Humanisme Rhône", "HOUSING", "HEALTH");
        String housing = propose(participant, partner, "HOUSING");               // proposed 10 days ago
        String health = propose(participant, partner, "HEALTH");                 // proposed 10 days ago, after
        assertThat(officer.post("/api/partnerships/referrals/" + health + "/decline",
                "{\"date\":\"%s\",\"reason\":\"FULL\"}".formatted(TODAY.minusDays(9))).status()).isEqualTo(200);
        assertThat(officer.post("/api/partnerships/referrals/" + housing + "/accept",
                "{\"date\":\"%s\"}".formatted(TODAY.minusDays(8))).status()).isEqualTo(200);
        assertThat(officer.post("/api/partnerships/referrals/" + housing + "/complete",
                "{\"date\":\"%s\",\"outcome\":\"HOUSED\"}".formatted(TODAY.minusDays(1))).status()).isEqualTo(200);

        Http.Response r = history(participant);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode items = r.body().get("items");
        assertThat(field(items, "type")).containsExactly("ReferralProposed", "ReferralProposed", "ReferralDeclined",
                "ReferralAccepted", "ReferralCompleted");
        assertThat(field(items, "stream")).containsExactly(housing, health, health, housing, housing);
        assertThat(field(items, "sequence")).containsExactly("1", "1", "2", "2", "3");
        assertThat(field(items, "occurredOn")).containsExactly(TODAY.minusDays(10).toString(),
                TODAY.minusDays(10).toString(), TODAY.minusDays(9).toString(), TODAY.minusDays(8).toString(),
                TODAY.minusDays(1).toString());
        JsonNode completed = items.get(4);
        assertThat(completed.get("recordedBy").asString()).isEqualTo("cdp-lyon-test");
        assertThat(completed.get("recordedAt").asString()).isNotBlank();
        assertThat(completed.get("correlationId").asString()).isNotBlank();
        assertThat(completed.get("data").get("outcome").asString()).isEqualTo("HOUSED");
        assertThat(completed.get("data").get("partnerId").asString()).isEqualTo(partner);
        assertThat(items.get(2).get("data").get("reason").asString()).isEqualTo("FULL");

        // the very events that went out on Kafka (same ids), kept after the outbox was cleared
        eventually().until(() -> publishedIds().size() >= 5);
        assertThat(field(items, "eventId")).containsExactlyInAnyOrderElementsOf(publishedIds());
    }

    @Test
    void aReferralWrittenBeforeEventsWereKeptHasItsOldStepsRebuiltFromItsHistory() {
        String partner = partnerWithAgreement("Plateforme Mobilité Lyon", "MOBILITY");
        String referral = propose(participant, partner, "MOBILITY");
        // as the document looked before `published` existed: its first event is not kept
        eventually().until(() -> !Boolean.TRUE.equals(referrals.outboxCollection().load(referral).getBoolean("pending")));
        referrals.outboxCollection().collection().updateOne(new Document("_id", referral),
                new Document("$unset", new Document("published", "")));
        assertThat(officer.post("/api/partnerships/referrals/" + referral + "/accept",
                "{\"date\":\"%s\"}".formatted(TODAY.minusDays(5))).status()).isEqualTo(200);

        JsonNode items = history(participant).body().get("items");
        assertThat(field(items, "type")).containsExactly("ReferralProposed", "ReferralAccepted");
        assertThat(field(items, "sequence")).containsExactly("1", "2");
        assertThat(items.get(0).get("reconstructed").asBoolean()).isTrue();
        assertThat(items.get(0).get("eventId").isNull()).isTrue();
        assertThat(items.get(0).get("recordedBy").asString()).isEqualTo("cdp-lyon-test");
        assertThat(items.get(0).get("occurredOn").asString()).isEqualTo(TODAY.minusDays(10).toString());
        assertThat(items.get(1).has("reconstructed")).isFalse();
        assertThat(items.get(1).get("eventId").asString()).isNotBlank();
    }

    @Test
    void anUnknownParticipantIs404() {
        assertThat(history("PSN-never-seen").status()).isEqualTo(404);
    }

    @Test
    void anAuditorAndThePurposeAreRequired() {
        String partner = partnerWithAgreement("Mission Locale Lyon", "EMPLOYMENT");
        propose(participant, partner, "EMPLOYMENT");
        String path = "/api/partnerships/participants/" + participant + "/history";
        assertThat(new Http(port).with("X-Purpose", "audit").get(path).status()).isEqualTo(401);
        Http.Response notAnAuditor = officer.with("X-Purpose", "audit").get(path);
        assertThat(notAnAuditor.status()).isEqualTo(403);
        assertThat(notAnAuditor.isProblem()).isTrue();
        Http.Response noPurpose = auditor.get(path);
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.text("field")).isEqualTo("purpose");
        Http.Response byParameter = auditor.get(path + "?purpose=audit");
        assertThat(byParameter.status()).as(byParameter.raw()).isEqualTo(200);
        assertThat(byParameter.body().get("items").size()).isEqualTo(1);
    }

    @Test
    void eachReadIsRecordedWithTheAuditorOfTheToken() {
        String partner = partnerWithAgreement("Maison de la Veille Sociale", "RIGHTS");
        propose(participant, partner, "RIGHTS");
        assertThat(history(participant).status()).isEqualTo(200);
        Document read = database.getCollection("history_reads").find(new Document("participantId", participant)).first();
        assertThat(read).isNotNull();
        assertThat(read.getString("by")).isEqualTo("auditor-1");
        assertThat(read.getString("purpose")).isEqualTo("audit");
    }

    private List<String> publishedIds() {
        return KafkaTopics.readAll(LYON_PARTNERSHIP).stream().filter(rec -> participant.equals(rec.key()))
                .map(ConsumerRecord::value).map(JSON::readTree).map(e -> e.get("eventId").asString()).toList();
    }
}
