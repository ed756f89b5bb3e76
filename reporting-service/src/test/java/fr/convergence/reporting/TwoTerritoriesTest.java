package fr.convergence.reporting;

import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two territories, each with its own pathway stream; beta's topic is created only once the service runs, to
 * show that the pattern subscription picks a new territory up without a restart. The period (2031) is used by
 * no other test, so the national figures of that period are exactly alpha's plus beta's.
 */
class TwoTerritoriesTest extends ReportingIntegrationTest {

    private static final String PERIOD = "?from=2031-01&to=2031-12";

    private static Set<String> topics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrap()))) {
            return admin.listTopics().names().get();
        }
    }

    private static long breakdownEntered(JsonNode view, String code) {
        return StreamSupport.stream(view.path("breakdown").spliterator(), false)
                .filter(row -> row.path("code").asString().equals(code))
                .mapToLong(row -> row.path("entered").asLong()).sum();
    }

    @Test
    void theNationalViewMergesBothTerritoriesIncludingOneThatAppearedAfterStartUp() throws Exception {
        assertThat(topics()).as("beta's topic must not exist before the service runs")
                .doesNotContain("convergence.beta.pathway.v1");
        publish(PathwayStream.hired("alpha", "aci-a1", "CVG", "2031-02-01", 20)
                        .exited("2031-05-10", "DURABLE_EMPLOYMENT", "CDI", 28),
                PathwayStream.hired("alpha", "aci-a2", "PHC", "2031-03-01", 4));
        awaitView("/api/reporting/territories/alpha" + PERIOD, v -> v.path("totals").path("entered").asLong() == 2);

        publish(PathwayStream.hired("beta", "aci-b1", "CVG", "2031-02-15", 24)
                        .exited("2031-06-01", "OTHER_EXIT", "unemployed", 9),
                PathwayStream.hired("beta", "aci-b1", "CVG", "2031-04-01", 20)
                        .exited("2031-07-01", "WITHDRAWN", "death", 3),
                PathwayStream.hired("beta", "aci-b2", "PHC", "2031-04-03", 4));

        JsonNode national = awaitView("/api/reporting/national" + PERIOD,
                v -> v.path("totals").path("entered").asLong() == 5);
        assertThat(national.path("totals").path("exited").asLong()).isEqualTo(3);
        // 1 dynamic (alpha's CDI) of 3 exits − 1 withdrawn
        assertThat(national.path("totals").path("dynamicExitRate").asDouble()).isEqualTo(0.5);
        assertThat(breakdownEntered(national, "alpha")).isEqualTo(2);
        assertThat(breakdownEntered(national, "beta")).isEqualTo(3);
    }
}
