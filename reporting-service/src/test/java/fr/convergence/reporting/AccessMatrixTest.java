package fr.convergence.reporting;

import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.AccessMatrix;
import fr.convergence.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;

/**
 * Every route × every role × own (paris / aci-paris-1) and other (lyon / aci-lyon-1) scope, over real HTTP with
 * real tokens; writes target/access-matrix-reporting-service.md. Rules: src/test/resources/access-matrix.yml.
 */
class AccessMatrixTest extends ReportingIntegrationTest {

    private static final String PERIOD = "?from=2035-01&to=2035-12";

    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteAdmitsExactlyTheRolesOfTheMatrix() {
        AccessMatrix matrix = AccessMatrix.load("reporting-service", "access-matrix.yml");
        matrix.verify(AccessMatrix.routesOf(context), new Http(port), this::createFixtures);
    }

    /** The matrix's administrator starts a rebuild; let it finish so that other tests find none running. */
    @AfterEach
    void noRebuildLeftRunning() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Http.Response r = admin.get("/api/reporting/rebuilds/current");
            return r.status() == 404 || !r.body().path("state").asString().matches("STARTING|RUNNING");
        });
    }

    /**
     * Figures in both territories (through the real streams), a dead letter that still fails on retry, and a
     * finished rebuild so that the current-rebuild route has something to show.
     */
    private Map<String, String> createFixtures() {
        publish(PathwayStream.hired("paris", "aci-paris-1", "CVG", "2035-01-10", 20),
                PathwayStream.hired("paris", "aci-paris-2", "PHC", "2035-02-10", 4),
                PathwayStream.hired("lyon", "aci-lyon-1", "CVG", "2035-01-12", 20));
        awaitView("/api/reporting/territories/paris" + PERIOD, v -> v.path("totals").path("entered").asLong() >= 2);
        awaitView("/api/reporting/territories/lyon" + PERIOD, v -> v.path("totals").path("entered").asLong() >= 1);

        String topic = "convergence.paris.pathway.v1";
        send(topic, "matrix", "[]");
        String deadLetter = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetterOn(topic), Optional::isPresent)
                .orElseThrow();

        if (admin.get("/api/reporting/rebuilds/current").status() == 404) {
            admin.send("POST", "/api/reporting/rebuilds", null);
        }
        noRebuildLeftRunning();
        // A frozen report in each territory (issue 19): the matrix reads them and closes the same period again (409).
        as("coordinator", "paris", null).post("/api/reporting/frozen-reports",
                "{\"territory\":\"paris\",\"period\":\"2020-01\"}");
        as("coordinator", "lyon", null).post("/api/reporting/frozen-reports",
                "{\"territory\":\"lyon\",\"period\":\"2020-01\"}");
        return AccessMatrix.ids("deadLetter", deadLetter);
    }

    private Optional<String> deadLetterOn(String topic) {
        JsonNode letters = get(admin, "/api/reporting/dead-letters?size=200").path("items");
        return StreamSupport.stream(letters.spliterator(), false)
                .filter(d -> d.path("topic").asString().equals(topic) && d.path("value").asString().equals("[]"))
                .map(d -> d.path("id").asString()).findFirst();
    }
}
