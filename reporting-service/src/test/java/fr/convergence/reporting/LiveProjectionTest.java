package fr.convergence.reporting;

import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LiveProjectionTest extends ReportingIntegrationTest {

    private static long entered(JsonNode view) {
        return view.path("totals").path("entered").asLong();
    }

    @Test
    void aTerritoryViewCountsEntriesExitsAndHoursWorked() {
        String t = territory("live");
        PathwayStream a = PathwayStream.hired(t, "aci-1", "CVG", "2026-01-10", 20)
                .hours("2026-01", 70).hours("2026-02", 80)
                .exited("2026-03-15", "DURABLE_EMPLOYMENT", "CDI", 26);
        PathwayStream b = PathwayStream.hired(t, "aci-2", "PHC", "2026-02-02", 4)
                .hours("2026-02", 16).hours("2026-02", 18.5);
        publish(a, b);

        JsonNode view = awaitView("/api/reporting/territories/" + t,
                v -> entered(v) == 2 && v.path("totals").path("exited").asLong() == 1
                        && v.path("totals").path("hoursWorked").asDouble() == 168.5);

        assertThat(view.path("totals").path("presentAtEnd").asLong()).isEqualTo(1);
        assertThat(view.path("totals").path("exitsByCategory").path("DURABLE_EMPLOYMENT").asLong()).isEqualTo(1);
        assertThat(view.path("totals").path("dynamicExitRate").asDouble()).isEqualTo(1.0);
        assertThat(view.path("breakdown").size()).isEqualTo(2);
    }

    @Test
    void theSameRecordsProducedTwiceLeaveTheFiguresUnchanged() {
        String t = territory("idem");
        PathwayStream a = PathwayStream.hired(t, "aci-1", "CVG", "2026-01-10", 20)
                .hours("2026-01", 70).exited("2026-02-15", "OTHER_EXIT", "unemployed", 2);
        publish(a);
        JsonNode first = awaitView("/api/reporting/territories/" + t, v -> v.path("totals").path("exited").asLong() == 1);

        publish(a);
        // A marker on the same partition (same key) as the duplicates: once it shows, the duplicates went through.
        PathwayStream marker = PathwayStream.hired(t, "aci-9", "PHC", "2026-01-20", 4);
        for (String record : marker.records()) {
            send(a.topic(), a.participantId, record);
        }
        JsonNode after = awaitView("/api/reporting/territories/" + t, v -> entered(v) == 2);

        assertThat(after.path("totals").path("exited").asLong()).isEqualTo(1);
        assertThat(after.path("totals").path("hoursWorked").asDouble()).isEqualTo(70.0);
        assertThat(after.path("totals").path("exitsByCategory")).isEqualTo(first.path("totals").path("exitsByCategory"));
    }

    @Test
    void anEventAheadOfItsSequenceWaitsForTheMissingOne() {
        String t = territory("gap");
        PathwayStream a = PathwayStream.hired(t, "aci-1", "CVG", "2026-01-10", 20)
                .hours("2026-01", 70).exited("2026-02-15", "POSITIVE_EXIT", "training", 2);
        List<String> records = a.records();
        send(a.topic(), a.participantId, records.get(0));
        send(a.topic(), a.participantId, records.get(2));
        awaitView("/api/reporting/territories/" + t, v -> entered(v) == 1);
        assertThat(get("/api/reporting/territories/" + t).path("totals").path("exited").asLong()).isZero();

        send(a.topic(), a.participantId, records.get(1));

        JsonNode view = awaitView("/api/reporting/territories/" + t, v -> v.path("totals").path("exited").asLong() == 1);
        assertThat(view.path("totals").path("hoursWorked").asDouble()).isEqualTo(70.0);
    }

    @Test
    void theAciViewAndTheProgrammeFilterNarrowTheFigures() {
        String t = territory("scope");
        publish(PathwayStream.hired(t, "aci-1", "PHC", "2026-05-04", 4),
                PathwayStream.hired(t, "aci-1", "CVG", "2026-05-04", 20),
                PathwayStream.hired(t, "aci-2", "CVG", "2026-05-06", 20));
        awaitView("/api/reporting/territories/" + t, v -> entered(v) == 3);

        assertThat(entered(get("/api/reporting/territories/" + t + "/acis/aci-1"))).isEqualTo(2);
        assertThat(entered(get("/api/reporting/territories/" + t + "/acis/aci-1?programme=CVG"))).isEqualTo(1);
        assertThat(entered(get("/api/reporting/territories/" + t + "?from=2026-06&to=2026-07"))).isZero();
    }

    @Test
    void barriersAndSocialOutcomesCountPeopleOnce() {
        String t = territory("social");
        PathwayStream a = PathwayStream.hired(t, "aci-1", "CVG", "2026-01-10", 20)
                .event("BarrierAssessed", "2026-01-12", Map.of("domain", "HOUSING", "intensity", "HIGH", "handling", "PARTNER"))
                .event("BarrierAssessed", "2026-01-12", Map.of("domain", "HEALTH", "intensity", "LOW", "handling", "INTERNAL"))
                .event("HousingSecured", "2026-02-01", Map.of("kind", "SHELTER"))
                .event("HousingSecured", "2026-03-01", Map.of("kind", "DURABLE_HOUSING"))
                .event("RightsOpened", "2026-03-02", Map.of("right", "RSA"))
                .event("RightsOpened", "2026-03-03", Map.of("right", "CSS"));
        publish(a);

        JsonNode view = awaitView("/api/reporting/territories/" + t,
                v -> v.path("totals").path("rightsOpened").asLong() == 1);

        JsonNode totals = view.path("totals");
        assertThat(totals.path("barrierPeople").asLong()).isEqualTo(1);
        assertThat(totals.path("barrierInternal").asLong()).isEqualTo(1);
        assertThat(totals.path("barrierPartner").asLong()).isEqualTo(1);
        assertThat(totals.path("barriersByDomain").path("HOUSING").asLong()).isEqualTo(1);
        assertThat(totals.path("durableHousing").asLong()).isEqualTo(1);
    }
}
