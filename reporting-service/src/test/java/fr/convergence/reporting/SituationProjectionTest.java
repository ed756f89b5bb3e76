package fr.convergence.reporting;

import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18 end to end: contract-shaped records on Kafka, the live projection, the API's figures. */
class SituationProjectionTest extends ReportingIntegrationTest {

    private long deadLettersOf(String topic) {
        return StreamSupport.stream(get(admin, "/api/reporting/dead-letters?status=PARKED&size=200").path("items")
                .spliterator(), false).filter(d -> d.path("topic").asString().equals(topic)).count();
    }

    @Test
    void anUnknownFutureTypeAndAnUnknownValueAreIgnoredNotDeadLettered() {
        String t = territory("tolerant");
        PathwayStream s = PathwayStream.hired(t, "aci-1", "CVG", "2033-01-05", 20)
                .event("ParticipantMoodRecorded", "2033-01-06", Map.of("mood", "GOOD"))       // a type of the future
                .accompaniment("2033-01-07", "PEER_SUPPORT_GROUP")                              // a kind of the future
                .accompaniment("2033-01-08", "INTERVIEW")
                .exited("2033-02-10", "OTHER_EXIT", "unemployed", 1, "TINY_HOUSE")             // a housing of the future
                .followUp("2033-08-10", 6, "CDI", "DURABLE_HOUSING");
        publish(s);

        // the last event is applied only once every one before it was (a refused one would hold it parked)
        JsonNode totals = awaitView("/api/reporting/territories/" + t,
                v -> v.path("totals").path("followUp6").path("contacted").asLong() == 1).path("totals");

        assertThat(deadLettersOf(s.topic())).isZero();
        assertThat(totals.path("interviews").asLong()).isEqualTo(1);
        assertThat(totals.path("accompaniedVisits").asLong()).isZero();
        assertThat(totals.path("exitsByHousing").path("TINY_HOUSE").asLong()).isEqualTo(1);
        assertThat(totals.path("exitsToDurableHousing").path("numerator").asLong()).isZero();
        assertThat(totals.path("exitsToDurableHousing").path("denominator").asLong()).isEqualTo(1);
        assertThat(totals.path("followUp6").path("employed").path("value").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aCancelledExitAndACorrectedDateReachTheFiguresLive() {
        String t = territory("corrected");
        PathwayStream s = PathwayStream.hired(t, "aci-1", "CVG", "2033-03-02", 20)
                .profile("2033-03-02", "STREET", null)
                .exited("2033-04-15", "OTHER_EXIT", "unemployed", 1, "STREET");
        s.cancelExit("2033-04-20", s.last(), "2033-04-15")
                .exited("2033-05-31", "DURABLE_EMPLOYMENT", "CDI", 3, "DURABLE_HOUSING");
        s.correctDate("2033-06-02", s.last(), "ParticipantExited", "2033-05-31", "2033-06-01");
        publish(s);

        String path = "/api/reporting/territories/" + t + "?from=2033-03&to=2033-06";
        JsonNode view = awaitView(path, v -> v.path("months").path(3).path("exited").asLong() == 1);

        JsonNode totals = view.path("totals");
        assertThat(totals.path("exited").asLong()).isEqualTo(1);
        assertThat(totals.path("exitsByCategory").path("OTHER_EXIT").asLong()).isZero();
        assertThat(view.path("months").path(1).path("exited").asLong()).isZero();   // April: cancelled
        assertThat(view.path("months").path(2).path("exited").asLong()).isZero();   // May: moved to June
        assertThat(totals.path("peopleSupported").asLong()).isEqualTo(1);
        assertThat(totals.path("personMonths").asLong()).isEqualTo(4);
        assertThat(totals.path("fromStreet").path("value").asDouble()).isEqualTo(1.0);
        assertThat(totals.path("exitsToDurableHousing").path("value").asDouble()).isEqualTo(1.0);
    }
}
