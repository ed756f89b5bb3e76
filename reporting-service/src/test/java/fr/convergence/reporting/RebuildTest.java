package fr.convergence.reporting;

import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RebuildTest extends ReportingIntegrationTest {

    /** Issue 18's events, corrections among them: the rebuild must land on the same corrected figures. */
    private static PathwayStream corrected(String t) {
        PathwayStream s = PathwayStream.hired(t, "aci-1", "CVG", "2028-03-01", 20)
                .profile("2028-03-01", "STREET", null)
                .accompaniment("2028-03-10", "INTERVIEW");
        long interview = s.last();
        s.exited("2028-04-30", "OTHER_EXIT", "unemployed", 1, "EMERGENCY_SHELTER");
        s.cancelExit("2028-05-02", s.last(), "2028-04-30")
                .accompaniment("2028-05-05", "VISIT_MEDICAL")
                .exited("2028-06-30", "DURABLE_EMPLOYMENT", "CDI", 4, "SOCIAL_RESIDENCE");
        long exit = s.last();
        return s.correctDate("2028-07-01", interview, "AccompanimentRecorded", "2028-03-10", "2028-05-10")
                .followUp("2028-12-30", 6, "CDI", "DURABLE_HOUSING")
                .correctDate("2029-01-02", exit, "ParticipantExited", "2028-06-30", "2028-07-15");
    }

    private static long exitedIn(JsonNode view, String month) {
        for (JsonNode m : view.path("months")) {
            if (m.path("month").asString().equals(month)) {
                return m.path("exited").asLong();
            }
        }
        return -1;
    }

    private static long band(JsonNode view, String code) {
        for (JsonNode b : view.path("ageBands")) {
            if (b.path("code").asString().equals(code)) {
                return b.path("peopleSupported").asLong();
            }
        }
        return -1;
    }

    @Test
    void aRebuildEndsWithTheSameFiguresAsLiveAndGoesOnLive() {
        String t = territory("rebuild");
        PathwayStream corrected = corrected(t);
        publish(corrected);
        // issue 19 item 3: the participant stream's reference data and age bands are rebuilt too, an erasure included
        PathwayStream erasedOne = PathwayStream.hired(t, "aci-2", "CVG", "2028-02-10", 20);
        publish(new fr.convergence.reporting.support.ParticipantStream(t).territoryCreated("Reconstruction")
                .aci(false, "aci-1", "Atelier Un", null, null).aci(false, "aci-2", "Atelier Deux", "2028-01-01", null)
                .aci(false, "aci-old", "Atelier parti", null, "2027-06-30")
                .registered(corrected.participantId, "aci-1", "35-44")
                .registered(erasedOne.participantId, "aci-2", "<26").erased(erasedOne.participantId, "aci-2"));
        publish(erasedOne);
        publish(PathwayStream.hired(t, "aci-1", "PHC", "2028-01-05", 4)
                        .event("WeeklyHoursChanged", "2028-02-01", java.util.Map.of("fromHours", 4, "toHours", 8))
                        .event("ProgrammeTransitioned", "2028-05-01", java.util.Map.of("from", "PHC", "to", "CVG",
                                "plannedEnd", "2029-05-01", "weeklyHours", 20))
                        .hours("2028-05", 80).exited("2028-09-01", "DURABLE_EMPLOYMENT", "CDI", 8),
                PathwayStream.hired(t, "aci-2", "CVG", "2028-02-05", 20).hours("2028-02", 60).hours("2028-02", 65));
        String path = "/api/reporting/territories/" + t;
        JsonNode live = awaitView(path, v -> v.path("totals").path("exited").asLong() == 2
                && v.path("totals").path("hoursWorked").asDouble() == 145.0 && exitedIn(v, "2028-07") == 1
                && v.path("totals").path("followUp6").path("contacted").asLong() == 1
                && "Reconstruction".equals(v.path("territoryName").asString()) && band(v, "35-44") == 1
                && v.path("aciCount").asLong() == 2);
        assertThat(band(live, "<26")).as("erased: the age band is gone").isZero();
        assertThat(live.path("breakdown").findValuesAsString("name")).contains("Atelier Un", "Atelier Deux");
        // the corrections are in the live figures: the cancelled exit is gone, the corrected dates moved
        assertThat(exitedIn(live, "2028-04")).isZero();
        assertThat(exitedIn(live, "2028-06")).isZero();
        assertThat(live.path("totals").path("exitsByCategory").path("OTHER_EXIT").asLong()).isZero();
        assertThat(live.path("totals").path("interviews").asLong()).isEqualTo(1);
        assertThat(live.path("totals").path("fromStreet").path("numerator").asLong()).isEqualTo(1);
        int generation = get("/api/reporting/territories").path("generation").asInt();

        Http.Response started = admin.send("POST", "/api/reporting/rebuilds", null);
        assertThat(started.status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() ->
                get(admin, "/api/reporting/rebuilds/current").path("state").asString().equals("DONE"));
        JsonNode progress = get(admin, "/api/reporting/rebuilds/current");
        assertThat(progress.path("done").asLong()).isGreaterThanOrEqualTo(progress.path("total").asLong());
        assertThat(get("/api/reporting/territories").path("generation").asInt()).isEqualTo(generation + 1);
        assertThat(get(path)).isEqualTo(live);

        publish(PathwayStream.hired(t, "aci-3", "CVG", "2028-10-01", 20));
        awaitView(path, v -> v.path("totals").path("entered").asLong() == 5);
    }
}
