package fr.convergence.reporting;

import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, item 4, through the API: the national team reads a territory's ACIs with small counts hidden (null),
 * with a second cell hidden so the total does not give the first back; the territory's coordinator, who runs those
 * ACIs, reads them as they are. Totals are territory figures and stay.
 */
class SmallCountsApiTest extends ReportingIntegrationTest {

    @Test
    void theNationalTeamSeesAnAciSmallCountHiddenWithASecondCellAndTheCoordinatorSeesThemAll() {
        String t = territory("small");
        List<PathwayStream> streams = new ArrayList<>();
        Map<String, Integer> hires = Map.of("aci-a", 2, "aci-b", 6, "aci-c", 7);
        hires.forEach((aci, n) -> {
            for (int i = 0; i < n; i++) {
                streams.add(PathwayStream.hired(t, aci, "CVG", "2022-01-1" + i, 20));
            }
        });
        publish(streams.toArray(PathwayStream[]::new));
        String path = "/api/reporting/territories/" + t + "?from=2022-01&to=2022-01";
        JsonNode national = awaitView(path, v -> v.path("totals").path("entered").asLong() == 15);

        Map<String, JsonNode> rows = rows(national);
        assertThat(rows.get("aci-a").path("entered").isNull()).isTrue();
        assertThat(rows.get("aci-b").path("entered").isNull()).as("secondary suppression").isTrue();
        assertThat(rows.get("aci-c").path("entered").asLong()).isEqualTo(7);
        assertThat(rows.get("aci-a").path("peopleSupported").isNull()).isTrue();
        assertThat(rows.get("aci-a").path("exited").asLong()).as("zeros reveal nobody").isZero();

        Map<String, JsonNode> own = rows(get(as("coordinator", t, null), path));
        assertThat(own.get("aci-a").path("entered").asLong()).isEqualTo(2);
        assertThat(own.get("aci-b").path("entered").asLong()).isEqualTo(6);
    }

    private static Map<String, JsonNode> rows(JsonNode report) {
        Map<String, JsonNode> rows = new HashMap<>();
        report.path("breakdown").forEach(r -> rows.put(r.path("code").asString(), r));
        return rows;
    }
}
