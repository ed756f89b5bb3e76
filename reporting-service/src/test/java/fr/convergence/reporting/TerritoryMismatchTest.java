package fr.convergence.reporting;

import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.Http;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event of one territory never counts for another, whatever topic it is written to: real records on the real
 * test broker, read by the live consumer, parked as {@code territory-mismatch} while consumption goes on.
 */
class TerritoryMismatchTest extends ReportingIntegrationTest {

    @Autowired
    MeterRegistry meters;

    private double mismatches() {
        return meters.find("convergence.dead_letters").tag("reason", "territory-mismatch").counter().count();
    }

    private List<JsonNode> deadLettersOn(String topic) {
        return StreamSupport.stream(get(admin, "/api/reporting/dead-letters?status=PARKED").path("items").spliterator(), false)
                .filter(d -> d.path("topic").asString().equals(topic)).toList();
    }

    private static long entered(JsonNode view) {
        return view.path("totals").path("entered").asLong();
    }

    @Test
    void anEventDeclaringAnotherTerritoryThanItsTopicIsParkedAndTheNextOnesAreApplied() {
        String home = territory("home");
        String foreign = territory("foreign");
        PathwayStream intruder = PathwayStream.hired(foreign, "aci-f", "CVG", "2038-01-10", 20);
        PathwayStream local = PathwayStream.hired(home, "aci-h", "CVG", "2038-01-12", 20);
        String topic = local.topic();
        double before = mismatches();

        send(topic, intruder.participantId, intruder.records().get(0));
        publish(local);

        awaitView("/api/reporting/territories/" + home, v -> entered(v) == 1);
        List<JsonNode> letters = deadLettersOn(topic);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).path("reason").asString()).isEqualTo("territory-mismatch");
        assertThat(letters.get(0).path("detail").asString()).contains(foreign).contains(home);
        assertThat(mismatches()).isEqualTo(before + 1);
        assertThat(entered(get("/api/reporting/territories/" + foreign))).isZero();
        assertThat(StreamSupport.stream(get("/api/reporting/national?from=2038-01&to=2038-12").path("breakdown")
                .spliterator(), false).map(row -> row.path("code").asString())).contains(home).doesNotContain(foreign);

        // a retry cannot make it acceptable: it stays parked
        Http.Response retry = admin.send("POST", "/api/reporting/dead-letters/" + letters.get(0).path("id")
                .asString() + "/retry", null);
        assertThat(retry.status()).isEqualTo(422);
        assertThat(deadLettersOn(topic).get(0).path("reason").asString()).isEqualTo("territory-mismatch");
        assertThat(entered(get("/api/reporting/territories/" + foreign))).isZero();
    }

    @Test
    void anEventOnAnotherTerritorysStreamCannotChangeAPathwayOfThisOne() {
        String home = territory("owner");
        String other = territory("other");
        PathwayStream pathway = PathwayStream.hired(home, "aci-h", "CVG", "2038-02-01", 20)
                .exited("2038-03-01", "DURABLE_EMPLOYMENT", "CDI", 1);
        send(pathway.topic(), pathway.participantId, pathway.records().get(0));
        awaitView("/api/reporting/territories/" + home, v -> entered(v) == 1);
        // the exit, re-labelled with the other territory and written to its topic, as a rogue producer could
        ObjectNode exit = (ObjectNode) JSON.readTree(pathway.records().get(1));
        exit.put("territory", other);
        String otherTopic = "convergence." + other + ".pathway.v1";
        double before = mismatches();

        send(otherTopic, pathway.participantId, JSON.writeValueAsString(exit));
        PathwayStream marker = PathwayStream.hired(other, "aci-o", "CVG", "2038-02-05", 20);
        for (String record : marker.records()) {
            send(otherTopic, pathway.participantId, record);
        }

        awaitView("/api/reporting/territories/" + other, v -> entered(v) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !deadLettersOn(otherTopic).isEmpty());
        assertThat(deadLettersOn(otherTopic).get(0).path("reason").asString()).isEqualTo("territory-mismatch");
        assertThat(mismatches()).isEqualTo(before + 1);
        assertThat(get("/api/reporting/territories/" + home).path("totals").path("exited").asLong()).isZero();
        assertThat(get("/api/reporting/territories/" + other).path("totals").path("exited").asLong()).isZero();
    }
}
