package fr.convergence.pathway.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.contracts.ContractSchemas;
import fr.convergence.contracts.Topics;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Producer-side contract test: every kind of pathway event reaches Kafka, in stream order, keyed by the
 * participant, and each message validates against contracts/pathway-event.v1.schema.json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PathwayPublicationTest {

    static final String TERRITORY = "contract-" + UUID.randomUUID().toString().substring(0, 6);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("pathway_pub"), TERRITORY);
    }

    @LocalServerPort
    int port;

    @Test
    void publishesEveryEventKindInOrderAndTheContractHolds() throws Exception {
        Http http = new Http(port).as(TestIssuer.get().tokenFor("cip-test", "cip", TERRITORY, "aci-1"));
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        LocalDate s = today.minusMonths(10);
        String participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
        String id = http.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-1","programme":"PHC","contractStart":"%s","plannedEnd":"%s","weeklyHours":4}"""
                .formatted(participant, s, s.plusMonths(6))).body().get("pathwayId").asString();
        String p = "/api/pathways/" + id;
        List<String[]> steps = List.of(
                new String[] {p + "/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":6}".formatted(s.plusWeeks(2))},
                new String[] {p + "/barriers", "{\"date\":\"%s\",\"domain\":\"HOUSING\",\"intensity\":\"HIGH\",\"handling\":\"BOTH\"}".formatted(s.plusWeeks(1))},
                new String[] {p + "/transition", "{\"date\":\"%s\",\"plannedEnd\":\"%s\",\"weeklyHours\":26}".formatted(s.plusMonths(3), s.plusMonths(20))},
                new String[] {p + "/extensions", "{\"decisionDate\":\"%s\",\"newPlannedEnd\":\"%s\",\"reason\":\"HOUSING_PENDING\",\"decisionReference\":\"DEC-42\"}".formatted(s.plusMonths(4), s.plusMonths(27))},
                new String[] {p + "/housing", "{\"date\":\"%s\",\"kind\":\"SOCIAL_RESIDENCE\"}".formatted(s.plusMonths(4))},
                new String[] {p + "/barriers/HOUSING/lift", "{\"date\":\"%s\"}".formatted(s.plusMonths(4))},
                new String[] {p + "/health-care", "{\"date\":\"%s\"}".formatted(s.plusMonths(4))},
                new String[] {p + "/rights", "{\"date\":\"%s\",\"right\":\"CSS\"}".formatted(s.plusMonths(4))},
                new String[] {p + "/trainings", "{\"date\":\"%s\",\"trainingId\":\"caces\",\"qualifying\":true}".formatted(s.plusMonths(5))},
                new String[] {p + "/trainings/caces/completion", "{\"date\":\"%s\",\"certified\":true}".formatted(s.plusMonths(6))},
                new String[] {p + "/immersions", "{\"date\":\"%s\",\"days\":5}".formatted(s.plusMonths(6))},
                new String[] {p + "/monthly-hours", "{\"month\":\"%s\",\"hours\":60}".formatted(s.plusMonths(1).toString().substring(0, 7))},
                // issue 18: the situation, the accompaniment, corrections and follow-up contacts
                new String[] {p + "/entry-profile", ("{\"date\":\"%s\",\"housing\":\"STREET\",\"withoutHousing\":\"YEARS_2_TO_5\","
                        + "\"referredBy\":\"STREET_OUTREACH\",\"healthCover\":\"NONE\",\"rightsAtEntry\":[\"RSA\"],"
                        + "\"withoutWork\":\"OVER_5_YEARS\"}").formatted(s)},
                new String[] {p + "/accompaniments", "{\"date\":\"%s\",\"kind\":\"VISIT_MEDICAL\",\"length\":\"HALF_DAY\",\"participants\":[\"PARTICIPANT\",\"CIP\"]}".formatted(s.plusMonths(1))},
                new String[] {p + "/housing-situation", "{\"date\":\"%s\",\"situation\":\"DURABLE_HOUSING\"}".formatted(s.plusMonths(5))},
                new String[] {p + "/corrections/date", "{\"sequence\":7,\"rightDate\":\"%s\",\"reason\":\"DATA_ENTRY_ERROR\"}".formatted(s.plusMonths(4).minusDays(1))},
                new String[] {p + "/monthly-hours/series", "{\"months\":[{\"month\":\"%s\",\"hours\":70},{\"month\":\"%s\",\"hours\":80}]}"
                        .formatted(s.plusMonths(2).toString().substring(0, 7), s.plusMonths(3).toString().substring(0, 7))},
                new String[] {p + "/exit", "{\"date\":\"%s\",\"reason\":\"CDD_UNDER_6_MONTHS\",\"housingAtExit\":\"DURABLE_HOUSING\"}".formatted(today.minusDays(5))},
                new String[] {"coordinator " + p + "/exit/cancellation", "{\"reason\":\"EXIT_DID_NOT_HAPPEN\"}"},
                new String[] {p + "/exit", "{\"date\":\"%s\",\"reason\":\"CDD_UNDER_6_MONTHS\"}".formatted(today.minusDays(3))},
                new String[] {p + "/follow-up/contacts", "{\"date\":\"%s\",\"employment\":\"CDD_UNDER_6_MONTHS\",\"housing\":\"DURABLE_HOUSING\"}".formatted(today.minusDays(1))},
                new String[] {p + "/follow-up/start", "{\"date\":\"%s\"}".formatted(today.minusDays(2))},
                new String[] {p + "/follow-up/end", "{\"date\":\"%s\"}".formatted(today.minusDays(1))});
        Http coordinator = new Http(port).as(TestIssuer.get().tokenFor("coordinator-test", "coordinator", TERRITORY, null));
        for (String[] step : steps) {
            boolean byCoordinator = step[0].startsWith("coordinator ");
            Http.Response r = byCoordinator ? coordinator.post(step[0].substring("coordinator ".length()), step[1])
                    : http.post(step[0], step[1]);
            assertThat(r.status()).as(step[0] + " " + r.raw()).isEqualTo(200);
        }

        List<ConsumerRecord<String, String>> records = TestInfrastructure.readAll(
                Pattern.compile(Pattern.quote(Topics.pathway(TERRITORY))), 26, Duration.ofSeconds(30));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = records.stream().map(r -> {
            try {
                return json.readTree(r.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(records).hasSize(26);
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(participant));
        assertThat(events).extracting(e -> e.get("sequence").asLong())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 26).boxed().toList());
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("ParticipantHired",
                "WeeklyHoursChanged", "BarrierAssessed", "ProgrammeTransitioned", "PathwayExtended", "HousingSecured",
                "BarrierLifted", "HealthCareAccessed", "RightsOpened", "TrainingStarted", "TrainingCompleted",
                "ImmersionDone", "MonthlyHoursReported", "EntryProfileRecorded", "AccompanimentRecorded",
                "HousingSituationChanged", "HousingSecured", "EventDateCorrected", "MonthlyHoursReported", "MonthlyHoursReported",
                "ParticipantExited", "ExitCancelled", "ParticipantExited", "FollowUpContactRecorded", "FollowUpStarted",
                "FollowUpEnded");
        assertThat(events.get(20).get("data").get("housingAtExit").asText()).isEqualTo("DURABLE_HOUSING");
        assertThat(events.get(22).get("data").get("housingAtExit").asText()).as("the last known situation")
                .isEqualTo("DURABLE_HOUSING");
        assertThat(events.get(21).get("recordedBy").asText()).isEqualTo("coordinator-test");
        for (ConsumerRecord<String, String> r : records) {
            assertThat(ContractSchemas.violations("pathway-event", 1, r.value())).as(r.value()).isEmpty();
        }
        assertThat(events.get(0).get("recordedBy").asText()).as("the token's subject").isEqualTo("cip-test");
    }

    @Test
    void theContractRejectsAMessageMissingItsParticipant() {
        String broken = "{\"eventId\":\"e\",\"type\":\"HealthCareAccessed\",\"schemaVersion\":1,\"source\":\"pathway-service\"}";
        assertThat(ContractSchemas.violations("pathway-event", 1, broken)).isNotEmpty();
    }
}
