package fr.convergence.platform;

import fr.convergence.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19 item 7 on the real platform (separate processes, the embedded KRaft broker and MongoDB-wire store):
 * pathway- and partnership-service serve every territory of the programme ({@code TERRITORIES=*}); the administrator
 * opens territory {@code brest} and its first ACI in participant-service, and within a minute, with no process
 * restarted, that ACI's staff register and hire a person there and partnership-service holds the person's need from
 * brest's pathway stream. An ACI added to a territory already served works at once. A restarted pathway-service
 * still serves brest.
 *
 * <p>Tokens come from the test-support {@link TestIssuer}, which the services trust through its JWK set over HTTP
 * (exactly how they trust any OpenID Connect provider): the identities of a territory's staff are provisioned in the
 * programme's identity provider ahead of its opening, which is not what this test is about; the services' own
 * onboarding is. The calls go to the services directly, not through the gateway, which routes by path and knows no
 * territory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TerritoryOnboardingTest {

    static final LocalDate START = LocalDate.now().minusMonths(1);
    static final Duration WITHIN_A_MINUTE = Duration.ofSeconds(60);
    static Platform platform;
    static final TestIssuer issuer = TestIssuer.get();
    static Api participant;
    static Api pathway;
    static Api partnership;
    static long pathwayPid;
    static long partnershipPid;
    static String brestPathway;

    @BeforeAll
    static void start() throws Exception {
        platform = new Platform(Files.createTempDirectory("onboarding"));
        Map<String, String> trustTheTestIssuer = Map.of("CONVERGENCE_SECURITY_ISSUER", issuer.issuer(),
                "CONVERGENCE_SECURITY_JWKSETURI", issuer.jwkSetUri(), "TERRITORY", "paris");
        platform.service("participant", "participant-service",
                with(trustTheTestIssuer, "MONGODB_DATABASE", "participant_onboarding"));
        platform.service("pathway", "pathway-service",
                with(trustTheTestIssuer, "MONGODB_DATABASE", "pathway_onboarding", "TERRITORIES", "*"));
        platform.service("partnership", "partnership-service",
                with(trustTheTestIssuer, "MONGODB_DATABASE", "partnership_onboarding", "TERRITORIES", "*"));
        platform.start("mongo");
        platform.start("kafka");
        for (String s : new String[] {"participant", "pathway", "partnership"}) {
            platform.start(s);
        }
        participant = new Api(platform.url("participant"));
        pathway = new Api(platform.url("pathway"));
        partnership = new Api(platform.url("partnership"));
        pathwayPid = pidOf("pathway-service");
        partnershipPid = pidOf("partnership-service");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aTerritoryOpenedByTheAdministratorIsServedWithinAMinuteWithoutARestart() {
        Api admin = participant.withToken(issuer.token("admin", null, null));
        Api.Reply opened = admin.post("/api/participants/territories", "{\"code\":\"brest\",\"name\":\"Brest\"}");
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        long openedAt = System.nanoTime();
        Api.Reply aci = admin.post("/api/participants/territories/brest/acis", """
                {"name":"Chantier d'insertion du Port","siret":"99029900000002","programmes":["PHC","CVG"],"localCoordination":true}""");
        assertThat(aci.status()).as(aci.raw()).isEqualTo(201);
        String aciId = aci.body().get("id").asText();
        assertThat(aciId).isEqualTo("aci-brest-1");
        String cipToken = issuer.tokenFor("cip-aci-brest-1", "cip", "brest", aciId);

        String person = register(participant.withToken(cipToken), aciId, "Maëlys", "Le Gall");
        String hire = hire(person, "brest", aciId);
        // polled: refused (422 territory-served) until pathway-service has read brest's TerritoryCreated
        Api.Reply hired = await().atMost(remaining(openedAt)).pollInterval(Duration.ofMillis(500))
                .until(() -> pathway.withToken(cipToken).post("/api/pathways", hire), r -> r.status() == 201);
        brestPathway = hired.body().get("pathwayId").asText();
        assertThat(hired.body().get("territory").asText()).isEqualTo("brest");
        Api.Reply barrier = pathway.withToken(cipToken).post("/api/pathways/" + brestPathway + "/barriers", """
                {"date":"%s","domain":"HOUSING","intensity":"HIGH","handling":"PARTNER"}""".formatted(START.plusDays(3)));
        assertThat(barrier.status()).as(barrier.raw()).isEqualTo(200);

        // partnership-service consumes brest's pathway stream: the person's housing need, seen by brest's staff only
        Api officer = partnership.withToken(issuer.tokenFor("cdp-brest", "partnership-officer", "brest", null));
        await().atMost(remaining(openedAt)).pollInterval(Duration.ofMillis(500))
                .until(() -> officer.get("/api/partnerships/participants/" + person + "/needs").raw().contains("HOUSING"));
        Api.Reply needs = officer.get("/api/partnerships/needs?territory=brest");
        assertThat(needs.status()).as(needs.raw()).isEqualTo(200);
        assertThat(needs.raw()).contains(person);
        Api.Reply elsewhere = partnership.withToken(issuer.tokenFor("cdp-paris", "partnership-officer", "paris", null))
                .get("/api/partnerships/needs?territory=brest");
        assertThat(elsewhere.status()).isEqualTo(403);

        assertNothingRestarted();
    }

    @Test
    @Order(2)
    void anAciAddedToATerritoryAlreadyServedTakesPeopleInAtOnce() {
        Api admin = participant.withToken(issuer.token("admin", null, null));
        Api.Reply aci = admin.post("/api/participants/territories/paris/acis", """
                {"name":"Atelier de la Chapelle","siret":"99029900000010","programmes":["CVG"],"localCoordination":false}""");
        assertThat(aci.status()).as(aci.raw()).isEqualTo(201);
        String aciId = aci.body().get("id").asText();
        String cipToken = issuer.tokenFor("cip-" + aciId, "cip", "paris", aciId);

        String person = register(participant.withToken(cipToken), aciId, "Ilyes", "Benali");
        Api.Reply hired = pathway.withToken(cipToken).post("/api/pathways", hire(person, "paris", aciId));

        assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        assertThat(hired.body().get("aciId").asText()).isEqualTo(aciId);
        assertNothingRestarted();
    }

    @Test
    @Order(3)
    void aRestartedPathwayServiceStillServesTheOpenedTerritory() throws Exception {
        assertThat(brestPathway).as("brest was opened by the first test").isNotNull();
        platform.restart("pathway");   // healthy only once it has read the participant streams again
        String cipToken = issuer.tokenFor("cip-aci-brest-1", "cip", "brest", "aci-brest-1");

        Api.Reply read = pathway.withToken(cipToken).get("/api/pathways/" + brestPathway);
        String person = register(participant.withToken(cipToken), "aci-brest-1", "Yann", "Kerhervé");
        Api.Reply hired = pathway.withToken(cipToken).post("/api/pathways", hire(person, "brest", "aci-brest-1"));

        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        assertThat(pidOf("pathway-service")).isNotEqualTo(pathwayPid);
    }

    private static String register(Api cip, String aciId, String firstName, String lastName) {
        Api.Reply registered = cip.post("/api/participants", """
                {"firstName":"%s","lastName":"%s","birthDate":"1988-03-14","referentId":"cip-%s","aciId":"%s"}"""
                .formatted(firstName, lastName, aciId, aciId));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        return registered.body().get("participantId").asText();
    }

    private static String hire(String person, String territory, String aciId) {
        return """
                {"participantId":"%s","territory":"%s","aciId":"%s","programme":"CVG","contractStart":"%s","plannedEnd":"%s","weeklyHours":26}"""
                .formatted(person, territory, aciId, START, START.plusMonths(20));
    }

    /** What is left of the minute since the territory was opened. */
    private static Duration remaining(long openedAt) {
        Duration left = WITHIN_A_MINUTE.minusNanos(System.nanoTime() - openedAt);
        assertThat(left).as("still within the minute after the opening").isPositive();
        return left;
    }

    /** The same pathway- and partnership-service processes as at the start: nothing was restarted. */
    private static void assertNothingRestarted() {
        assertThat(pidOf("pathway-service")).isEqualTo(pathwayPid);
        assertThat(pidOf("partnership-service")).isEqualTo(partnershipPid);
    }

    /** The running process of a module's jar among the ones this test started. */
    private static long pidOf(String module) {
        Optional<ProcessHandle> process = ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(module + "-0.1.0-SNAPSHOT.jar"))
                .findFirst();
        assertThat(process).as(module + " is running").isPresent();
        return process.get().pid();
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> all = new java.util.LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            all.put(pairs[i], pairs[i + 1]);
        }
        return all;
    }
}
