package fr.convergence.reporting;

import fr.convergence.reporting.support.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referral events shaped as contracts/partnership-event.v1.schema.json; partner events on the same stream and
 * unknown fields are ignored, not dead-lettered.
 */
class ReferralProjectionTest extends ReportingIntegrationTest {

    private static String envelope(String territory, String type, String date, Map<String, Object> data) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("schemaVersion", 1);
        e.put("source", "partnership-service");
        e.put("territory", territory);
        e.put("participantId", type.startsWith("Referral") ? "PSN-1" : null);
        e.put("occurredOn", date);
        e.put("recordedAt", date + "T09:00:00Z");
        e.put("recordedBy", "cdp-1");
        e.put("correlationId", UUID.randomUUID().toString());
        e.put("somethingNew", true);
        e.put("data", data);
        return JSON.writeValueAsString(e);
    }

    private static String referral(String territory, String type, String date, String referralId, String domain,
                                   String status, String proposedOn, String outcome) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId);
        data.put("partnerId", "partner-1");
        data.put("domain", domain);
        data.put("status", status);
        data.put("proposedOn", proposedOn);
        if (outcome != null) {
            data.put("outcome", outcome);
        }
        return envelope(territory, type, date, data);
    }

    @Test
    void referralsCountInTheirProposalMonthByDomainAndLastKnownOutcome() {
        String t = territory("ref");
        String topic = "convergence." + t + ".partnership.v1";
        send(topic, "partner-1", envelope(t, "PartnerRegistered", "2032-01-05",
                Map.of("partnerId", "partner-1", "name", "Association", "domains", java.util.List.of("HOUSING"))));
        send(topic, "PSN-1", referral(t, "ReferralProposed", "2032-03-01", "r1", "HOUSING", "PROPOSED", "2032-03-01", null));
        send(topic, "PSN-1", referral(t, "ReferralCompleted", "2032-04-20", "r1", "HOUSING", "COMPLETED", "2032-03-01", "HOUSED"));
        send(topic, "PSN-1", referral(t, "ReferralAccepted", "2032-03-15", "r1", "HOUSING", "ACCEPTED", "2032-03-01", null));
        send(topic, "PSN-2", referral(t, "ReferralProposed", "2032-03-02", "r2", "HEALTH", "PROPOSED", "2032-03-02", null));

        JsonNode totals = awaitView("/api/reporting/territories/" + t + "?from=2032-03&to=2032-03",
                v -> v.path("totals").path("referrals").asLong() == 2).path("totals");

        assertThat(totals.path("referralsByDomain").path("HOUSING").asLong()).isEqualTo(1);
        assertThat(totals.path("referralsByDomain").path("HEALTH").asLong()).isEqualTo(1);
        // the late "accepted" does not take a completed referral back
        assertThat(totals.path("referralsByOutcome").path("COMPLETED / HOUSED").asLong()).isEqualTo(1);
        assertThat(totals.path("referralsByOutcome").path("PROPOSED").asLong()).isEqualTo(1);
        assertThat(StreamSupport.stream(get(admin, "/api/reporting/dead-letters?status=PARKED").path("items").spliterator(), false)
                .noneMatch(d -> d.path("topic").asString().equals(topic))).isTrue();
    }
}
