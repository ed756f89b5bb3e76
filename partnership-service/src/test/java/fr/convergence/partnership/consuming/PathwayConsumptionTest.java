package fr.convergence.partnership.consuming;

import com.mongodb.client.MongoDatabase;
import fr.convergence.partnership.IntegrationTestBase;
import fr.convergence.partnership.KafkaTopics;
import fr.convergence.kit.deadletter.DeadLetter;
import fr.convergence.kit.deadletter.DeadLetterStore;
import fr.convergence.testing.Http;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static fr.convergence.partnership.PathwayEvents.barrierAssessed;
import static fr.convergence.partnership.PathwayEvents.barrierLifted;
import static fr.convergence.partnership.PathwayEvents.exited;
import static org.assertj.core.api.Assertions.assertThat;

/** Pathway events produced to the real broker, consumed by the service's pattern-subscribed consumer. */
class PathwayConsumptionTest extends IntegrationTestBase {

    @Autowired
    MongoDatabase database;

    private List<JsonNode> openNeeds(String domain) {
        Http.Response r = officer.get("/api/partnerships/needs?domain=" + domain + "&size=200");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return StreamSupport.stream(r.body().get("items").spliterator(), false).toList();
    }

    private boolean inQueue(String domain, String participantId) {
        return openNeeds(domain).stream().anyMatch(n -> n.get("participantId").asString().equals(participantId));
    }

    @Test
    void aBarrierHandledByAPartnerOpensANeedInTheTerritoryQueue() {
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("lyon", participant, pathwayId, 3, "LANGUAGE_LITERACY", "PARTNER", TODAY.minusDays(12)));

        eventually().until(() -> inQueue("LANGUAGE", participant));
        JsonNode need = openNeeds("LANGUAGE").stream()
                .filter(n -> n.get("participantId").asString().equals(participant)).findFirst().orElseThrow();
        assertThat(need.get("barrierDomain").asString()).isEqualTo("LANGUAGE_LITERACY");
        assertThat(need.get("daysOpen").asLong()).isEqualTo(12);
        assertThat(need.get("aciId").asString()).isEqualTo("aci-lyon-1");
        assertThat(need.get("assessedBy").asString()).isEqualTo("cip-lyon-1");
        assertThat(needStatus(participant, "LANGUAGE_LITERACY")).isEqualTo("OPEN");
    }

    @Test
    void aPathwayMovedToAnotherAciTakesItsOpenNeedsAlong() {
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("lyon", participant, pathwayId, 0, "MOBILITY", "PARTNER", TODAY.minusDays(4)));
        eventually().until(() -> inQueue("MOBILITY", participant));

        KafkaTopics.produce(LYON_PATHWAY, participant, fr.convergence.partnership.PathwayEvents.event("lyon",
                "aci-lyon-2", participant, pathwayId, 1, "PathwayTransferred", TODAY,
                "{\"fromAciId\":\"aci-lyon-1\",\"toAciId\":\"aci-lyon-2\"}"));

        eventually().until(() -> openNeeds("MOBILITY").stream()
                .anyMatch(n -> n.get("participantId").asString().equals(participant)
                        && "aci-lyon-2".equals(n.get("aciId").asString())));
        assertThat(needStatus(participant, "MOBILITY")).isEqualTo("OPEN");
    }

    @Test
    void aBarrierHandledInternallyOpensNoNeed() {
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("lyon", participant, pathwayId, 0, "MOBILITY", "INTERNAL", TODAY));
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("lyon", participant, pathwayId, 1, "DIGITAL", "BOTH", TODAY));

        eventually().until(() -> "OPEN".equals(needStatus(participant, "DIGITAL")));
        assertThat(needStatus(participant, "MOBILITY")).isEqualTo("NONE");
        assertThat(inQueue("MOBILITY", participant)).isFalse();
    }

    @Test
    void aLiftedBarrierClosesItsNeedAndLeavesTheQueue() {
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("lyon", participant, pathwayId, 0, "DEBT_FINANCE", "PARTNER", TODAY.minusDays(5)));
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierLifted("lyon", participant, pathwayId, 1, "DEBT_FINANCE", TODAY));

        eventually().until(() -> "CLOSED".equals(needStatus(participant, "DEBT_FINANCE")));
        assertThat(inQueue("DEBT", participant)).isFalse();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String assessed = barrierAssessed("lyon", participant, pathwayId, 0, "HOUSING", "PARTNER", TODAY.minusDays(3));
        KafkaTopics.produce(LYON_PATHWAY, participant, assessed);
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierLifted("lyon", participant, pathwayId, 1, "HOUSING", TODAY));
        // the same record again (same event id), as a redelivery after a lost commit would bring it
        KafkaTopics.produce(LYON_PATHWAY, participant, assessed);
        // a marker on the same key (same partition, so consumed after the duplicate)
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("lyon", participant, pathwayId, 2, "HEALTH", "PARTNER", TODAY));

        eventually().until(() -> "OPEN".equals(needStatus(participant, "HEALTH")));
        assertThat(needStatus(participant, "HOUSING")).isEqualTo("CLOSED");
        assertThat(needsOf(participant).body().get("version").asLong()).as("three distinct events applied").isEqualTo(3);
        assertThat(inQueue("HOUSING", participant)).isFalse();
    }

    @Test
    void anEventOfAnotherTerritoryChangesNothing() {
        KafkaTopics.produce("convergence.paris.pathway.v1", participant,
                barrierAssessed("paris", participant, pathwayId, 0, "HOUSING", "PARTNER", TODAY));
        // a marker of our own territory, produced after it: once it is applied, the consumer had its chance
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("lyon", participant, pathwayId, 1, "HEALTH", "PARTNER", TODAY));

        eventually().until(() -> "OPEN".equals(needStatus(participant, "HEALTH")));
        assertThat(needStatus(participant, "HOUSING")).isEqualTo("NONE");
        assertThat(needsOf(participant).body().get("version").asLong()).as("only the marker applied").isEqualTo(1);
        assertThat(inQueue("HOUSING", participant)).isFalse();
        // paris's topic is not even read by lyon's instance (its principal may not read it either)
        assertThat(deadLettersOf(participant)).isEmpty();
    }

    @Test
    void anEventClaimingAnotherTerritoryOnOurTopicIsParkedAndChangesNothing() {
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("paris", participant, pathwayId, 0, "HOUSING", "PARTNER", TODAY));
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("lyon", participant, pathwayId, 1, "HEALTH", "PARTNER", TODAY));

        eventually().until(() -> "OPEN".equals(needStatus(participant, "HEALTH")));
        assertThat(needStatus(participant, "HOUSING")).isEqualTo("NONE");
        assertThat(needsOf(participant).body().get("version").asLong()).isEqualTo(1);
        assertThat(deadLettersOf(participant)).singleElement().satisfies(d -> {
            assertThat(d.get("reason").asString()).isEqualTo("territory-mismatch");
            assertThat(d.get("detail").asString()).contains("paris");
            assertThat(d.get("status").asString()).isEqualTo("PARKED");
        });
    }

    @Test
    void aCipSeesTheNeedsOfHerAciLeftWithoutAReferralForThirtyDays() {
        String aci = "aci-lyon-" + (100 + Math.abs(participant.hashCode() % 800));
        String waiting = participant;
        String recent = "PSN-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String referred = "PSN-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String housing = "{\"domain\":\"HOUSING\",\"intensity\":\"HIGH\",\"handling\":\"PARTNER\"}";
        KafkaTopics.produce(LYON_PATHWAY, waiting, fr.convergence.partnership.PathwayEvents.event("lyon", aci, waiting,
                pathwayId, 0, "BarrierAssessed", TODAY.minusDays(40), housing));
        KafkaTopics.produce(LYON_PATHWAY, recent, fr.convergence.partnership.PathwayEvents.event("lyon", aci, recent,
                java.util.UUID.randomUUID().toString(), 0, "BarrierAssessed", TODAY.minusDays(5), housing));
        KafkaTopics.produce(LYON_PATHWAY, referred, fr.convergence.partnership.PathwayEvents.event("lyon", aci, referred,
                java.util.UUID.randomUUID().toString(), 0, "BarrierAssessed", TODAY.minusDays(40), housing));
        eventually().until(() -> "OPEN".equals(needStatus(waiting, "HOUSING")) && "OPEN".equals(needStatus(recent, "HOUSING"))
                && "OPEN".equals(needStatus(referred, "HOUSING")));
        propose(referred, partnerWithAgreement("Foyer Adoma Lyon", "HOUSING"), "HOUSING");
        Http cip = new Http(port).as(fr.convergence.testing.TestIssuer.get().token("cip", "lyon", aci));

        Http.Response r = cip.get("/api/partnerships/needs/waiting?minDaysOpen=30&aciId=" + aci);

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().size()).as(r.raw()).isEqualTo(1);
        assertThat(r.body().get(0).get("participantId").asString()).isEqualTo(waiting);
        assertThat(r.body().get(0).get("barrierDomain").asString()).isEqualTo("HOUSING");
        assertThat(r.body().get(0).get("daysOpen").asInt()).isEqualTo(40);
        Http.Response otherAci = cip.get("/api/partnerships/needs/waiting?minDaysOpen=30&aciId=aci-lyon-1");
        assertThat(otherAci.status()).isEqualTo(403);
        assertThat(otherAci.field()).isEqualTo("aciId");
    }

    @Test
    void aRecordOfAnotherTerritorysTopicNeverAppliesEvenWhenRetried() {
        // as if a misconfigured subscription had parked paris's record here: a retry must not apply it to lyon
        String value = barrierAssessed("paris", participant, pathwayId, 0, "HOUSING", "PARTNER", TODAY);
        String id = DeadLetter.idOf("convergence.paris.pathway.v1", 0,
                2_000_000L + Math.abs(participant.hashCode() % 100_000));
        new DeadLetterStore(database, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), java.time.Clock.systemUTC())
                .park("pathway-events", "convergence.paris.pathway.v1", 0, Long.parseLong(id.substring(id.lastIndexOf(':') + 1)), participant, value, "test", null);

        Http.Response retry = admin.post("/api/partnerships/dead-letters/" + id + "/retry", "");
        assertThat(retry.status()).as(retry.raw()).isEqualTo(422);
        assertThat(deadLettersOf(participant)).singleElement().satisfies(d -> {
            assertThat(d.get("reason").asString()).isEqualTo("territory-mismatch");
            assertThat(d.get("status").asString()).isEqualTo("PARKED");
            assertThat(d.get("lastActionBy").asString()).isEqualTo("admin-national");
        });
        assertThat(needStatus(participant, "HOUSING")).isEqualTo("NONE");
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextGoodRecordIsStillProcessed() {
        KafkaTopics.produce(LYON_PATHWAY, participant, "{\"eventId\": \"broken\", \"type\": ");
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("lyon", participant, pathwayId, 0, "ADDICTION", "PARTNER", TODAY));

        eventually().until(() -> "OPEN".equals(needStatus(participant, "ADDICTION")));
        List<JsonNode> parked = deadLettersOf(participant);
        assertThat(parked).singleElement().satisfies(d -> {
            assertThat(d.get("reason").asString()).startsWith("unparseable");
            assertThat(d.get("status").asString()).isEqualTo("PARKED");
        });
        Http.Response prometheus = new Http(port).get("/actuator/prometheus");
        assertThat(prometheus.raw()).containsPattern("partnership_pathway_events_dead_lettered_total\\S* [1-9]");
    }

    @Test
    void retryingAPoisonRecordThatStillFailsKeepsItParked() {
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("lyon", participant, pathwayId, 0, "HOUSING", "PARTNER", TODAY)
                        .replace("\"HOUSING\"", "\"TELEPORTATION\""));
        eventually().until(() -> !deadLettersOf(participant).isEmpty());
        String id = deadLettersOf(participant).get(0).get("id").asString();

        Http.Response retry = admin.post("/api/partnerships/dead-letters/" + id + "/retry", "");
        assertThat(retry.status()).as(retry.raw()).isEqualTo(422);
        assertThat(retry.body().get("rule").asString()).isEqualTo("dead-letter-still-failing");
        assertThat(deadLettersOf(participant).get(0).get("status").asString()).isEqualTo("PARKED");
    }

    @Test
    void retryingAParkedRecordThatNowAppliesReprocessesIt() {
        // parked earlier (e.g. while the mapping table lacked an entry); now valid
        String value = barrierAssessed("lyon", participant, pathwayId, 0, "HOUSING", "PARTNER", TODAY);
        String id = DeadLetter.idOf(LYON_PATHWAY, 0, 1_000_000L + Math.abs(participant.hashCode() % 100_000));
        new DeadLetterStore(database, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), java.time.Clock.systemUTC())
                .park("pathway-events", LYON_PATHWAY, 0, Long.parseLong(id.substring(id.lastIndexOf(':') + 1)), participant, value, "mapping missing", null);

        Http.Response retry = admin.post("/api/partnerships/dead-letters/" + id + "/retry", "");
        assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
        assertThat(needStatus(participant, "HOUSING")).isEqualTo("OPEN");
        assertThat(deadLettersOf(participant).get(0).get("status").asString()).isEqualTo("REPROCESSED");
        assertThat(admin.post("/api/partnerships/dead-letters/" + id + "/retry", "").status()).isEqualTo(409);
    }

    @Test
    void anExitClosesTheNeedsAndCancelsPendingReferrals() {
        String partner = partnerWithAgreement("Habitat et Humanisme Rhône", "HOUSING", "HEALTH");
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("lyon", participant, pathwayId, 0, "HOUSING", "PARTNER", TODAY.minusDays(20)));
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("lyon", participant, pathwayId, 1, "HEALTH", "BOTH", TODAY.minusDays(20)));
        eventually().until(() -> "OPEN".equals(needStatus(participant, "HEALTH")));

        String proposed = propose(participant, partner, "HOUSING");
        String accepted = propose(participant, partner, "HEALTH");
        assertThat(officer.post("/api/partnerships/referrals/" + accepted + "/accept", "{}").status()).isEqualTo(200);
        String declined = propose(participant, partner, "HOUSING");
        assertThat(officer.post("/api/partnerships/referrals/" + declined + "/decline", "{\"reason\":\"FULL\"}").status())
                .isEqualTo(200);

        KafkaTopics.produce(LYON_PATHWAY, participant, exited("lyon", participant, pathwayId, 2, TODAY.minusDays(1)));

        eventually().until(() -> "CLOSED".equals(needStatus(participant, "HEALTH")));
        assertThat(needStatus(participant, "HOUSING")).isEqualTo("CLOSED");
        assertThat(inQueue("HOUSING", participant)).isFalse();
        assertThat(inQueue("HEALTH", participant)).isFalse();
        assertThat(status(proposed)).isEqualTo("CANCELLED");
        assertThat(status(accepted)).isEqualTo("CANCELLED");
        assertThat(status(declined)).isEqualTo("DECLINED");
        assertThat(officer.get("/api/partnerships/referrals/" + proposed).body().get("reason").asString())
                .isEqualTo("PARTICIPANT_EXITED");

        eventually().until(() -> cancelledOnTopic().containsAll(List.of(proposed, accepted)));
        assertThat(cancelledOnTopic()).doesNotContain(declined);

        Http.Response late = officer.post("/api/partnerships/referrals",
                "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"HOUSING\"}".formatted(participant, partner));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body().get("rule").asString()).isEqualTo("participant-exited");
    }

    @Test
    void aHiringIntoANewPathwayAfterAnExitAllowsReferralsAgain() {
        String partner = partnerWithAgreement("Mission Locale Lyon", "EMPLOYMENT");
        KafkaTopics.produce(LYON_PATHWAY, participant, exited("lyon", participant, pathwayId, 7, TODAY.minusDays(30)));
        eventually().until(() -> !needsOf(participant).body().get("exitedOn").isNull());
        assertThat(officer.post("/api/partnerships/referrals", "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"EMPLOYMENT\"}"
                .formatted(participant, partner)).status()).isEqualTo(422);

        String next = java.util.UUID.randomUUID().toString();
        KafkaTopics.produce(LYON_PATHWAY, participant, fr.convergence.partnership.PathwayEvents.event("lyon", participant,
                next, 0, "ParticipantHired", TODAY.minusDays(2), """
                        {"participantId":"%s","territory":"lyon","aciId":"aci-lyon-1","programme":"PHC",\
                        "plannedEnd":"%s","weeklyHours":4.0,"hoursDerogation":false}""".formatted(participant, TODAY.plusMonths(6))));

        eventually().until(() -> needsOf(participant).body().get("exitedOn").isNull());
        assertThat(officer.post("/api/partnerships/referrals", "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"EMPLOYMENT\"}"
                .formatted(participant, partner)).status()).isEqualTo(201);
    }

    @Test
    void aCancelledExitReopensTheNeedsItClosedAndAllowsReferralsAgain() {
        String partner = partnerWithAgreement("Foyer Notre-Dame des Sans-Abri", "HOUSING");
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("lyon", participant, pathwayId, 0, "HOUSING", "PARTNER", TODAY.minusDays(20)));
        KafkaTopics.produce(LYON_PATHWAY, participant, exited("lyon", participant, pathwayId, 1, TODAY.minusDays(3)));
        eventually().until(() -> "CLOSED".equals(needStatus(participant, "HOUSING")));

        KafkaTopics.produce(LYON_PATHWAY, participant, fr.convergence.partnership.PathwayEvents.event("lyon", participant,
                pathwayId, 2, "ExitCancelled", TODAY, """
                        {"exitSequence":1,"exitDate":"%s","reason":"EXIT_DID_NOT_HAPPEN"}""".formatted(TODAY.minusDays(3))));

        eventually().until(() -> "OPEN".equals(needStatus(participant, "HOUSING")));
        assertThat(inQueue("HOUSING", participant)).isTrue();
        assertThat(needsOf(participant).body().get("exitedOn").isNull()).isTrue();
        assertThat(officer.post("/api/partnerships/referrals", "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"HOUSING\"}"
                .formatted(participant, partner)).status()).isEqualTo(201);
    }

    @Test
    void theNewSituationEventsAndAnyFutureTypeAreIgnoredWithoutADeadLetter() {
        for (String[] typed : new String[][] {
                {"EntryProfileRecorded", "{\"housing\":\"STREET\",\"withoutHousing\":\"UNKNOWN\",\"referredBy\":\"SIAO\","
                        + "\"healthCover\":\"NONE\",\"rightsAtEntry\":[],\"withoutWork\":\"UNKNOWN\"}"},
                {"AccompanimentRecorded", "{\"kind\":\"INTERVIEW\",\"length\":\"HALF_DAY\",\"participants\":[\"CIP\"]}"},
                {"FollowUpContactRecorded", "{\"milestoneMonths\":6,\"employment\":\"CDI\",\"housing\":\"DURABLE_HOUSING\"}"}}) {
            KafkaTopics.produce(LYON_PATHWAY, participant, fr.convergence.partnership.PathwayEvents.event("lyon", participant,
                    pathwayId, 10, typed[0], TODAY, typed[1]));
        }
        // a type a newer producer may add within v1 (the helper validates against today's schema, hence the rename)
        KafkaTopics.produce(LYON_PATHWAY, participant, fr.convergence.partnership.PathwayEvents.event("lyon", participant,
                        pathwayId, 10, "HealthCareAccessed", TODAY, "{}")
                .replace("\"type\":\"HealthCareAccessed\"", "\"type\":\"SomethingOfVersionOnePointNine\""));
        // a later event of the same participant is applied: the ignored ones did not block the partition
        KafkaTopics.produce(LYON_PATHWAY, participant,
                barrierAssessed("lyon", participant, pathwayId, 11, "MOBILITY", "PARTNER", TODAY.minusDays(2)));
        eventually().until(() -> "OPEN".equals(needStatus(participant, "MOBILITY")));
        assertThat(deadLettersOf(participant)).isEmpty();
    }

    private String status(String referralId) {
        return officer.get("/api/partnerships/referrals/" + referralId).body().get("status").asString();
    }

    private List<String> cancelledOnTopic() {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> r : KafkaTopics.readAll(LYON_PARTNERSHIP)) {
            if (participant.equals(r.key()) && r.value().contains("\"ReferralCancelled\"")) {
                JsonNode event = tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.value());
                ids.add(event.get("data").get("referralId").asString());
            }
        }
        return ids;
    }

    private List<JsonNode> deadLettersOf(String key) {
        Http.Response r = admin.get("/api/partnerships/dead-letters?size=200");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return StreamSupport.stream(r.body().get("items").spliterator(), false)
                .filter(d -> d.get("key") != null && key.equals(d.get("key").asString())).toList();
    }

}
