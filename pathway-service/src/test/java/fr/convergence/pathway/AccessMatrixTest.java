package fr.convergence.pathway;

import fr.convergence.pathway.audit.HistoryServicesStandIn;
import fr.convergence.testing.AccessMatrix;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route × every role × a pathway (and participant) of the caller's own territory and ACI and one of Lyon,
 * over real HTTP with real tokens: see src/test/resources/access-matrix.yml and, after a build,
 * target/access-matrix-pathway-service.md. The instance serves Paris and Lyon.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixTest {

    static final HistoryServicesStandIn otherServices = HistoryServicesStandIn.start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("pathway_matrix"), "paris");
        registry.add("convergence.territories", () -> "paris,lyon");
        otherServices.register(registry);
    }

    @AfterAll
    static void stop() {
        otherServices.stop();
    }

    static final LocalDate START = LocalDate.now().minusMonths(8);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext applicationContext;
    @Autowired
    fr.convergence.kit.deadletter.DeadLetterStore deadLetters;

    @Test
    void everyRoleGetsExactlyWhatTheMatrixSays() {
        AccessMatrix matrix = AccessMatrix.load("pathway-service", "access-matrix.yml");
        matrix.verify(AccessMatrix.routesOf(applicationContext), new Http(port), this::createFixtures);
    }

    /** A Paris pathway of aci-paris-1 and a Lyon one, opened by their own ACI staff, plus the dates bodies use. */
    Map<String, String> createFixtures() {
        String ownParticipant = participant();
        String otherParticipant = participant();
        Map<String, String> ids = AccessMatrix.ids(
                "ownParticipant", ownParticipant,
                "otherParticipant", otherParticipant,
                "ownPathway", open(TestIssuer.get().token("cip", "paris", "aci-paris-1"), ownParticipant, "paris", "aci-paris-1"),
                "otherPathway", open(TestIssuer.get().token("cip", "lyon", "aci-lyon-1"), otherParticipant, "lyon", "aci-lyon-1"),
                "newParticipant", participant(),
                "start", START.toString(),
                "week1", START.plusWeeks(1).toString(),
                "month1", START.plusMonths(1).toString(),
                "month2", START.plusMonths(2).toString(),
                "month6", START.plusMonths(6).toString(),
                "month20", START.plusMonths(20).toString(),
                "firstMonth", START.plusMonths(1).toString().substring(0, 7),
                "today", LocalDate.now().toString(),
                "deadLetter", parkedLetter());
        return ids;
    }

    private String open(String cipToken, String participant, String territory, String aci) {
        Http.Response r = new Http(port).as(cipToken).post("/api/pathways", """
                {"participantId":"%s","territory":"%s","aciId":"%s","programme":"CVG","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":26}""".formatted(participant, territory, aci, START, START.plusMonths(12)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("pathwayId").asString();
    }

    /** A participant event the consumer could not apply, as it parks one (its record offset made unique). */
    private String parkedLetter() {
        long offset = 1_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFF);
        return deadLetters.park("participant-moves", "convergence.paris.participant.v1", 0, offset, "matrix",
                "{\"type\":\"ParticipantMoved\",\"territory\":\"paris\"}", "unusable", "missing field data");
    }

    private static String participant() {
        return "PSN-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
