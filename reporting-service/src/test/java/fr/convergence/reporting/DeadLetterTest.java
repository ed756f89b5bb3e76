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
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadLetterTest extends ReportingIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoDatabase database;

    private double deadLetterCount() {
        return meters.find("convergence.dead_letters").tag("reason", "invalid-event").counter().count();
    }

    /** The counter as Prometheus scrapes it from the running service, not from the registry object. */
    private double scrapedDeadLetters(String reason) {
        String text = anonymous.get("/actuator/prometheus").raw();
        Matcher m = Pattern.compile("(?m)^convergence_dead_letters_total\\{[^}]*reason=\"" + Pattern.quote(reason)
                + "\"[^}]*} (\\S+)$").matcher(text);
        assertThat(m.find()).as("convergence_dead_letters_total{reason=%s} in /actuator/prometheus", reason).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private JsonNode deadLetterFor(String topic) {
        return StreamSupport.stream(get(admin, "/api/reporting/dead-letters?status=PARKED").path("items").spliterator(), false)
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
    void retryingADeadLetterThatCanNowBeAppliedProjectsItAndMarksItReprocessed() {
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

    /**
     * Issue #10 item 5 end to end, through the real broker and the live consumer: a poison event is parked with its
     * reason (API and Prometheus), the records behind it on the same partition are still projected, the poisoned
     * pathway's later event waits; a retry before the fix is refused and changes nothing; after the fix, the retry
     * applies it, removes the dead letter and releases what waited, and the pathway goes on live.
     */
    @Test
    void aPoisonEventIsParkedTheOthersGoOnAndAfterAFixARetryProcessesItAndWhatWaited() {
        String t = territory("poison");
        String path = "/api/reporting/territories/" + t;
        double scrapedBefore = scrapedDeadLetters("invalid-event");
        // the exit category sent as its French label instead of the contract's code: a producer bug
        PathwayStream poisoned = PathwayStream.hired(t, "aci-1", "CVG", "2029-03-05", 20).hours("2029-03", 50)
                .exited("2029-05-31", "EMPLOI_DURABLE", "CDI", 2).hours("2029-05", 30);
        PathwayStream other = PathwayStream.hired(t, "aci-1", "PHC", "2029-03-20", 10).hours("2029-04", 40);
        // one key for both: the other pathway's records are behind the poison on the same partition
        poisoned.records().forEach(r -> send(poisoned.topic(), poisoned.participantId, r));
        other.records().forEach(r -> send(other.topic(), poisoned.participantId, r));

        awaitView(path, v -> v.path("totals").path("entered").asLong() == 2
                && v.path("totals").path("hoursWorked").asDouble() == 90.0);
        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterFor(poisoned.topic()),
                Objects::nonNull);
        String id = letter.path("id").asString();
        assertThat(letter.path("reason").asString()).isEqualTo("invalid-event");
        assertThat(letter.path("detail").asString()).isEqualTo("unknown exit category EMPLOI_DURABLE");
        assertThat(scrapedDeadLetters("invalid-event")).isGreaterThanOrEqualTo(scrapedBefore + 1);
        JsonNode held = get(path);
        assertThat(held.path("totals").path("exited").asLong()).as("the poison is not counted").isZero();

        Http.Response refused = admin.send("POST", "/api/reporting/dead-letters/" + id + "/retry", null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.rule()).isEqualTo("dead-letter-still-failing");
        assertThat(get(path)).as("a failed retry changes no figure").isEqualTo(held);

        // The fix: the parked record corrected to the contract's code (what a corrected producer or reader yields;
        // the API has no route to edit a dead letter, so the correction is made where it is kept).
        database.getCollection("dead_letters").updateOne(new Document("_id", id), new Document("$set",
                new Document("value", letter.path("value").asString().replace("EMPLOI_DURABLE", "DURABLE_EMPLOYMENT"))));
        Http.Response retried = admin.send("POST", "/api/reporting/dead-letters/" + id + "/retry", null);

        assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
        assertThat(retried.body().path("outcome").asString()).isEqualTo("APPLIED");
        assertThat(deadLetterFor(poisoned.topic())).isNull();
        JsonNode fixed = get(path);
        assertThat(fixed.path("totals").path("exited").asLong()).isEqualTo(1);
        assertThat(fixed.path("totals").path("exitsByCategory").path("DURABLE_EMPLOYMENT").asLong()).isEqualTo(1);
        assertThat(fixed.path("totals").path("hoursWorked").asDouble()).as("the held event is released")
                .isEqualTo(120.0);

        // the pathway goes on live: a corrected declaration of its last month replaces the one released above
        poisoned.hours("2029-05", 35);
        send(poisoned.topic(), poisoned.participantId, poisoned.records().get(4));
        awaitView(path, v -> v.path("totals").path("hoursWorked").asDouble() == 125.0);
    }
}
