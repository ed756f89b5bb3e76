package fr.convergence.reporting;

import com.mongodb.client.MongoDatabase;
import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.Http;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadLetterTest extends ReportingIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoDatabase database;

    private double deadLetterCount() {
        return meters.find("reporting.dead_letters").tag("reason", "invalid-event").counter().count();
    }

    private JsonNode deadLetterFor(String topic) {
        return StreamSupport.stream(get(admin, "/api/reporting/dead-letters").spliterator(), false)
                .filter(d -> d.path("topic").asString().equals(topic)).findFirst().orElse(null);
    }

    @Test
    void anUnparsableRecordIsParkedWithItsReasonAndTheOthersGoOn() {
        String t = territory("dead");
        PathwayStream good = PathwayStream.hired(t, "aci-1", "CVG", "2029-01-10", 20);
        double before = deadLetterCount();

        send(good.topic(), good.participantId, "{not json");
        publish(good);

        awaitView("/api/reporting/territories/" + t, v -> v.path("totals").path("entered").asLong() == 1);
        JsonNode letter = deadLetterFor(good.topic());
        assertThat(letter).isNotNull();
        assertThat(letter.path("reason").asString()).isEqualTo("invalid-event");
        assertThat(letter.path("detail").asString()).startsWith("not JSON");
        assertThat(deadLetterCount()).isGreaterThan(before);
    }

    @Test
    void retryingADeadLetterThatCanNowBeAppliedProjectsItAndRemovesIt() {
        String t = territory("retry");
        PathwayStream stream = PathwayStream.hired(t, "aci-1", "CVG", "2029-02-10", 20);
        String id = stream.topic() + ":0:999";
        // As left by a failure that was not the record's fault (e.g. a code version that could not read it yet).
        database.getCollection("dead_letters").insertOne(new Document("_id", id).append("topic", stream.topic())
                .append("partition", 0).append("offset", 999L).append("key", stream.participantId)
                .append("value", stream.records().get(0)).append("reason", "simulated").append("attempts", 1));

        Http.Response response = admin.send("POST", "/api/reporting/dead-letters/" + id + "/retry", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("outcome").asString()).isEqualTo("APPLIED");
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterFor(stream.topic()) == null);
        assertThat(get("/api/reporting/territories/" + t).path("totals").path("entered").asLong()).isEqualTo(1);
    }

    @Test
    void retryingARecordThatStillCannotBeAppliedAnswers422AndKeepsIt() {
        String t = territory("still");
        String topic = "convergence." + t + ".pathway.v1";
        send(topic, "k", "[]");
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetterFor(topic) != null);
        String id = deadLetterFor(topic).path("id").asString();

        Http.Response response = admin.send("POST", "/api/reporting/dead-letters/" + id + "/retry", null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(deadLetterFor(topic).path("attempts").asInt()).isEqualTo(2);
    }
}
