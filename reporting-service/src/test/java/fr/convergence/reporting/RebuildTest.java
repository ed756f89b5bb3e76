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

    @Test
    void aRebuildEndsWithTheSameFiguresAsLiveAndGoesOnLive() {
        String t = territory("rebuild");
        publish(PathwayStream.hired(t, "aci-1", "PHC", "2028-01-05", 4)
                        .event("WeeklyHoursChanged", "2028-02-01", java.util.Map.of("fromHours", 4, "toHours", 8))
                        .event("ProgrammeTransitioned", "2028-05-01", java.util.Map.of("from", "PHC", "to", "CVG",
                                "plannedEnd", "2029-05-01", "weeklyHours", 20))
                        .hours("2028-05", 80).exited("2028-09-01", "DURABLE_EMPLOYMENT", "CDI", 8),
                PathwayStream.hired(t, "aci-2", "CVG", "2028-02-05", 20).hours("2028-02", 60).hours("2028-02", 65));
        String path = "/api/reporting/territories/" + t;
        JsonNode live = awaitView(path, v -> v.path("totals").path("exited").asLong() == 1
                && v.path("totals").path("hoursWorked").asDouble() == 145.0);
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
        awaitView(path, v -> v.path("totals").path("entered").asLong() == 3);
    }
}
