package fr.convergence.partnership;

import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * One Spring context for every integration test class (same configuration, so the context cache shares it): a real
 * Kafka broker and the MongoDB-wire server, territory lyon, its own database and consumer group. Callers present
 * real tokens of the test issuer: one client per role of lyon that the tests act as.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTestBase {

    public static final String LYON_PATHWAY = "convergence.lyon.pathway.v1";
    public static final String LYON_PARTNERSHIP = "convergence.lyon.partnership.v1";
    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("partnership"), "lyon");
        String group = "partnership-test-" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("partnership.consumer.group-id", () -> group);
        registry.add("partnership.consumer.metadata-max-age-ms", () -> "1000");
    }

    @LocalServerPort
    protected int port;
    /** The territory's coordinator: runs the partner network. */
    protected Http coordinator;
    /** A chargé de partenariat of lyon (user {@code cdp-lyon-test}): referrals, needs, follow-up groups. */
    protected Http officer;
    protected Http admin;
    protected Http auditor;
    protected String participant;
    protected String pathwayId;

    @BeforeEach
    void setUpClient() {
        TestIssuer issuer = TestIssuer.get();
        coordinator = new Http(port).as(issuer.token("coordinator", "lyon", null));
        officer = new Http(port).as(issuer.tokenFor("cdp-lyon-test", "partnership-officer", "lyon", null));
        admin = new Http(port).as(issuer.token("admin", null, null));
        auditor = new Http(port).as(issuer.tokenFor("auditor-1", "auditor", null, null));
        participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
        pathwayId = UUID.randomUUID().toString();
    }

    protected static org.awaitility.core.ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200));
    }

    protected Http.Response needsOf(String participantId) {
        return officer.get("/api/partnerships/participants/" + participantId + "/needs");
    }

    protected String needStatus(String participantId, String barrierDomain) {
        Http.Response needs = needsOf(participantId);
        org.assertj.core.api.Assertions.assertThat(needs.status()).as(needs.raw()).isEqualTo(200);
        for (var n : needs.body().get("needs")) {
            if (n.get("barrierDomain").asString().equals(barrierDomain)) {
                return n.get("status").asString();
            }
        }
        return "NONE";
    }

    /** Registers a partner covering {@code domains} with an agreement in force since a year ago; returns its id. */
    protected String partnerWithAgreement(String name, String... domains) {
        String list = String.join("\",\"", domains);
        Http.Response partner = coordinator.post("/api/partnerships/partners", """
                {"name":"%s","domains":["%s"],"contacts":[{"name":"Claire Martin","role":"référente","email":"c.martin@example.org"}]}"""
                .formatted(name, list));
        org.assertj.core.api.Assertions.assertThat(partner.status()).as(partner.raw()).isEqualTo(201);
        String id = partner.text("id");
        Http.Response agreement = coordinator.post("/api/partnerships/partners/" + id + "/agreements",
                "{\"startsOn\":\"%s\",\"endsOn\":\"%s\",\"scope\":[\"%s\"]}".formatted(TODAY.minusYears(1),
                        TODAY.plusYears(1), list));
        org.assertj.core.api.Assertions.assertThat(agreement.status()).as(agreement.raw()).isEqualTo(201);
        return id;
    }

    protected String propose(String participantId, String partnerId, String domain) {
        Http.Response r = officer.post("/api/partnerships/referrals",
                "{\"participantId\":\"%s\",\"partnerId\":\"%s\",\"domain\":\"%s\",\"proposedOn\":\"%s\"}"
                        .formatted(participantId, partnerId, domain, TODAY.minusDays(10)));
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }
}
