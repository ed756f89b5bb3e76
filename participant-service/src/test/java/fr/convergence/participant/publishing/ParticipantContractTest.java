package fr.convergence.participant.publishing;

import fr.convergence.contracts.ContractSchemas;
import fr.convergence.participant.TestService;
import fr.convergence.participant.Tokens;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Producer-side contract test: every event type this service publishes, as it really lands on Kafka, validates
 * against participant-event v1 and is keyed as the contract says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParticipantContractTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Set<String> ALL_TYPES = Set.of("ParticipantRegistered", "ParticipantMoved", "ParticipantContactRectified", "ParticipantErased",
            "TerritoryCreated", "TerritoryChanged", "AciCreated", "AciChanged");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestService.register(registry, "participant_contract");
    }

    @LocalServerPort
    int port;

    @Test
    void everyPublishedEventTypeConformsToTheContract() {
        Http base = new Http(port).with("X-Correlation-Id", "contract-" + UUID.randomUUID().toString().substring(0, 8));
        Http http = base.as(Tokens.admin());
        Http cip = base.as(Tokens.cip("aci-paris-1"));
        Http coordinator = base.as(Tokens.coordinator("paris"));
        String code = "c-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/participants/territories", "{\"code\":\"%s\",\"name\":\"Somme\"}".formatted(code)).status()).isEqualTo(201);
        assertThat(http.put("/api/participants/territories/" + code, "{\"name\":\"Somme (80)\"}").status()).isEqualTo(200);
        String aci = "{\"name\":\"A\",\"siret\":\"73282932000074\",\"programmes\":[\"PHC\"],\"localCoordination\":false}";
        assertThat(http.post("/api/participants/territories/" + code + "/acis", aci).status()).isEqualTo(201);
        assertThat(http.put("/api/participants/territories/" + code + "/acis/aci-" + code + "-1", aci.replace("\"A\"", "\"B\"")
                .replace("}", ",\"joinedOn\":\"2024-01-01\",\"leftOn\":\"2026-06-30\",\"contactEmail\":\"cip@aci.example\"}")).status()).isEqualTo(200);
        Http.Response registered = cip.post("/api/participants", TestService.registerBody("Anne", "Contract", "aci-paris-1"));
        String id = registered.text("participantId");
        assertThat(cip.put("/api/participants/" + id + "/contact", "{\"phone\":\"06 98 76 54 32\"}").status()).isEqualTo(200);
        assertThat(coordinator.post("/api/participants/" + id + "/move", "{\"aciId\":\"aci-paris-2\"}").status()).isEqualTo(200);
        assertThat(coordinator.delete("/api/participants/" + id).status()).isEqualTo(200);

        Pattern topics = Pattern.compile("convergence\\.(paris|" + code + ")\\.participant\\.v1");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = TestInfrastructure.readAll(topics, 60, Duration.ofSeconds(5));
            Set<String> types = new TreeSet<>();
            for (ConsumerRecord<String, String> record : records) {
                assertThat(ContractSchemas.violations("participant-event", 1, record.value()))
                        .as(record.value()).isEmpty();
                JsonNode event = JSON.readTree(record.value());
                String expectedKey = event.has("participantId") ? event.get("participantId").asString()
                        : event.get("territory").asString();
                assertThat(record.key()).isEqualTo(expectedKey);
                types.add(event.get("type").asString());
            }
            assertThat(types).containsAll(ALL_TYPES);
        });
    }

    @Test
    void theSchemaRejectsPersonalDataInAnEvent() {
        String withName = """
                {"eventId":"e1","type":"ParticipantRegistered","schemaVersion":1,"source":"participant-service",
                 "territory":"paris","aciId":"aci-paris-1","participantId":"PSN-K7Q2M4XZB3TZ","occurredOn":"2026-01-05",
                 "recordedAt":"2026-01-05T09:12:44.120Z","recordedBy":"cip-1","correlationId":"c1",
                 "data":{"participantId":"PSN-K7Q2M4XZB3TZ","territory":"paris","aciId":"aci-paris-1",
                 "referentId":"cip-1","ageBand":"35-44","status":"ACTIVE","lastName":"Martin"}}""";
        assertThat(ContractSchemas.violations("participant-event", 1, withName)).isNotEmpty();
    }

    @Test
    void thePublishedExampleConforms() throws Exception {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("contracts/examples/participant-event.v1.ParticipantRegistered.json")) {
            assertThat(in).isNotNull();
            String example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(ContractSchemas.violations("participant-event", 1, example)).isEmpty();
        }
    }
}
