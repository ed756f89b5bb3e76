package fr.convergence.pathway.api;

import fr.convergence.testing.Http;
import fr.convergence.testing.StoreDigest;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The pathway API over real HTTP, on a real Kafka broker and the MongoDB-wire store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PathwayApiTest {

    static final String DATABASE = TestInfrastructure.uniqueDatabase("pathway_api");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, DATABASE, "paris");
    }

    @LocalServerPort
    int port;
    /** ACI staff of aci-paris-1: the module's everyday caller. */
    Http http;
    String participant;

    static final LocalDate START = LocalDate.now().minusMonths(8);

    @BeforeEach
    void setUp() {
        http = new Http(port).as(TestIssuer.get().tokenFor("cip-test", "cip", "paris", "aci-paris-1"));
        participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Http cipOf(String aci) {
        return new Http(port).as(TestIssuer.get().token("cip", "paris", aci));
    }

    String openPhc() {
        Http.Response r = http.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"PHC","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":4}""".formatted(participant, START, START.plusMonths(6)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("pathwayId").asString();
    }

    @Test
    void runsAWholePhcToCvgPathwayToFollowUp() {
        String id = openPhc();
        assertThat(http.post("/api/pathways/" + id + "/weekly-hours",
                "{\"effectiveDate\":\"%s\",\"weeklyHours\":8}".formatted(START.plusWeeks(3))).status()).isEqualTo(200);
        assertThat(http.post("/api/pathways/" + id + "/barriers",
                "{\"date\":\"%s\",\"domain\":\"HOUSING\",\"intensity\":\"HIGH\",\"handling\":\"PARTNER\"}".formatted(START.plusWeeks(1))).status()).isEqualTo(200);
        assertThat(http.post("/api/pathways/" + id + "/transition",
                "{\"date\":\"%s\",\"plannedEnd\":\"%s\",\"weeklyHours\":24}".formatted(START.plusMonths(4), START.plusMonths(28))).status()).isEqualTo(200);
        assertThat(http.post("/api/pathways/" + id + "/housing",
                "{\"date\":\"%s\",\"kind\":\"DURABLE_HOUSING\"}".formatted(START.plusMonths(5))).status()).isEqualTo(200);
        assertThat(http.post("/api/pathways/" + id + "/barriers/HOUSING/lift",
                "{\"date\":\"%s\"}".formatted(START.plusMonths(5))).status()).isEqualTo(200);
        assertThat(http.post("/api/pathways/" + id + "/exit",
                "{\"date\":\"%s\",\"reason\":\"CDI\"}".formatted(START.plusMonths(7))).status()).isEqualTo(200);
        Http.Response followUp = http.post("/api/pathways/" + id + "/follow-up/start",
                "{\"date\":\"%s\"}".formatted(START.plusMonths(7)));
        assertThat(followUp.status()).isEqualTo(200);

        Http.Response state = http.get("/api/pathways/" + id);
        assertThat(state.body().get("programme").asString()).isEqualTo("CVG");
        assertThat(state.body().get("status").asString()).isEqualTo("FOLLOW_UP");
        assertThat(state.body().get("exitCategory").asString()).isEqualTo("DURABLE_EMPLOYMENT");
        assertThat(state.body().get("durableHousing").asBoolean()).isTrue();
        assertThat(state.body().get("openBarriers").size()).isZero();
        assertThat(state.body().get("version").asLong()).isEqualTo(8);
    }

    @Test
    void theTimelineListsEveryEventNewestFirstWithWhoRecordedIt() {
        String id = openPhc();
        http.post("/api/pathways/" + id + "/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":6}".formatted(START.plusWeeks(2)));
        http.post("/api/pathways/" + id + "/housing", "{\"date\":\"%s\",\"kind\":\"SHELTER\"}".formatted(START.plusWeeks(3)));

        Http.Response events = http.get("/api/pathways/" + id + "/events");

        assertThat(events.status()).as(events.raw()).isEqualTo(200);
        assertThat(events.body().size()).isEqualTo(3);
        assertThat(events.body().get(0).get("type").asString()).isEqualTo("HousingSecured");
        assertThat(events.body().get(0).get("occurredOn").asString()).isEqualTo(START.plusWeeks(3).toString());
        assertThat(events.body().get(0).get("recordedBy").asString()).isEqualTo("cip-test");
        assertThat(events.body().get(0).get("data").get("kind").asString()).isEqualTo("SHELTER");
        assertThat(events.body().get(1).get("data").get("toHours").asDouble()).isEqualTo(6.0);
        assertThat(events.body().get(2).get("type").asString()).isEqualTo("ParticipantHired");
        assertThat(events.body().get(2).get("data").has("pathwayId")).isFalse();
    }

    @Test
    void theListCarriesWhatACaseloadShows() {
        String id = openPhc();
        http.post("/api/pathways/" + id + "/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":6}".formatted(START.plusWeeks(2)));

        Http.Response list = http.get("/api/pathways?aciId=aci-paris-1&size=200");

        var line = java.util.stream.StreamSupport.stream(list.body().get("items").spliterator(), false)
                .filter(i -> i.get("pathwayId").asString().equals(id)).findFirst().orElseThrow();
        assertThat(line.get("weeklyHours").asDouble()).isEqualTo(6.0);
        assertThat(line.get("hoursSetOn").asString()).isEqualTo(START.plusWeeks(2).toString());
        assertThat(line.get("plannedEnd").asString()).isEqualTo(START.plusMonths(6).toString());
        assertThat(line.get("exitedOn").isNull()).isTrue();
    }

    @Test
    void showsTheStateAsOfAPastDate() {
        String id = openPhc();
        http.post("/api/pathways/" + id + "/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":6}".formatted(START.plusWeeks(2)));
        http.post("/api/pathways/" + id + "/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":10}".formatted(START.plusWeeks(8)));
        Http.Response past = http.get("/api/pathways/" + id + "?asOf=" + START.plusWeeks(4));
        assertThat(past.body().get("weeklyHours").asDouble()).isEqualTo(6.0);
        assertThat(http.get("/api/pathways/" + id).body().get("weeklyHours").asDouble()).isEqualTo(10.0);
    }

    @Test
    void refusesASecondOpenPathwayForTheSameParticipant() {
        openPhc();
        Http.Response second = cipOf("aci-paris-2").post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-2","programme":"CVG","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":26}""".formatted(participant, START, START.plusMonths(12)));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("rule").asString()).isEqualTo("one-open-pathway");
    }

    @Test
    void aRefusedHireLeavesNothingBehind() {
        openPhc();
        String before = StoreDigest.of(TestInfrastructure.mongoUri(), DATABASE, Set.of());
        // refused by the one-open-pathway claim (409), then by a programme rule for another participant (422)
        Http.Response blocked = http.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"CVG","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":26}""".formatted(participant, START, START.plusMonths(12)));
        assertThat(blocked.status()).as(blocked.raw()).isEqualTo(409);
        Http.Response broken = http.post("/api/pathways", """
                {"participantId":"PSN-%s","aciId":"aci-paris-1","programme":"CVG","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":99}""".formatted(UUID.randomUUID().toString().substring(0, 8), START,
                START.plusMonths(12)));
        assertThat(broken.status()).as(broken.raw()).isEqualTo(422);
        assertThat(StoreDigest.of(TestInfrastructure.mongoUri(), DATABASE, Set.of())).isEqualTo(before);
    }

    @Test
    void answersAddressesRefusedBeforeTheApiWith400ProblemJson() {
        // an encoded slash (Tomcat), an encoded semicolon (the security firewall), a request line over the limit
        for (String path : List.of("/api/pathways/..%2Fetc%2Fpasswd", "/api/pathways/a%3Bb", "/api/pathways/%2500",
                "/api/pathways/" + "a".repeat(10_000))) {
            Http.Response r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.isProblem()).as(r.raw()).isTrue();
            assertThat(r.rule()).isEqualTo("malformed");
        }
    }

    @Test
    void answersABlankBarrierDomainWith400NamingIt() {
        String id = openPhc();
        Http.Response r = http.post("/api/pathways/" + id + "/barriers/%20/lift", "{\"date\":\"%s\"}".formatted(START));
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("domain");
    }

    @Test
    void allowsANewPathwayOnceThePreviousOneExited() {
        String first = openPhc();
        http.post("/api/pathways/" + first + "/exit", "{\"date\":\"%s\",\"reason\":\"NO_NEWS\"}".formatted(START.plusMonths(2)));
        Http.Response second = cipOf("aci-paris-2").post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-2","programme":"PHC","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":4}""".formatted(participant, START.plusMonths(3), START.plusMonths(8)));
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
    }

    @Test
    void answersMalformedJsonWith400ProblemJson() {
        Http.Response r = http.post("/api/pathways", "{\"participantId\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void answersAWrongTypeWith400() {
        String id = openPhc();
        Http.Response r = http.post("/api/pathways/" + id + "/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":\"lots\"}".formatted(START));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void namesTheMissingFieldIn400() {
        Http.Response r = http.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","contractStart":"%s","plannedEnd":"%s","weeklyHours":4}"""
                .formatted(participant, START, START.plusMonths(6)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("field").asString()).isEqualTo("programme");
    }

    @Test
    void answersABrokenRuleWith422NamingRuleAndField() {
        Http.Response r = http.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"CVG","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":12}""".formatted(participant, START, START.plusMonths(6)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("rule").asString()).isEqualTo("weekly-hours-standard-minimum");
        assertThat(r.body().get("field").asString()).isEqualTo("weeklyHours");
    }

    @Test
    void answersHoursOutsideTheProgrammeBoundsWith422FromTheRulesData() {
        String id = openPhc();
        Http.Response r = http.post("/api/pathways/" + id + "/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":40}".formatted(START));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("rule").asString()).isEqualTo("weekly-hours-range");
        assertThat(r.body().get("detail").asString()).contains("35.0");
    }

    @Test
    void answersAStateConflictWith409AndChangesNothing() {
        String id = openPhc();
        http.post("/api/pathways/" + id + "/exit", "{\"date\":\"%s\",\"reason\":\"CDI\"}".formatted(START.plusMonths(2)));
        long before = http.get("/api/pathways/" + id).body().get("version").asLong();
        // care, rights, housing and accompaniment go on after the exit; the contract's hours do not
        Http.Response r = http.post("/api/pathways/" + id + "/weekly-hours",
                "{\"effectiveDate\":\"%s\",\"weeklyHours\":6}".formatted(START.plusMonths(1)));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().get("rule").asString()).isEqualTo("after-exit-only-follow-up");
        assertThat(http.get("/api/pathways/" + id).body().get("version").asLong()).isEqualTo(before);
    }

    @Test
    void refusesATerritoryThisInstanceDoesNotServe() {
        Http lyonCip = new Http(port).as(TestIssuer.get().token("cip", "lyon", "aci-lyon-1"));
        Http.Response r = lyonCip.post("/api/pathways", """
                {"participantId":"%s","territory":"lyon","aciId":"aci-lyon-1","programme":"PHC","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":4}""".formatted(participant, START, START.plusMonths(6)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("field").asString()).isEqualTo("territory");
    }

    @Test
    void answersAnUnknownPathwayWith404() {
        Http.Response r = http.post("/api/pathways/nope/health-care", "{\"date\":\"%s\"}".formatted(START));
        assertThat(r.status()).isEqualTo(404);
        assertThat(http.get("/api/pathways/nope").status()).isEqualTo(404);
    }

    @Test
    void listsThePathwaysOfAnAciPaged() {
        openPhc();
        Http.Response page = http.get("/api/pathways?aciId=aci-paris-1&size=200");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.body().get("items").findValuesAsString("participantId")).contains(participant);
        Http analyst = new Http(port).as(TestIssuer.get().token("national-analyst", null, null));
        assertThat(analyst.get("/api/pathways?size=5").status()).isEqualTo(400);
        assertThat(http.get("/api/pathways?aciId=aci-paris-1&size=5000").status()).isEqualTo(400);
    }

    @Test
    void verifiesAnIntactHashChain() {
        String id = openPhc();
        http.post("/api/pathways/" + id + "/health-care", "{\"date\":\"%s\"}".formatted(START.plusDays(3)));
        Http.Response v = new Http(port).as(TestIssuer.get().token("auditor", null, null))
                .get("/api/pathways/" + id + "/verification");
        assertThat(v.body().get("intact").asBoolean()).isTrue();
        assertThat(v.body().get("headHash").asString()).hasSize(64);
    }

    @Test
    void countsCommandsByTypeAndOutcomeAndMeasuresPublicationLag() {
        String id = openPhc();
        http.post("/api/pathways/" + id + "/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":30}".formatted(START));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = http.get("/actuator/prometheus").raw();
            assertThat(metrics).containsPattern("convergence_commands_total\\{[^}]*outcome=\"accepted\"[^}]*type=\"HireParticipant\"");
            assertThat(metrics).containsPattern("convergence_commands_total\\{[^}]*outcome=\"rejected\"[^}]*rule=\"phc-weekly-hours-range\"[^}]*type=\"ChangeWeeklyHours\"");
            assertThat(metrics).contains("convergence_outbox_publication_lag_seconds_count").contains("convergence_outbox_waiting");
        });
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus").raw()).contains("convergence_events_published");
        String openApi = http.get("/v3/api-docs").raw();
        assertThat(openApi).contains("/api/pathways/{id}/exit");
        // the caller comes from the token: no client sends it as a parameter
        assertThat(openApi).doesNotContain("\"name\":\"caller\"");
    }

    // ---- issue 18: the situation, the accompaniment, follow-up contacts and corrections over HTTP ----

    static final String PROFILE = "{\"date\":\"%s\",\"housing\":\"%s\",\"withoutHousing\":\"YEARS_1_TO_2\","
            + "\"referredBy\":\"SIAO\",\"healthCover\":\"CSS\",\"rightsAtEntry\":[\"RSA\"],\"withoutWork\":\"OVER_5_YEARS\"%s}";

    @Test
    void theViewShowsTheProfileTheHousingAndTheAccompaniment() {
        String id = openPhc();
        String p = "/api/pathways/" + id;
        assertThat(http.post(p + "/entry-profile", PROFILE.formatted(START, "STREET", "")).status()).isEqualTo(200);
        assertThat(http.post(p + "/housing-situation", "{\"date\":\"%s\",\"situation\":\"EMERGENCY_SHELTER\"}"
                .formatted(START.plusMonths(1))).status()).isEqualTo(200);
        assertThat(http.post(p + "/accompaniments", ("{\"date\":\"%s\",\"kind\":\"INTERVIEW\",\"length\":\"MINUTES_30_TO_60\","
                + "\"participants\":[\"PARTICIPANT\",\"CIP\"]}").formatted(START.plusDays(3))).status()).isEqualTo(200);
        var view = http.get(p).body();
        assertThat(view.get("entryProfile").get("housing").asString()).isEqualTo("STREET");
        assertThat(view.get("housingSituation").asString()).isEqualTo("EMERGENCY_SHELTER");
        assertThat(view.get("accompaniments").get("interviews").asInt()).isEqualTo(1);
        assertThat(view.get("followUpDue").size()).as("nothing is due before an exit").isZero();
    }

    @Test
    void aSecondProfileWithoutAReasonIs422OnItsField() {
        String id = openPhc();
        String p = "/api/pathways/" + id;
        http.post(p + "/entry-profile", PROFILE.formatted(START, "STREET", ""));
        Http.Response r = http.post(p + "/entry-profile", PROFILE.formatted(START, "EMERGENCY_SHELTER", ""));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("rule").asString()).isEqualTo("correction-reason-required");
        assertThat(r.body().get("field").asString()).isEqualTo("correctionReason");
        assertThat(http.post(p + "/entry-profile", PROFILE.formatted(START, "EMERGENCY_SHELTER",
                ",\"correctionReason\":\"DATA_ENTRY_ERROR\"")).status()).isEqualTo(200);
        assertThat(http.get(p).body().get("entryProfile").get("housing").asString()).isEqualTo("EMERGENCY_SHELTER");
    }

    @Test
    void anUnknownCodeIs400NamingTheField() {
        String id = openPhc();
        Http.Response r = http.post("/api/pathways/" + id + "/housing-situation",
                "{\"date\":\"%s\",\"situation\":\"CASTLE\"}".formatted(START.plusMonths(1)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.raw()).contains("situation");
    }

    @Test
    void afterAnExitTheContactsDueAreListedAndAContactIsRecorded() {
        String id = openPhc();
        String p = "/api/pathways/" + id;
        LocalDate exit = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).minusMonths(1).minusDays(2);
        assertThat(http.post(p + "/exit", "{\"date\":\"%s\",\"reason\":\"CDI\",\"housingAtExit\":\"SOCIAL_RESIDENCE\"}"
                .formatted(exit)).status()).isEqualTo(200);
        var due = http.get(p).body().get("followUpDue");
        assertThat(due.size()).isEqualTo(4);
        assertThat(due.get(0).get("dueOn").asString()).isEqualTo(exit.plusMonths(1).toString());
        assertThat(http.post(p + "/follow-up/contacts", "{\"date\":\"%s\",\"employment\":\"CDI\",\"housing\":\"SOCIAL_RESIDENCE\"}"
                .formatted(exit.plusMonths(1))).status()).isEqualTo(200);
        var view = http.get(p).body();
        assertThat(view.get("followUpContacts").get(0).get("milestoneMonths").asInt()).isEqualTo(1);
        assertThat(view.get("followUpDue").size()).isEqualTo(3);
        assertThat(view.get("housingAtExit").asString()).isEqualTo("SOCIAL_RESIDENCE");
        // the list's line says the same, so that a caseload need not load each exited person's pathway
        var line = java.util.stream.StreamSupport.stream(http.get("/api/pathways?aciId=aci-paris-1&status=EXITED&size=200")
                .body().get("items").spliterator(), false).filter(l -> l.get("pathwayId").asString().equals(id)).findFirst().orElseThrow();
        assertThat(line.get("followUpDue").size()).isEqualTo(3);
        assertThat(line.get("followUpDue").get(0).get("milestoneMonths").asInt()).isEqualTo(3);
    }

    @Test
    void noContactIsDueAfterAWithdrawalOrOnceTheWindowHasClosed() {
        String id = openPhc();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        http.post("/api/pathways/" + id + "/exit", "{\"date\":\"%s\",\"reason\":\"DEATH\"}".formatted(today.minusDays(40)));
        assertThat(http.get("/api/pathways/" + id).body().get("followUpDue").size()).isZero();
        var line = java.util.stream.StreamSupport.stream(http.get("/api/pathways?aciId=aci-paris-1&status=EXITED&size=200")
                .body().get("items").spliterator(), false).filter(l -> l.get("pathwayId").asString().equals(id)).findFirst().orElseThrow();
        assertThat(line.get("followUpDue").size()).as("nor in the list").isZero();
        participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
        String old = http.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"CVG","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":26}""".formatted(participant, today.minusMonths(30), today.minusMonths(8)))
                .body().get("pathwayId").asString();
        http.post("/api/pathways/" + old + "/exit", "{\"date\":\"%s\",\"reason\":\"CDI\"}".formatted(today.minusMonths(13)));
        assertThat(http.get("/api/pathways/" + old).body().get("followUpDue").size()).as("window closed").isZero();
        assertThat(http.get("/api/pathways/" + old + "?asOf=" + today.minusMonths(12).minusDays(10)).body()
                .get("followUpDue").size()).as("as of a day the window was open: none of the four recorded").isEqualTo(4);
    }

    @Test
    void onlyTheCoordinatorCancelsAnExitAndThePathwayIsOpenAgain() {
        String id = openPhc();
        String p = "/api/pathways/" + id;
        LocalDate exit = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).minusDays(3);
        http.post(p + "/exit", "{\"date\":\"%s\",\"reason\":\"CDI\"}".formatted(exit));
        assertThat(http.get(p).body().get("exitCancellableUntil").asString()).isEqualTo(exit.plusDays(30).toString());
        assertThat(http.post(p + "/exit/cancellation", "{\"reason\":\"EXIT_DID_NOT_HAPPEN\"}").status())
                .as("a CIP may not").isEqualTo(403);
        Http coordinator = new Http(port).as(TestIssuer.get().token("coordinator", "paris", null));
        Http.Response r = coordinator.post(p + "/exit/cancellation", "{\"reason\":\"EXIT_DID_NOT_HAPPEN\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(r.body().get("exitedOn").isNull()).isTrue();
        // open again: the same person cannot be hired a second time
        Http.Response second = http.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"PHC","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":4}""".formatted(participant, exit, exit.plusMonths(6)));
        assertThat(second.status()).isEqualTo(409);
    }

    @Test
    void anExitIsNotCancelledWhileTheSamePersonHasAnotherOpenPathway() {
        String id = openPhc();
        LocalDate exit = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).minusDays(3);
        http.post("/api/pathways/" + id + "/exit", "{\"date\":\"%s\",\"reason\":\"CDI\"}".formatted(exit));
        Http.Response rehired = http.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"PHC","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":4}""".formatted(participant, exit.plusDays(1), exit.plusMonths(6)));
        assertThat(rehired.status()).as(rehired.raw()).isEqualTo(201);
        Http coordinator = new Http(port).as(TestIssuer.get().token("coordinator", "paris", null));
        Http.Response r = coordinator.post("/api/pathways/" + id + "/exit/cancellation", "{\"reason\":\"EXIT_DID_NOT_HAPPEN\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().get("rule").asString()).isEqualTo("one-open-pathway");
        assertThat(http.get("/api/pathways/" + id).body().get("status").asString()).isEqualTo("EXITED");
    }

    @Test
    void aDateCorrectionMovesTheEventInTheAsOfView() {
        String id = openPhc();
        String p = "/api/pathways/" + id;
        http.post(p + "/rights", "{\"date\":\"%s\",\"right\":\"CSS\"}".formatted(START.plusMonths(3)));
        assertThat(http.get(p + "?asOf=" + START.plusMonths(2)).body().get("rightsOpened").asInt()).isZero();
        Http.Response r = http.post(p + "/corrections/date", "{\"sequence\":1,\"rightDate\":\"%s\",\"reason\":\"DATA_ENTRY_ERROR\"}"
                .formatted(START.plusMonths(1)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(http.get(p + "?asOf=" + START.plusMonths(2)).body().get("rightsOpened").asInt())
                .as("counted from its right date").isEqualTo(1);
    }
}
