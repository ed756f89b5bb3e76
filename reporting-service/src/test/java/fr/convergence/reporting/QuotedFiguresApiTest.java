package fr.convergence.reporting;

import fr.convergence.reporting.support.ParticipantStream;
import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.Http;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 item 3 end to end: the participant stream (reference data and age bands) and the pathway stream, through
 * Kafka, read back as the figures the programme quotes — names instead of codes, ACI per territory, age bands
 * (hidden below territory level for the national team and in exports), exits to employment and to housing or shelter.
 */
class QuotedFiguresApiTest extends ReportingIntegrationTest {

    private static final String PERIOD = "?from=2019-01&to=2019-06";

    private record Seeded(String territory, PathwayStream young1, PathwayStream young2, PathwayStream older,
                          PathwayStream unregistered) {
    }

    private Seeded seed() {
        String t = territory("quoted");
        PathwayStream young1 = PathwayStream.hired(t, "aci-q1", "CVG", "2019-01-10", 20)
                .exited("2019-03-10", "DURABLE_EMPLOYMENT", "CDI", 2, "SOCIAL_RESIDENCE");
        PathwayStream young2 = PathwayStream.hired(t, "aci-q1", "CVG", "2019-01-12", 20)
                .exited("2019-03-20", "TRANSITION_EMPLOYMENT", "CDD_UNDER_6_MONTHS", 2, "EMERGENCY_SHELTER");
        PathwayStream older = PathwayStream.hired(t, "aci-q2", "PHC", "2019-02-01", 4)
                .event("BarrierAssessed", "2019-02-05", Map.of("domain", "RIGHTS_ADMINISTRATIVE", "intensity", "HIGH",
                        "handling", "PARTNER"));
        PathwayStream unregistered = PathwayStream.hired(t, "aci-q2", "PHC", "2019-02-03", 4);
        ParticipantStream reference = new ParticipantStream(t).territoryCreated("Ville provisoire")
                .territoryChanged("Quotedville")
                .aci(false, "aci-q1", "Emmaüs Défi", null, null)
                .aci(false, "aci-q2", "Ateliers du Bocage", "2018-06-01", null)
                .aci(false, "aci-q3", "Ancien chantier", "2010-01-01", "2017-12-31")
                .registered(young1.participantId, "aci-q1", "<26")
                .registered(young2.participantId, "aci-q1", "<26")
                .registered(older.participantId, "aci-q2", "55+")
                // a type this version does not know, and a field it does not know: both ignored
                .add("AciMerged", t, "aci-q3", null, Map.of("into", "aci-q1"));
        publish(reference);
        // the same registration delivered again (after a crash): a duplicate, nothing counted twice
        send(reference.topic(), older.participantId, reference.records().get(7)[1]);
        publish(young1, young2, older, unregistered);
        awaitView("/api/reporting/territories/" + t + PERIOD, v -> v.path("totals").path("exited").asLong() == 2
                && v.path("totals").path("barrierPeople").asLong() == 1
                && "Quotedville".equals(v.path("territoryName").asString())
                && band(v, "55+").asLong() == 1 && band(v, "<26").asLong() == 2);
        return new Seeded(t, young1, young2, older, unregistered);
    }

    private static JsonNode band(JsonNode report, String code) {
        for (JsonNode b : report.path("ageBands")) {
            if (b.path("code").asString().equals(code)) {
                return b.path("peopleSupported");
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void theTerritoryViewNamesItsAcisCountsThemAndSplitsPeopleByAgeBand() {
        Seeded s = seed();
        String t = s.territory();
        Http coordinator = as("coordinator", t, null);
        JsonNode view = get(coordinator, "/api/reporting/territories/" + t + PERIOD);

        assertThat(view.path("territoryName").asString()).isEqualTo("Quotedville");
        // aci-q3 left the programme before 2019; the two others were in
        assertThat(view.path("aciCount").asLong()).isEqualTo(2);
        Map<String, String> names = new LinkedHashMap<>();
        view.path("breakdown").forEach(b -> names.put(b.path("code").asString(), b.path("name").asString()));
        assertThat(names).containsExactly(Map.entry("aci-q2", "Ateliers du Bocage"), Map.entry("aci-q1", "Emmaüs Défi"));
        assertThat(view.path("totals").path("peopleSupported").asLong()).isEqualTo(4);
        assertThat(band(view, "<26").asLong()).isEqualTo(2);
        assertThat(band(view, "55+").asLong()).isEqualTo(1);
        assertThat(band(view, "UNKNOWN").asLong()).as("no registration received").isEqualTo(1);
        assertThat(view.path("ageBands").get(0).path("label").asString()).isEqualTo("Moins de 26 ans");
        JsonNode employment = view.path("totals").path("exitsToEmployment");
        assertThat(employment.path("numerator").asLong()).isEqualTo(2);
        assertThat(employment.path("denominator").asLong()).isEqualTo(2);
        JsonNode housing = view.path("totals").path("exitsToHousingOrShelter");
        assertThat(housing.path("numerator").asLong()).isEqualTo(2);
        assertThat(housing.path("value").asDouble()).isEqualTo(1.0);

        // the national view: the territory's row is named and counts its ACI; the selector's list names it too
        JsonNode national = get("/api/reporting/national" + PERIOD);
        JsonNode row = StreamSupport.stream(national.path("breakdown").spliterator(), false)
                .filter(b -> b.path("code").asString().equals(t)).findFirst().orElseThrow();
        assertThat(row.path("name").asString()).isEqualTo("Quotedville");
        assertThat(row.path("aciCount").asLong()).isEqualTo(2);
        assertThat(get("/api/reporting/territories").path("names").path(t).asString()).isEqualTo("Quotedville");

        // an ACI's age bands are below territory level: 2 people under 26 are hidden from the national team (with a
        // second cell, or the 2 people supported would give them back); the territory's coordinator reads them
        JsonNode aciForAnalyst = get("/api/reporting/territories/" + t + "/acis/aci-q1" + PERIOD);
        assertThat(aciForAnalyst.path("aciName").asString()).isEqualTo("Emmaüs Défi");
        assertThat(band(aciForAnalyst, "<26").isNull()).isTrue();
        assertThat(StreamSupport.stream(aciForAnalyst.path("ageBands").spliterator(), false)
                .filter(b -> b.path("peopleSupported").isNull()).count()).isEqualTo(2);
        assertThat(band(get(coordinator, "/api/reporting/territories/" + t + "/acis/aci-q1" + PERIOD), "<26").asLong())
                .isEqualTo(2);

        // every code has a French label to be read by
        JsonNode labels = get(coordinator, "/api/reporting/labels");
        assertThat(labels.path("barrierDomains").path("RIGHTS_ADMINISTRATIVE").asString())
                .isEqualTo("Droits, démarches administratives");
        assertThat(labels.path("ageBands").path("55+").asString()).isEqualTo("55 ans et plus");
    }

    @Test
    void exportsAndFrozenReportsReadNamesAndFrenchLabelsWithTheCodesAsExtraColumns() throws IOException {
        Seeded s = seed();
        String t = s.territory();
        try (Workbook workbook = workbook("/api/reporting/exports/indicators.xlsx?territory=" + t + "&from=2019-01&to=2019-06")) {
            Map<String, String> scope = column(workbook.getSheet("Périmètre"), 0, 1);
            assertThat(scope).containsEntry("Territoire", "Quotedville").containsEntry("Code du territoire", t);
            Sheet acis = workbook.getSheet("ACI");
            assertThat(text(acis.getRow(0).getCell(7))).isEqualTo("Identifiant de l'ACI");
            assertThat(column(acis, 0, 7)).containsEntry("Ateliers du Bocage", "aci-q2").containsEntry("Emmaüs Défi", "aci-q1");
            assertThat(column(workbook.getSheet("Freins par domaine"), 0, 2))
                    .containsExactly(Map.entry("Droits, démarches administratives", "RIGHTS_ADMINISTRATIVE"));
            assertThat(column(workbook.getSheet("Sorties par motif"), 0, 2))
                    .containsEntry("CDD de moins de 6 mois", "CDD_UNDER_6_MONTHS");
            assertThat(column(workbook.getSheet("Sorties par catégorie"), 0, 1)).containsEntry("Emploi durable", "1");
            assertThat(column(workbook.getSheet("Tranches d'âge"), 0, 1)).containsEntry("Moins de 26 ans", "2")
                    .containsEntry("55 ans et plus", "1").containsEntry("Non renseignée", "1");
            Map<String, String> indicators = column(workbook.getSheet("Indicateurs"), 0, 2);
            assertThat(indicators).containsEntry("nombre_aci", "2").containsEntry("sorties_vers_emploi", "1")
                    .containsEntry("sorties_vers_logement_ou_hebergement", "1");
            // no code where a person reads the first column of a table
            for (Sheet sheet : workbook) {
                if (!sheet.getSheetName().equals("Indicateurs") && !sheet.getSheetName().equals("Ratios")
                        && !sheet.getSheetName().equals("Définitions")) {
                    for (String first : column(sheet, 0, 0).keySet()) {
                        assertThat(first).as(sheet.getSheetName()).doesNotMatch("aci-q\\d|[A-Z]+_[A-Z_]+");
                    }
                }
            }
        }
        // one ACI's export: its age bands are small counts, hidden whoever downloads it
        try (Workbook workbook = workbook("/api/reporting/exports/indicators.xlsx?territory=" + t
                + "&aciId=aci-q1&from=2019-01&to=2019-06")) {
            assertThat(column(workbook.getSheet("Périmètre"), 0, 1)).containsEntry("ACI", "Emmaüs Défi");
            assertThat(column(workbook.getSheet("Tranches d'âge"), 0, 1)).containsEntry("Moins de 26 ans", "s");
        }

        // a frozen report of the quarter carries the same names
        Http coordinator = as("coordinator", t, null);
        Http.Response closed = coordinator.send("POST", "/api/reporting/frozen-reports",
                "{\"territory\":\"" + t + "\",\"period\":\"2019-Q1\"}");
        assertThat(closed.status()).isEqualTo(201);
        JsonNode frozen = closed.body().path("report");
        assertThat(frozen.path("territoryName").asString()).isEqualTo("Quotedville");
        assertThat(frozen.path("aciCount").asLong()).isEqualTo(2);
        try (Workbook workbook = workbook("/api/reporting/frozen-reports/" + t + "~2019-Q1~1/report.xlsx")) {
            assertThat(column(workbook.getSheet("Périmètre"), 0, 1)).containsEntry("Territoire", "Quotedville");
            assertThat(column(workbook.getSheet("ACI"), 0, 7)).containsKeys("Emmaüs Défi", "Ateliers du Bocage");
            assertThat(column(workbook.getSheet("Rapport figé"), 0, 1).get("Par")).endsWith("(coordination territoriale)");
        }
    }

    private Workbook workbook(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token("national-analyst", null, null)).GET().build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String text(Cell cell) {
        return cell == null ? "" : new DataFormatter(java.util.Locale.ROOT).formatCellValue(cell);
    }

    /** Column {@code key} → column {@code value} of every row under the header, as a person reads them. */
    private static Map<String, String> column(Sheet sheet, int key, int value) {
        assertThat(sheet).as("sheet").isNotNull();
        Map<String, String> values = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        sheet.forEach(rows::add);
        for (Row row : rows.subList(1, rows.size())) {
            values.put(text(row.getCell(key)), text(row.getCell(value)));
        }
        return values;
    }
}
