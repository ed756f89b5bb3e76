package fr.convergence.reporting;

import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.Http;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Funding agreements' targets over HTTP (issue 19 item 2): set, refused, read by scope, shown against the figures. */
class TargetsApiTest extends ReportingIntegrationTest {

    private static String body(String territory, String from, String to, String indicator, Object target) {
        return "{\"funderKind\":\"CITY\",\"funderName\":\"Ville de Cibleville\",\"agreement\":\"Convention " + from
                + "\"," + (territory == null ? "" : "\"territory\":\"" + territory + "\",") + "\"from\":\"" + from
                + "\",\"to\":\"" + to + "\",\"indicator\":\"" + indicator + "\",\"target\":" + target + "}";
    }

    private static JsonNode targetOf(JsonNode report, String id) {
        return StreamSupport.stream(report.path("targets").spliterator(), false)
                .filter(t -> t.path("id").asString().equals(id)).findFirst().orElse(null);
    }

    @Test
    void theNationalProgrammeTargetsAreSeededAtStart() {
        JsonNode targets = get("/api/reporting/targets");
        List<String> ids = StreamSupport.stream(targets.spliterator(), false).map(t -> t.path("id").asString()).toList();
        assertThat(ids).contains("programme-salaries-2026", "programme-phc-nouveaux-territoires");
        JsonNode salaries = StreamSupport.stream(targets.spliterator(), false)
                .filter(t -> t.path("id").asString().equals("programme-salaries-2026")).findFirst().orElseThrow();
        assertThat(salaries.path("indicator").asString()).isEqualTo("personnes_accompagnees");
        assertThat(salaries.path("target").asDouble()).isEqualTo(1700.0);
        // the national view of 2026 is compared with it
        JsonNode national = get("/api/reporting/national?from=2026-01&to=2026-12");
        assertThat(targetOf(national, "programme-salaries-2026").path("target").asDouble()).isEqualTo(1700.0);
        assertThat(targetOf(national, "programme-phc-nouveaux-territoires")).as("a PHC target, all programmes shown")
                .isNull();
        assertThat(targetOf(get("/api/reporting/national?from=2026-01&to=2026-12&programme=PHC"),
                "programme-phc-nouveaux-territoires")).isNotNull();
    }

    @Test
    void anAnalystSetsATerritoryTargetItsCoordinatorReadsItAgainstTheFiguresAndARefusalChangesNothing() throws Exception {
        String t = territory("targets");
        publish(PathwayStream.hired(t, "aci-1", "CVG", "2021-01-10", 20),
                PathwayStream.hired(t, "aci-1", "CVG", "2021-02-10", 20),
                PathwayStream.hired(t, "aci-2", "PHC", "2021-03-10", 4));
        awaitView("/api/reporting/territories/" + t, v -> v.path("totals").path("entered").asLong() == 3);
        String id = t + "-2021";
        Http.Response created = analyst.send("PUT", "/api/reporting/targets/" + id, body(t, "2021-01", "2021-12", "entrees", 12));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(analyst.send("PUT", "/api/reporting/targets/" + id, body(t, "2021-01", "2021-12", "entrees", 6))
                .status()).isEqualTo(200);

        // each refusal is a 400 problem+json naming the field and the rule, and leaves the stored target as it was
        String[][] refusals = {
                {body(t, "2021-01", "2021-12", "no_such_indicator", 6), "indicator", "unknown-indicator"},
                {body(t, "2021-12", "2021-01", "entrees", 6), "to", "bad-period"},
                {body(t, "2021-01", "2021-12", "entrees", -3), "target", "negative-target"},
                {body("nowhere-" + t, "2021-01", "2021-12", "entrees", 6), "territory", "unknown-scope"},
                {body(t, "2021-01", "2021-12", "entrees", 6).replace("CITY", "BANK"), "funderKind", "unknown-funder"}};
        for (String[] refusal : refusals) {
            Http.Response r = analyst.send("PUT", "/api/reporting/targets/" + id, refusal[0]);
            assertThat(r.status()).as(refusal[1]).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.body().path("field").asString()).isEqualTo(refusal[1]);
            assertThat(r.body().path("rule").asString()).isEqualTo(refusal[2]);
        }
        Http coordinator = as("coordinator", t, null);
        JsonNode mine = StreamSupport.stream(get(coordinator, "/api/reporting/targets").spliterator(), false)
                .filter(x -> x.path("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(mine.path("target").asDouble()).as("the refused updates changed nothing").isEqualTo(6.0);
        assertThat(mine.path("indicator").asString()).isEqualTo("entrees");
        // a coordinator reads their territory's targets only, and sets none
        assertThat(get(as("coordinator", "elsewhere", null), "/api/reporting/targets").toString()).doesNotContain(id);
        assertThat(coordinator.send("PUT", "/api/reporting/targets/" + id, body(t, "2021-01", "2021-12", "entrees", 1))
                .status()).isEqualTo(403);

        // actual against target: the year's 3 entries of 6 expected; a quarter shows the progress so far
        JsonNode year = targetOf(get(coordinator, "/api/reporting/territories/" + t + "?from=2021-01&to=2021-12"), id);
        assertThat(year.path("actual").asDouble()).isEqualTo(3.0);
        assertThat(year.path("reached").asDouble()).isEqualTo(0.5);
        assertThat(year.path("indicatorLabel").asString()).isEqualTo("Entrées");
        assertThat(targetOf(get(coordinator, "/api/reporting/territories/" + t + "?from=2021-01&to=2021-02"), id)
                .path("actual").asDouble()).isEqualTo(2.0);

        // the export's Objectifs sheet, read back with POI
        try (Workbook workbook = workbook("/api/reporting/exports/indicators.xlsx?territory=" + t + "&from=2021-01&to=2021-12")) {
            Sheet sheet = workbook.getSheet("Objectifs");
            Row row = sheet.getRow(1);
            DataFormatter text = new DataFormatter(Locale.ROOT);
            assertThat(text.formatCellValue(row.getCell(0))).isEqualTo("Convention 2021-01");
            assertThat(text.formatCellValue(row.getCell(2))).isEqualTo("Ville");
            assertThat(text.formatCellValue(row.getCell(3))).isEqualTo("Entrées");
            assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(6.0);
            assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(3.0);
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(0.5);
            assertThat(text.formatCellValue(row.getCell(10))).isEqualTo(id);
        }

        // a frozen year keeps the target as it was at closing, whatever is set later
        Http.Response closed = coordinator.send("POST", "/api/reporting/frozen-reports",
                "{\"territory\":\"" + t + "\",\"period\":\"2021\"}");
        assertThat(closed.status()).isEqualTo(201);
        assertThat(analyst.send("PUT", "/api/reporting/targets/" + id, body(t, "2021-01", "2021-12", "entrees", 30))
                .status()).isEqualTo(200);
        JsonNode frozen = targetOf(get(coordinator, "/api/reporting/frozen-reports/" + t + "~2021~1").path("report"), id);
        assertThat(frozen.path("target").asDouble()).isEqualTo(6.0);
        assertThat(frozen.path("reached").asDouble()).isEqualTo(0.5);
        assertThat(targetOf(get(coordinator, "/api/reporting/territories/" + t + "?from=2021-01&to=2021-12"), id)
                .path("target").asDouble()).isEqualTo(30.0);
    }

    private Workbook workbook(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token("national-analyst", null, null)).GET().build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
    }
}
