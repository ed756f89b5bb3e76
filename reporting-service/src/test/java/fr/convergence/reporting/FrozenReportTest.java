package fr.convergence.reporting;

import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.Http;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, item 1: a closed period's report never changes; a back-dated event shows in the live figures and in a
 * new version only, which differs from the first exactly by that event.
 */
class FrozenReportTest extends ReportingIntegrationTest {

    private static final String Q1 = "?from=2024-01&to=2024-03";

    @Test
    void aBackDatedEventLeavesTheClosedReportAsItWasAndANewVersionDiffersExactlyByIt() throws IOException {
        String t = territory("frz");
        PathwayStream first = PathwayStream.hired(t, "aci-" + t + "-1", "CVG", "2024-01-10", 20);
        PathwayStream second = PathwayStream.hired(t, "aci-" + t + "-2", "PHC", "2024-02-05", 4);
        publish(first, second);
        awaitView("/api/reporting/territories/" + t + Q1, v -> v.path("totals").path("entered").asLong() == 2);
        Http coordinator = as("coordinator", t, null);

        Http.Response closed = coordinator.post("/api/reporting/frozen-reports",
                "{\"territory\":\"" + t + "\",\"period\":\"2024-Q1\"}");
        assertThat(closed.status()).as(closed.raw()).isEqualTo(201);
        JsonNode v1 = closed.body();
        String v1Id = v1.path("id").asString();
        assertThat(v1Id).isEqualTo(t + "~2024-Q1~1");
        assertThat(v1.path("reason").asString()).isEqualTo("INITIAL");
        assertThat(v1.path("report").path("totals").path("exited").asLong()).isZero();
        assertThat(positions(v1)).isEqualTo(Map.of(first.pathwayId, 0L, second.pathwayId, 0L));
        assertThat(v1.path("changes").isEmpty()).isTrue();

        Http.Response again = coordinator.post("/api/reporting/frozen-reports",
                "{\"territory\":\"" + t + "\",\"period\":\"2024-Q1\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.rule()).isEqualTo("report-already-closed");
        assertThat(again.field()).isEqualTo("period");

        // After the closing, an exit dated inside the closed quarter is recorded (a back-dated event).
        first.exited("2024-03-15", "DURABLE_EMPLOYMENT", "CDI", 2);
        publish(first);
        awaitView("/api/reporting/territories/" + t + Q1, v -> v.path("totals").path("exited").asLong() == 1);
        // as the coordinator reads it: the national team's view hides the ACIs' small counts (item 4)
        JsonNode live = get(coordinator, "/api/reporting/territories/" + t + Q1);

        JsonNode stillV1 = get(coordinator, "/api/reporting/frozen-reports/" + v1Id);
        assertThat(stillV1.path("report")).isEqualTo(v1.path("report"));
        assertThat(stillV1.path("positions")).isEqualTo(v1.path("positions"));
        assertThat(indicators(xlsx(v1Id, coordinator))).containsEntry("sorties", 0.0).containsEntry("entrees", 2.0);

        Http.Response missingReason = coordinator.post("/api/reporting/frozen-reports",
                "{\"territory\":\"" + t + "\",\"period\":\"2024-Q1\",\"newVersion\":true}");
        assertThat(missingReason.status()).isEqualTo(400);
        assertThat(missingReason.field()).isEqualTo("reason");

        Http.Response issued = coordinator.post("/api/reporting/frozen-reports", "{\"territory\":\"" + t
                + "\",\"period\":\"2024-Q1\",\"newVersion\":true,\"reason\":\"LATE_EVENTS\","
                + "\"note\":\"sortie saisie en avril\"}");
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        JsonNode v2 = issued.body();
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        assertThat(v2.path("reasonLabel").asString()).isEqualTo("Événements saisis après la clôture");
        assertThat(v2.path("note").asString()).isEqualTo("sortie saisie en avril");
        // Exactly that event: one more sequence on that pathway, nothing else...
        assertThat(positions(v2)).isEqualTo(Map.of(first.pathwayId, 1L, second.pathwayId, 0L));
        // ...and the figures are the live ones, which now count the exit.
        assertThat(v2.path("report")).isEqualTo(live);
        Map<String, JsonNode> changes = new HashMap<>();
        v2.path("changes").forEach(c -> changes.put(c.path("indicator").asString(), c));
        assertThat(changes.get("sorties").path("oldValue").asLong()).isZero();
        assertThat(changes.get("sorties").path("newValue").asLong()).isEqualTo(1);
        assertThat(changes).doesNotContainKey("entrees");

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx(v2.path("id").asString(),
                coordinator)))) {
            assertThat(indicatorsOf(workbook.getSheet("Indicateurs"))).containsEntry("sorties", 1.0);
            Sheet changed = workbook.getSheet("Changements");
            Row exited = StreamSupport.stream(changed.spliterator(), false)
                    .filter(r -> r.getCell(0).getStringCellValue().equals("sorties")).findFirst().orElseThrow();
            assertThat(exited.getCell(2).getNumericCellValue()).isZero();
            assertThat(exited.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(workbook.getSheet("Rapport figé").getRow(3).getCell(1).getNumericCellValue()).isEqualTo(2.0);
        }
        String csv = new String(download("/api/reporting/frozen-reports/" + v2.path("id").asString() + "/report.csv",
                coordinator), StandardCharsets.UTF_8);
        assertThat(csv).contains("Indicateurs;sorties;Sorties;1").contains("Changements;Identifiant=sorties;");

        JsonNode list = get(coordinator, "/api/reporting/frozen-reports");
        assertThat(StreamSupport.stream(list.spliterator(), false).map(s -> s.path("id").asString()))
                .contains(v1Id, t + "~2024-Q1~2");
        assertThat(get(as("coordinator", "lyon", null), "/api/reporting/frozen-reports").toString()).doesNotContain(t);
        assertThat(as("coordinator", "lyon", null).get("/api/reporting/frozen-reports/" + v1Id).status())
                .isEqualTo(403);
    }

    @Test
    void badClosingsAreRefusedWithTheFieldAndTheRule() {
        String t = territory("frzbad");
        Http coordinator = as("coordinator", t, null);
        String current = YearMonth.now().toString();

        Http.Response running = coordinator.post("/api/reporting/frozen-reports",
                "{\"territory\":\"" + t + "\",\"period\":\"" + current + "\"}");
        assertThat(running.status()).isEqualTo(422);
        assertThat(running.rule()).isEqualTo("period-not-ended");
        assertThat(running.field()).isEqualTo("period");

        Http.Response badPeriod = coordinator.post("/api/reporting/frozen-reports",
                "{\"territory\":\"" + t + "\",\"period\":\"2024-13\"}");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.field()).isEqualTo("period");

        Http.Response national = coordinator.post("/api/reporting/frozen-reports", "{\"period\":\"2024\"}");
        assertThat(national.status()).isEqualTo(403);

        Http.Response otherReason = analyst.post("/api/reporting/frozen-reports",
                "{\"territory\":\"" + t + "\",\"period\":\"2024-05\",\"reason\":\"OTHER\"}");
        assertThat(otherReason.status()).isEqualTo(400);
        assertThat(otherReason.field()).isEqualTo("note");

        assertThat(analyst.get("/api/reporting/frozen-reports/" + t + "~2024~1").status()).isEqualTo(404);
        assertThat(analyst.get("/api/reporting/frozen-reports/a~b").status()).isEqualTo(400);
    }

    @Test
    void theNationalAnalystClosesAnyScopeACoordinatorTheirTerritoryAndItsAcisAndTheAuditorNone() {
        String t = territory("frzwho");
        PathwayStream hired = PathwayStream.hired(t, "aci-w", "CVG", "2024-02-12", 20);
        publish(hired, PathwayStream.hired(t, "aci-v", "CVG", "2024-02-13", 20));
        awaitView("/api/reporting/territories/" + t + "?from=2024-02&to=2024-02",
                v -> v.path("totals").path("entered").asLong() == 2);
        Http coordinator = as("coordinator", t, null);

        Http.Response aci = coordinator.post("/api/reporting/frozen-reports",
                "{\"territory\":\"" + t + "\",\"aciId\":\"aci-w\",\"period\":\"2024-02\"}");
        assertThat(aci.status()).as(aci.raw()).isEqualTo(201);
        assertThat(aci.body().path("id").asString()).isEqualTo(t + "~aci-w~2024-02~1");
        assertThat(aci.body().path("level").asString()).isEqualTo("ACI");
        assertThat(aci.body().path("report").path("totals").path("entered").asLong()).isEqualTo(1);
        assertThat(positions(aci.body())).isEqualTo(Map.of(hired.pathwayId, 0L));

        Http.Response lyon = coordinator.post("/api/reporting/frozen-reports",
                "{\"territory\":\"lyon\",\"period\":\"2024-02\"}");
        assertThat(lyon.status()).isEqualTo(403);
        assertThat(lyon.rule()).isEqualTo("territory-not-yours");
        Http.Response territorialAnalyst = as("national-analyst", t, null).post("/api/reporting/frozen-reports",
                "{\"period\":\"2024-02\"}");
        assertThat(territorialAnalyst.status()).isEqualTo(403);
        assertThat(territorialAnalyst.rule()).isEqualTo("national-scope-required");
        assertThat(as("auditor", null, null).post("/api/reporting/frozen-reports",
                "{\"territory\":\"" + t + "\",\"period\":\"2024-02\"}").status()).isEqualTo(403);

        Http.Response national = analyst.post("/api/reporting/frozen-reports", "{\"period\":\"2024-02\"}");
        assertThat(national.status()).as(national.raw()).isIn(201, 409);
        Http cip = as("cip", t, "aci-w");
        assertThat(cip.get("/api/reporting/frozen-reports/" + t + "~aci-w~2024-02~1").status()).isEqualTo(200);
        assertThat(cip.get("/api/reporting/frozen-reports/national~2024-02~1").status()).isEqualTo(403);
        assertThat(as("cip", t, "aci-v").get("/api/reporting/frozen-reports/" + t + "~aci-w~2024-02~1").status())
                .isEqualTo(403);
        assertThat(get(cip, "/api/reporting/frozen-reports").toString()).contains("aci-w").doesNotContain("national~");
    }

    private static Map<String, Long> positions(JsonNode report) {
        Map<String, Long> positions = new HashMap<>();
        report.path("positions").properties().forEach(e -> positions.put(e.getKey(), e.getValue().asLong()));
        return positions;
    }

    private byte[] xlsx(String id, Http caller) throws IOException {
        return download("/api/reporting/frozen-reports/" + id + "/report.xlsx", caller);
    }

    private byte[] download(String path, Http caller) throws IOException {
        Http.Response check = caller.get(path);
        assertThat(check.status()).as(check.raw()).isEqualTo(200);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token("coordinator", path.split("/")[4].split("~")[0], null))
                .GET().build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static Map<String, Double> indicators(byte[] xlsx) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return indicatorsOf(workbook.getSheet("Indicateurs"));
        }
    }

    private static Map<String, Double> indicatorsOf(Sheet sheet) {
        Map<String, Double> values = new HashMap<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(2) != null && row.getCell(2).getCellType()
                    == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                values.put(row.getCell(0).getStringCellValue(), row.getCell(2).getNumericCellValue());
            }
        }
        return values;
    }
}
