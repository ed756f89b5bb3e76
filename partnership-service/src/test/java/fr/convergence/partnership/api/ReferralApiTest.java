package fr.convergence.partnership.api;

import fr.convergence.contracts.ContractSchemas;
import fr.convergence.partnership.IntegrationTestBase;
import fr.convergence.partnership.KafkaTopics;
import fr.convergence.testing.Http;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Partners, agreements and referrals over real HTTP; their integration events on the real broker. */
class ReferralApiTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private List<JsonNode> eventsKeyed(String key) {
        return KafkaTopics.readAll(LYON_PARTNERSHIP).stream().filter(r -> key.equals(r.key()))
                .map(ConsumerRecord::value).map(JSON::readTree).toList();
    }

    private List<String> typesFor(String key, String referralId) {
        return eventsKeyed(key).stream()
                .filter(e -> referralId == null || referralId.equals(e.get("data").path("referralId").asString("")))
                .map(e -> e.get("type").asString()).toList();
    }

    @Test
    void servesTheBarrierToPartnerDomainTableFromItsReferenceData() {
        Http.Response table = officer.get("/api/partnerships/barrier-domains");
        assertThat(table.status()).isEqualTo(200);
        assertThat(table.body().get("LANGUAGE_LITERACY").asString()).isEqualTo("LANGUAGE");
        assertThat(table.body().get("DEBT_FINANCE").asString()).isEqualTo("DEBT");
        assertThat(table.body().get("EMPLOYMENT_PROJECT").asString()).isEqualTo("EMPLOYMENT");
        assertThat(table.body().size()).isEqualTo(11);
    }

    @Test
    void aReferralRunsItsWholeLifecycleAndEachStepIsPublished() {
        String partner = partnerWithAgreement("Forum Réfugiés Lyon", "HOUSING", "RIGHTS");
        String referral = propose(participant, partner, "HOUSING");

        Http.Response accepted = officer.post("/api/partnerships/referrals/" + referral + "/accept",
                "{\"date\":\"%s\"}".formatted(TODAY.minusDays(8)));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
        Http.Response completed = officer.post("/api/partnerships/referrals/" + referral + "/complete",
                "{\"date\":\"%s\",\"outcome\":\"HOUSED\"}".formatted(TODAY.minusDays(1)));
        assertThat(completed.status()).as(completed.raw()).isEqualTo(200);

        Http.Response read = officer.get("/api/partnerships/referrals/" + referral);
        assertThat(read.text("status")).isEqualTo("COMPLETED");
        assertThat(read.text("outcome")).isEqualTo("HOUSED");
        assertThat(read.body().get("history").size()).isEqualTo(3);
        assertThat(read.body().get("history").get(1).get("by").asString()).isEqualTo("cdp-lyon-test");
        assertThat(read.body().get("history").get(1).get("on").asString()).isEqualTo(TODAY.minusDays(8).toString());

        eventually().until(() -> typesFor(participant, referral).size() >= 3);
        assertThat(typesFor(participant, referral))
                .containsExactly("ReferralProposed", "ReferralAccepted", "ReferralCompleted");
        JsonNode done = eventsKeyed(participant).stream().filter(e -> e.get("type").asString().equals("ReferralCompleted"))
                .findFirst().orElseThrow();
        assertThat(done.get("data").get("outcome").asString()).isEqualTo("HOUSED");
        assertThat(done.get("data").get("partnerId").asString()).isEqualTo(partner);
        assertThat(done.get("territory").asString()).isEqualTo("lyon");
        eventsKeyed(participant).forEach(e ->
                assertThat(ContractSchemas.violations("partnership-event", 1, e.toString())).isEmpty());
    }

    @Test
    void aDeclinedReferralIsPublishedAndCannotBeAcceptedAnymore() {
        String partner = partnerWithAgreement("Alis Santé", "HEALTH");
        String referral = propose(participant, partner, "HEALTH");
        assertThat(officer.post("/api/partnerships/referrals/" + referral + "/decline", "{\"reason\":\"OUT_OF_AREA\"}")
                .status()).isEqualTo(200);

        Http.Response refused = officer.post("/api/partnerships/referrals/" + referral + "/accept", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("rule")).isEqualTo("referral-transition");
        assertThat(officer.get("/api/partnerships/referrals/" + referral).text("status")).isEqualTo("DECLINED");
        eventually().until(() -> typesFor(participant, referral).size() >= 2);
        assertThat(typesFor(participant, referral)).containsExactly("ReferralProposed", "ReferralDeclined");
    }

    /** Issue 21 finding 8: a reason is a code of the table; text is refused (400, field and rule) and changes nothing. */
    @Test
    void aDeclineOrCancelReasonIsACodeAndTextIsRefused() {
        String partner = partnerWithAgreement("Le Mas", "HEALTH", "HOUSING");
        String referral = propose(participant, partner, "HEALTH");
        Http.Response text = officer.post("/api/partnerships/referrals/" + referral + "/decline",
                "{\"reason\":\"Madame Durand est hospitalisée\"}");
        assertThat(text.status()).as(text.raw()).isEqualTo(400);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(text.text("rule")).isEqualTo("unknown-reason");
        assertThat(text.text("field")).isEqualTo("reason");
        assertThat(text.raw()).doesNotContain("Durand");
        Http.Response serviceOwn = officer.post("/api/partnerships/referrals/" + referral + "/cancel",
                "{\"reason\":\"PARTICIPANT_EXITED\"}");
        assertThat(serviceOwn.status()).as("the service's own code is not for callers").isEqualTo(400);
        assertThat(officer.get("/api/partnerships/referrals/" + referral).text("status")).isEqualTo("PROPOSED");

        assertThat(officer.post("/api/partnerships/referrals/" + referral + "/decline", "{\"reason\":\"FULL\"}")
                .status()).isEqualTo(200);
        String other = propose(participant, partner, "HOUSING");
        assertThat(officer.post("/api/partnerships/referrals/" + other + "/cancel", "{\"reason\":\"FULL\"}").status())
                .as("FULL is a partner's answer, not a reason to cancel").isEqualTo(400);
        assertThat(officer.post("/api/partnerships/referrals/" + other + "/cancel", "{\"reason\":\"NEED_MET_ELSEWHERE\"}")
                .status()).isEqualTo(200);

        eventually().until(() -> typesFor(participant, other).size() >= 2);
        List<JsonNode> events = eventsKeyed(participant);
        assertThat(events.stream().map(e -> e.get("data").path("reason").asString(""))
                .filter(r -> !r.isEmpty()).toList()).containsExactlyInAnyOrder("FULL", "NEED_MET_ELSEWHERE");
        events.forEach(e -> assertThat(e.get("revision").asInt()).isEqualTo(2));

        Http.Response table = officer.get("/api/partnerships/referral-reasons");
        assertThat(table.status()).isEqualTo(200);
        assertThat(table.body().get("decline").toString()).contains("\"code\":\"FULL\"")
                .contains("Plus de place chez le partenaire").doesNotContain("PARTICIPANT_EXITED");
        assertThat(table.body().get("cancel").toString()).contains("NEED_MET_ELSEWHERE").doesNotContain("\"FULL\"");
    }

    @Test
    void completingAProposedReferralIsAConflict() {
        String partner = partnerWithAgreement("Mission Locale", "EMPLOYMENT");
        String referral = propose(participant, partner, "EMPLOYMENT");
        Http.Response r = officer.post("/api/partnerships/referrals/" + referral + "/complete", "{\"outcome\":\"JOB_FOUND\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("rule")).isEqualTo("referral-transition");
    }

    @Test
    void aPartnerThatDoesNotCoverTheDomainIsRefusedWith422NamingTheField() {
        String partner = partnerWithAgreement("Addictions Lyon", "ADDICTION");
        Http.Response r = officer.post("/api/partnerships/referrals",
                "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"HOUSING\"}".formatted(participant, partner));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("rule")).isEqualTo("partner-does-not-cover-domain");
        assertThat(r.text("field")).isEqualTo("domain");
    }

    @Test
    void aBarrierDomainNameIsMappedToItsPartnerDomain() {
        String partner = partnerWithAgreement("Langues Pour Tous", "LANGUAGE");
        Http.Response r = officer.post("/api/partnerships/referrals",
                "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"LANGUAGE_LITERACY\"}".formatted(participant, partner));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.text("domain")).isEqualTo("LANGUAGE");
    }

    @Test
    void anExpiredAgreementIsRefusedWith422() {
        Http.Response partner = coordinator.post("/api/partnerships/partners",
                "{\"name\":\"Ancien partenaire\",\"domains\":[\"DEBT\"]}");
        String id = partner.text("id");
        assertThat(coordinator.post("/api/partnerships/partners/" + id + "/agreements",
                "{\"startsOn\":\"%s\",\"endsOn\":\"%s\",\"scope\":[\"DEBT\"]}".formatted(TODAY.minusYears(2),
                        TODAY.minusMonths(1))).status()).isEqualTo(201);
        Http.Response r = officer.post("/api/partnerships/referrals",
                "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"DEBT\"}".formatted(participant, id));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("rule")).isEqualTo("agreement-expired");
        assertThat(r.text("field")).isEqualTo("partnerId");
    }

    @Test
    void aDateInTheFutureIsRefusedWith422() {
        String partner = partnerWithAgreement("Secours Populaire", "DEBT");
        Http.Response r = officer.post("/api/partnerships/referrals",
                "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"DEBT\",\"proposedOn\":\"%s\"}"
                        .formatted(participant, partner, TODAY.plusDays(2)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("rule")).isEqualTo("date-in-future");
        assertThat(r.text("field")).isEqualTo("proposedOn");
    }

    @Test
    void anActWithoutATokenIsRefused() {
        Http.Response r = new Http(port).post("/api/partnerships/partners", "{\"name\":\"X\",\"domains\":[\"HEALTH\"]}");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.rule()).isEqualTo("authentication-required");
    }

    @Test
    void partnerChangesAndAgreementsArePublishedKeyedByPartner() {
        String partner = partnerWithAgreement("CCAS Villeurbanne", "RIGHTS");
        Http.Response changed = coordinator.put("/api/partnerships/partners/" + partner,
                "{\"name\":\"CCAS de Villeurbanne\",\"domains\":[\"RIGHTS\",\"HOUSING\"],\"contacts\":[]}");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        String agreement = coordinator.get("/api/partnerships/partners/" + partner).body().get("agreements").get(0)
                .get("id").asString();
        Http.Response ended = coordinator.post("/api/partnerships/partners/" + partner + "/agreements/" + agreement + "/end",
                "{\"endedOn\":\"%s\"}".formatted(TODAY));
        assertThat(ended.status()).as(ended.raw()).isEqualTo(200);
        assertThat(coordinator.post("/api/partnerships/partners/" + partner + "/agreements/" + agreement + "/end", "{}")
                .status()).isEqualTo(409);

        eventually().until(() -> typesFor(partner, null).size() >= 4);
        assertThat(typesFor(partner, null))
                .containsExactly("PartnerRegistered", "AgreementSigned", "PartnerChanged", "AgreementEnded");
        eventsKeyed(partner).forEach(e -> {
            assertThat(e.get("participantId").isNull()).isTrue();
            assertThat(ContractSchemas.violations("partnership-event", 1, e.toString())).isEmpty();
        });
    }

    @Test
    void theNetworkListsPartnersByDomainAndAPartnersReferrals() {
        String partner = partnerWithAgreement("Réseau Santé Précarité " + participant, "HEALTH", "ADDICTION");
        String r1 = propose(participant, partner, "HEALTH");
        propose(participant, partner, "ADDICTION");
        officer.post("/api/partnerships/referrals/" + r1 + "/accept", "{}");

        Http.Response health = officer.get("/api/partnerships/partners?domain=HEALTH&size=200");
        assertThat(StreamSupport.stream(health.body().get("items").spliterator(), false)
                .map(p -> p.get("partnerId").asString())).contains(partner);
        Http.Response employment = officer.get("/api/partnerships/partners?domain=EMPLOYMENT&size=200");
        assertThat(StreamSupport.stream(employment.body().get("items").spliterator(), false)
                .map(p -> p.get("partnerId").asString())).doesNotContain(partner);
        Http.Response network = officer.get("/api/partnerships/network");
        assertThat(network.body().get("ADDICTION").toString()).contains(partner);

        Http.Response referrals = officer.get("/api/partnerships/partners/" + partner + "/referrals?size=1");
        assertThat(referrals.body().get("total").asInt()).isEqualTo(2);
        assertThat(referrals.body().get("items").size()).isEqualTo(1);
        Http.Response accepted = officer.get("/api/partnerships/partners/" + partner + "/referrals?status=ACCEPTED");
        assertThat(accepted.body().get("items").get(0).get("referralId").asString()).isEqualTo(r1);
    }

    @Test
    void aFollowUpGroupHoldsRolesWithStartAndEnd() {
        String base = "/api/partnerships/participants/" + participant + "/follow-up-group";
        // a participant the territory never heard of gets no group (a mistyped id creates nothing)
        Http.Response unknown = officer.post(base + "/members", "{\"role\":\"CIP\",\"name\":\"Karim B.\"}");
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        // known from the pathway, as in production
        KafkaTopics.produce(LYON_PATHWAY, participant, fr.convergence.partnership.PathwayEvents.barrierAssessed("lyon",
                participant, pathwayId, 0, "HOUSING", "PARTNER", TODAY));
        eventually().until(() -> needsOf(participant).body().get("version").asLong() > 0);

        Http.Response cip = officer.post(base + "/members",
                "{\"role\":\"CIP\",\"name\":\"Karim B.\",\"organisation\":\"ACI Lyon 1\",\"startsOn\":\"%s\"}"
                        .formatted(TODAY.minusMonths(3)));
        assertThat(cip.status()).as(cip.raw()).isEqualTo(201);
        assertThat(officer.post(base + "/members", "{\"role\":\"SOCIAL_WORKER\",\"name\":\"Anne D.\",\"organisation\":\"SIAO 69\"}")
                .status()).isEqualTo(201);
        Http.Response second = officer.post(base + "/members", "{\"role\":\"CIP\",\"name\":\"Other\"}");
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.text("rule")).isEqualTo("one-referent-at-a-time");

        Http.Response left = officer.post(base + "/members/" + cip.text("memberId") + "/end",
                "{\"endsOn\":\"%s\"}".formatted(TODAY.minusDays(1)));
        assertThat(left.status()).as(left.raw()).isEqualTo(200);
        assertThat(officer.post(base + "/members", "{\"role\":\"CIP\",\"name\":\"New CIP\"}").status()).isEqualTo(201);
        assertThat(officer.get(base).body().get("members").size()).isEqualTo(3);
    }

    @Test
    void theInstanceTellsWhichTerritoryItServes() {
        Http.Response r = officer.get("/api/partnerships/territory");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("territory")).isEqualTo("lyon");
    }
}
