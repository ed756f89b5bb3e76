package fr.convergence.pathway.moves;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.contracts.ContractSchemas;
import fr.convergence.contracts.Topics;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A move recorded by participant-service (ParticipantMoved on the territory's participant topic, as its contract
 * says) reaches the pathway over the real broker: the pathway follows the person to the new ACI, its new staff see
 * it and the old no longer do, PathwayTransferred is published under the pathway contract, and the same move heard
 * again records nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParticipantMovesTest {

    static final String TERRITORY = "moves-" + UUID.randomUUID().toString().substring(0, 6);
    static final LocalDate START = LocalDate.now().minusMonths(5);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("pathway_moves"), TERRITORY);
    }

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    Http cipOf(String aci) {
        return new Http(port).as(TestIssuer.get().tokenFor("cip-" + aci, "cip", TERRITORY, aci));
    }

    @Test
    void anInstanceOfItsOwnTerritoryOnlyHasNoDiscoveryAndIgnoresATerritoryOpenedElsewhere() {
        fr.convergence.kit.ServedTerritories served = context.getBean(fr.convergence.kit.ServedTerritories.class);

        assertThat(served.learn("brest")).isFalse();

        assertThat(context.getBeanProvider(fr.convergence.kit.kafka.TerritoryDiscovery.class).getIfAvailable()).isNull();
        assertThat(served.growing()).isFalse();
        assertThat(served.all()).containsExactly(TERRITORY);
    }

    @Test
    void aPathwayFollowsItsParticipantToTheAciTheyWereMovedTo() throws Exception {
        String from = "aci-" + TERRITORY + "-1";
        String to = "aci-" + TERRITORY + "-2";
        String participant = "PSN-" + base32(12);
        String pathwayId = cipOf(from).post("/api/pathways", """
                {"participantId":"%s","aciId":"%s","programme":"CVG","contractStart":"%s","plannedEnd":"%s","weeklyHours":26}"""
                .formatted(participant, from, START, START.plusMonths(20))).body().get("pathwayId").asString();
        String moved = moved(participant, from, to);
        publishOnTheParticipantTopic(moved);

        await().atMost(Duration.ofSeconds(30)).until(() -> cipOf(to).get("/api/pathways/" + pathwayId).status() == 200);
        assertThat(cipOf(from).get("/api/pathways/" + pathwayId).status()).isEqualTo(404);
        tools.jackson.databind.JsonNode events = cipOf(to).get("/api/pathways/" + pathwayId + "/events").body();
        assertThat(events.get(0).get("type").asString()).isEqualTo("PathwayTransferred");
        assertThat(events.get(0).get("recordedBy").asString()).isEqualTo("coordinator-" + TERRITORY);
        assertThat(events.get(0).get("data").get("fromAciId").asString()).isEqualTo(from);

        List<ConsumerRecord<String, String>> published = TestInfrastructure.readAll(
                Pattern.compile(Pattern.quote(Topics.pathway(TERRITORY))), 2, Duration.ofSeconds(30));
        ConsumerRecord<String, String> transferred = published.stream()
                .filter(r -> r.value().contains("\"PathwayTransferred\"")).findFirst().orElseThrow();
        assertThat(ContractSchemas.violations("pathway-event", 1, transferred.value())).isEmpty();
        JsonNode envelope = new ObjectMapper().readTree(transferred.value());
        assertThat(envelope.get("aciId").asText()).isEqualTo(to);
        assertThat(transferred.key()).isEqualTo(participant);

        // the same move again (a redelivery): nothing more is recorded
        publishOnTheParticipantTopic(moved);
        publishOnTheParticipantTopic("{\"type\":\"ParticipantRegistered\",\"territory\":\"%s\"}".formatted(TERRITORY));
        Thread.sleep(3_000);
        assertThat(cipOf(to).get("/api/pathways/" + pathwayId).body().get("version").asLong()).isEqualTo(2);
        assertThat(cipOf(to).get("/api/pathways/" + pathwayId).body().get("aciId").asString()).isEqualTo(to);
    }

    @Test
    void onlyTheAciAPersonBelongsToCanHireThemAndOthersLearnNothing() throws Exception {
        String theirs = "aci-" + TERRITORY + "-3";
        String other = "aci-" + TERRITORY + "-4";
        String participant = "PSN-" + base32(12);
        publishOnTheParticipantTopic(registered(participant, theirs));
        String hire = """
                {"participantId":"%s","aciId":"%s","programme":"CVG","contractStart":"%s","plannedEnd":"%s","weeklyHours":26}""";

        await().atMost(Duration.ofSeconds(30)).until(() -> cipOf(other).post("/api/pathways",
                hire.formatted(participant, other, START, START.plusMonths(20))).status() == 404);
        Http.Response refused = cipOf(other).post("/api/pathways", hire.formatted(participant, other, START, START.plusMonths(20)));
        Http.Response hired = cipOf(theirs).post("/api/pathways", hire.formatted(participant, theirs, START, START.plusMonths(20)));
        Http.Response stillRefused = cipOf(other).post("/api/pathways", hire.formatted(participant, other, START, START.plusMonths(20)));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.field()).isEqualTo("participantId");
        assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        // with an open pathway now, still the same 404: no 409 telling that this id has a pathway somewhere
        assertThat(stillRefused.status()).isEqualTo(404);
        assertThat(stillRefused.raw()).doesNotContain(hired.body().get("pathwayId").asString());
    }

    @Test
    void aParticipantEventThatCannotApplyIsParkedForTheAdministratorWhoRetriesOrDiscardsIt() throws Exception {
        String participant = "PSN-" + base32(12);
        // a move without its target ACI: the consumer can never apply it, parks it and goes on
        String broken = moved(participant, "aci-" + TERRITORY + "-1", "aci-" + TERRITORY + "-2")
                .replace("\"toAciId\"", "\"toAci\"");
        publishOnTheParticipantTopic(broken);
        Http admin = new Http(port).as(TestIssuer.get().token("admin", null, null));

        tools.jackson.databind.JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(
                () -> letterOf(admin, participant), java.util.Objects::nonNull);
        assertThat(letter.get("consumer").asString()).isEqualTo("participant-moves");
        assertThat(letter.get("reason").asString()).isEqualTo("unusable");
        assertThat(letter.get("status").asString()).isEqualTo("PARKED");
        String id = letter.get("id").asString();

        Http.Response retried = admin.post("/api/pathways/dead-letters/" + id + "/retry", "");
        assertThat(retried.status()).as(retried.raw()).isEqualTo(422);
        assertThat(retried.rule()).isEqualTo("dead-letter-still-failing");
        assertThat(letterOf(admin, participant).get("attempts").asInt()).isEqualTo(2);

        Http.Response noWhy = admin.post("/api/pathways/dead-letters/" + id + "/discard", "{\"note\":\" \"}");
        assertThat(noWhy.status()).isEqualTo(400);
        assertThat(noWhy.field()).isEqualTo("note");
        Http.Response discarded = admin.post("/api/pathways/dead-letters/" + id + "/discard",
                "{\"note\":\"move re-entered by the coordinator\"}");
        assertThat(discarded.status()).as(discarded.raw()).isEqualTo(200);
        tools.jackson.databind.JsonNode kept = letterOf(admin, participant);
        assertThat(kept.get("status").asString()).isEqualTo("DISCARDED");
        assertThat(kept.get("note").asString()).isEqualTo("move re-entered by the coordinator");
        assertThat(kept.get("lastActionBy").asString()).isNotBlank();
        assertThat(admin.post("/api/pathways/dead-letters/" + id + "/retry", "").status()).isEqualTo(409);
        assertThat(admin.get("/api/pathways/dead-letters?status=PARKED&size=200").body().get("items").toString())
                .doesNotContain(participant);
    }

    private static tools.jackson.databind.JsonNode letterOf(Http admin, String participant) {
        for (tools.jackson.databind.JsonNode letter : admin.get("/api/pathways/dead-letters?size=200").body().get("items")) {
            if (letter.get("value").asString().contains(participant)) {
                return letter;
            }
        }
        return null;
    }

    /** A ParticipantRegistered as participant-service publishes it (participant-event v1). */
    private static String registered(String participant, String aci) {
        String json = """
                {"eventId":"%s","type":"ParticipantRegistered","schemaVersion":1,"source":"participant-service",\
                "territory":"%s","aciId":"%s","participantId":"%s","occurredOn":"%s","recordedAt":"%sT10:00:00Z",\
                "recordedBy":"cip-%s","correlationId":"reg-1","data":{"participantId":"%s","territory":"%s",\
                "aciId":"%s","referentId":"cip-%s","ageBand":"35-44","status":"ACTIVE"}}"""
                .formatted(UUID.randomUUID(), TERRITORY, aci, participant, LocalDate.now(), LocalDate.now(), aci,
                        participant, TERRITORY, aci, aci);
        assertThat(ContractSchemas.violations("participant-event", 1, json)).as("test event follows the participant contract")
                .isEmpty();
        return json;
    }

    private static String base32(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.util.Random random = new java.util.Random();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** A ParticipantMoved as participant-service publishes it (participant-event v1). */
    private static String moved(String participant, String from, String to) {
        String json = """
                {"eventId":"%s","type":"ParticipantMoved","schemaVersion":1,"source":"participant-service",\
                "territory":"%s","aciId":"%s","participantId":"%s","occurredOn":"%s","recordedAt":"%sT10:00:00Z",\
                "recordedBy":"coordinator-%s","correlationId":"move-1",\
                "data":{"participantId":"%s","fromAciId":"%s","toAciId":"%s","referentId":"cip-%s"}}"""
                .formatted(UUID.randomUUID(), TERRITORY, to, participant, LocalDate.now(), LocalDate.now(), TERRITORY,
                        participant, from, to, to);
        assertThat(ContractSchemas.violations("participant-event", 1, json)).as("test event follows the participant contract")
                .isEmpty();
        return json;
    }

    private static void publishOnTheParticipantTopic(String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.participant(TERRITORY), "key", value)).get();
        }
    }
}
