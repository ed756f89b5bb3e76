package fr.convergence.pathway.audit;

import com.mongodb.client.MongoDatabase;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's replay of one participant. The participant and partnership services are stood in for by HTTP
 * servers answering their history endpoints to a bearer token (the end-to-end suite runs the real ones). The
 * instance serves Paris and Lyon, so that a territory's auditor can be shown to read that territory only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParticipantAuditTest {

    static final HistoryServicesStandIn otherServices = HistoryServicesStandIn.start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("pathway_audit"), "paris");
        registry.add("convergence.territories", () -> "paris,lyon");
        otherServices.register(registry);
    }

    @AfterAll
    static void stop() {
        otherServices.stop();
    }

    static final TestIssuer issuer = TestIssuer.get();
    static final String AUDITOR_TOKEN = issuer.tokenFor("auditor-1", "auditor", null, null);

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    Http cip;
    Http auditor;
    String participant;
    String pathwayId;
    static final LocalDate START = LocalDate.now().minusMonths(6);

    @BeforeEach
    void setUp() {
        otherServices.partnershipDown(false);
        cip = new Http(port).as(issuer.tokenFor("cip-test", "cip", "paris", "aci-1"));
        auditor = new Http(port).as(AUDITOR_TOKEN);
        participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
        pathwayId = cip.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-1","programme":"PHC","contractStart":"%s","plannedEnd":"%s","weeklyHours":4}"""
                .formatted(participant, START, START.plusMonths(6))).body().get("pathwayId").asString();
        cip.post("/api/pathways/" + pathwayId + "/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":6}".formatted(START.plusWeeks(3)));
        cip.post("/api/pathways/" + pathwayId + "/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":10}".formatted(START.plusWeeks(10)));
    }

    @Test
    void replaysTheHistoryOfAllServicesInOrder() {
        Http.Response r = auditor.get("/api/audit/participants/" + participant + "/history");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("items").findValuesAsString("type")).containsExactly("ParticipantRegistered",
                "ParticipantHired", "WeeklyHoursChanged", "WeeklyHoursChanged", "ReferralProposed");
        assertThat(r.body().get("items").get(1).get("recordedBy").asString()).isEqualTo("cip-test");
        assertThat(r.body().get("items").get(1).get("hash").asString()).hasSize(64);
        assertThat(r.body().get("items").get(0).get("data").get("firstName").asString()).isEqualTo("[erased]");
    }

    @Test
    void forwardsTheAuditorsOwnTokenToTheOtherServices() {
        otherServices.clear();
        assertThat(auditor.get("/api/audit/participants/" + participant + "/history").status()).isEqualTo(200);
        // one call to each other service, each with the auditor's token (the stand-in refuses X-User-Id)
        assertThat(otherServices.authorizations()).containsExactly("Bearer " + AUDITOR_TOKEN, "Bearer " + AUDITOR_TOKEN);
    }

    @Test
    void pagesLongHistories() {
        Http.Response r = auditor.get("/api/audit/participants/" + participant + "/history?page=1&size=2");
        assertThat(r.body().get("total").asInt()).isEqualTo(5);
        assertThat(r.body().get("items").findValuesAsString("type")).containsExactly("WeeklyHoursChanged", "WeeklyHoursChanged");
    }

    @Test
    void aPageFarBeyondTheHistoryIsEmptyNotAnError() {
        Http.Response r = auditor.get("/api/audit/participants/" + participant + "/history?page=" + Integer.MAX_VALUE + "&size=1000");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("items").size()).isZero();
    }

    @Test
    void reconstructsTheStateAsOfAPastDate() {
        Http.Response r = auditor.get("/api/audit/participants/" + participant + "/state?asOf=" + START.plusWeeks(5));
        assertThat(r.body().get("pathways").get(0).get("weeklyHours").asDouble()).isEqualTo(6.0);
        assertThat(r.body().get("pathways").get(0).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void recordsEveryAuditReadUnderTheTokensSubject() {
        auditor.get("/api/audit/participants/" + participant + "/history");
        auditor.get("/api/audit/participants/" + participant + "/state?asOf=" + START.plusWeeks(5));
        Http.Response reads = auditor.get("/api/audit/reads?participantId=" + participant);
        assertThat(reads.body().findValuesAsString("what")).hasSize(2);
        assertThat(reads.body().findValuesAsString("auditor")).containsOnly("auditor-1");
    }

    @Test
    void findsAnEventChangedDirectlyInTheDatabase() {
        assertThat(auditor.get("/api/audit/participants/" + participant + "/verification").body().get("intact").asBoolean()).isTrue();
        database.getCollection("pathway_streams").updateOne(new Document("_id", pathwayId),
                new Document("$set", new Document("events.1.payload.toHours", 20.0)));
        Http.Response v = auditor.get("/api/audit/participants/" + participant + "/verification");
        assertThat(v.body().get("intact").asBoolean()).isFalse();
        assertThat(v.body().get("pathways").get(pathwayId).get("firstBrokenSequence").asLong()).isEqualTo(1);
    }

    @Test
    void exportsAVerifiableJsonAndAPrintableView() {
        Http.Response json = auditor.get("/api/audit/participants/" + participant + "/export.json");
        assertThat(json.body().get("chains").get(pathwayId).get("headHash").asString()).hasSize(64);
        assertThat(json.body().get("itemsSha256").asString()).hasSize(64);
        assertThat(json.body().get("items").size()).isEqualTo(5);
        assertThat(json.body().get("generatedBy").asString()).isEqualTo("auditor-1");
        Http.Response html = auditor.get("/api/audit/participants/" + participant + "/export.html");
        assertThat(html.raw()).contains("<html lang=\"fr\"").contains("ParticipantHired").contains("intègre");
    }

    @Test
    void exportsAPdfWithTheHistoryTheChainHeadsAndNumberedPagesInAnEmbeddedFont() throws Exception {
        for (int m = 1; m <= 5; m++) {   // enough events for more than one page
            for (int i = 0; i < 12; i++) {
                cip.post("/api/pathways/" + pathwayId + "/monthly-hours", "{\"month\":\"%s\",\"hours\":%d}"
                        .formatted(START.plusMonths(m).toString().substring(0, 7), 20 + i));
            }
        }
        String head = auditor.get("/api/audit/participants/" + participant + "/verification").body()
                .get("pathways").get(pathwayId).get("headHash").asString();

        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/api/audit/participants/" + participant + "/export.pdf"))
                .header("Authorization", "Bearer " + AUDITOR_TOKEN).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(r.body())) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("Dossier d'audit").contains(participant).contains("intégrité vérifiée")
                    .contains("ParticipantHired").contains("auditor-1").contains("Page 1 / " + pages)
                    .contains("Page " + pages + " / " + pages);
            assertThat(text.replaceAll("\\s", "")).contains(head);
            for (org.apache.pdfbox.pdmodel.PDPage page : pdf.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).as("font " + name).isTrue();
                }
            }
        }
    }

    @Test
    void refusesToShowAnIncompleteHistory() {
        otherServices.partnershipDown(true);
        Http.Response r = auditor.get("/api/audit/participants/" + participant + "/history");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body().get("rule").asString()).isEqualTo("history-source-unavailable");
    }

    @Test
    void anAuditorOfAnotherTerritoryFindsNoSuchParticipantAndNothingIsRecorded() {
        Http parisAuditor = new Http(port).as(issuer.tokenFor("auditor-paris", "auditor", "paris", null));
        Http lyonAuditor = new Http(port).as(issuer.tokenFor("auditor-lyon", "auditor", "lyon", null));
        String file = "/api/audit/participants/" + participant;
        assertThat(parisAuditor.get(file + "/history").status()).isEqualTo(200);
        for (String path : List.of(file + "/history", file + "/state?asOf=" + START.plusWeeks(5), file + "/verification",
                file + "/export.json", file + "/export.html", "/api/audit/reads?participantId=" + participant)) {
            Http.Response r = lyonAuditor.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.isProblem()).as(path).isTrue();
            assertThat(r.raw()).as(path).doesNotContain(pathwayId);
        }
        // exactly like a participant nobody ever recorded
        Http.Response unknown = lyonAuditor.get("/api/audit/participants/PSN-nobody/history");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.rule()).isEqualTo("not-found");

        assertThat(auditor.get("/api/audit/reads?participantId=" + participant).body().findValuesAsString("auditor"))
                .containsExactly("auditor-paris");
        assertThat(lyonAuditor.get("/api/audit/reads").body().findValuesAsString("participantId")).doesNotContain(participant);
        assertThat(parisAuditor.get("/api/audit/reads").body().findValuesAsString("participantId")).contains(participant);
    }

    @Test
    void anAuditorOfOneTerritoryReadsOnlyThatTerritorysPathwaysOfAParticipantWhoMoved() {
        cip.post("/api/pathways/" + pathwayId + "/exit", "{\"date\":\"%s\",\"reason\":\"TRANSFER\"}".formatted(START.plusMonths(2)));
        Http lyonCip = new Http(port).as(issuer.tokenFor("cip-lyon", "cip", "lyon", "aci-lyon-1"));
        Http.Response opened = lyonCip.post("/api/pathways", """
                {"participantId":"%s","territory":"lyon","aciId":"aci-lyon-1","programme":"PHC","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":4}""".formatted(participant, START.plusMonths(3), START.plusMonths(8)));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String lyonPathway = opened.body().get("pathwayId").asString();
        Http lyonAuditor = new Http(port).as(issuer.tokenFor("auditor-lyon", "auditor", "lyon", null));
        String file = "/api/audit/participants/" + participant;

        Http.Response history = lyonAuditor.get(file + "/history");
        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        assertThat(history.raw()).doesNotContain(pathwayId);
        assertThat(history.body().get("chains").propertyNames()).containsExactly(lyonPathway);
        assertThat(history.body().get("items").findValuesAsString("type")).contains("ParticipantHired")
                .doesNotContain("WeeklyHoursChanged", "ParticipantExited");
        assertThat(lyonAuditor.get(file + "/verification").body().get("pathways").propertyNames())
                .containsExactly(lyonPathway);
        assertThat(lyonAuditor.get(file + "/state?asOf=" + START.plusMonths(4)).body().get("pathways")
                .findValuesAsString("pathwayId")).containsExactly(lyonPathway);

        assertThat(auditor.get(file + "/verification").body().get("pathways").propertyNames())
                .containsExactlyInAnyOrder(pathwayId, lyonPathway);
    }

    @Test
    void anAuditorOfAPortfolioReadsItsTerritoriesPathwaysOnly() {
        // the participant moved: a Paris pathway (exited) then a Lyon one
        cip.post("/api/pathways/" + pathwayId + "/exit", "{\"date\":\"%s\",\"reason\":\"TRANSFER\"}".formatted(START.plusMonths(2)));
        Http lyonCip = new Http(port).as(issuer.tokenFor("cip-lyon", "cip", "lyon", "aci-lyon-1"));
        String lyonPathway = lyonCip.post("/api/pathways", """
                {"participantId":"%s","territory":"lyon","aciId":"aci-lyon-1","programme":"PHC","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":4}""".formatted(participant, START.plusMonths(3), START.plusMonths(8)))
                .body().get("pathwayId").asString();
        String file = "/api/audit/participants/" + participant;

        Http nord = new Http(port).as(issuer.portfolio("auditor-nord", "auditor", "lille", "rouen", "paris"));
        Http.Response history = nord.get(file + "/history");
        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        assertThat(history.body().get("chains").propertyNames()).containsExactly(pathwayId);
        assertThat(history.raw()).doesNotContain(lyonPathway);

        Http southEast = new Http(port).as(issuer.portfolio("auditor-sud", "auditor", "lyon", "marseille"));
        assertThat(southEast.get(file + "/verification").body().get("pathways").propertyNames())
                .containsExactly(lyonPathway);
        // a portfolio without Paris or Lyon finds no such participant
        Http west = new Http(port).as(issuer.portfolio("auditor-ouest", "auditor", "nantes", "rouen"));
        assertThat(west.get(file + "/history").status()).isEqualTo(404);
        assertThat(west.get("/api/audit/reads").body().findValuesAsString("participantId")).doesNotContain(participant);
    }

    @Test
    void anAuditorWhoseTokenLostItsTerritoryIsNotNationalAndFindsNothing() {
        Http lost = new Http(port).as(issuer.withoutTerritory("auditor-paris", "auditor"));
        String file = "/api/audit/participants/" + participant;
        for (String path : List.of(file + "/history", file + "/verification", "/api/audit/reads?participantId=" + participant)) {
            Http.Response r = lost.get(path);
            assertThat(r.status()).as(path + " " + r.raw()).isEqualTo(404);
        }
        assertThat(lost.get("/api/audit/reads").body().findValuesAsString("participantId")).doesNotContain(participant);
    }
}
