package fr.convergence.reporting;

import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.Http;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExportTest extends ReportingIntegrationTest {

    private String seed() {
        String t = territory("export");
        publish(PathwayStream.hired(t, "aci-1", "CVG", "2027-01-10", 20).hours("2027-01", 70)
                        .exited("2027-02-15", "DURABLE_EMPLOYMENT", "CDI", 30),
                PathwayStream.hired(t, "aci-1", "CVG", "2027-01-11", 20)
                        .exited("2027-02-20", "WITHDRAWN", "transfer", 10),
                PathwayStream.hired(t, "aci-2", "PHC", "2027-02-01", 4));
        awaitView("/api/reporting/territories/" + t, v -> v.path("totals").path("entered").asLong() == 3
                && v.path("totals").path("exited").asLong() == 2);
        return t;
    }

    /**
     * The export's bytes as the national team downloads them. The shared {@link Http} client reads bodies as text,
     * which would corrupt a workbook, so this one request goes through the JDK client with the same token.
     */
    private byte[] bytes(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token("national-analyst", null, null)).GET().build();
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

    private static Map<String, Double> indicatorValues(Sheet sheet) {
        Map<String, Double> values = new HashMap<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(2) != null) {
                values.put(row.getCell(0).getStringCellValue(), row.getCell(2).getNumericCellValue());
            }
        }
        return values;
    }

    @Test
    void theXlsxExportOpensWithPoiAndHoldsTheTerritoryFigures() throws IOException {
        String t = seed();

        byte[] xlsx = bytes("/api/reporting/exports/indicators.xlsx?territory=" + t);

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet indicators = workbook.getSheet("Indicateurs");
            assertThat(indicators.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Indicateur");
            Map<String, Double> values = indicatorValues(indicators);
            assertThat(values).containsEntry("entrees", 3.0).containsEntry("sorties", 2.0)
                    .containsEntry("taux_sorties_dynamiques", 1.0).containsEntry("heures_travaillees", 70.0)
                    .containsEntry("duree_mediane_mois", 20.0);
            assertThat(workbook.getSheet("Flux mensuels").getRow(0).getCell(1).getStringCellValue()).isEqualTo("Entrées");
            assertThat(workbook.getSheet("ACI").getLastRowNum()).isEqualTo(2);
        }
    }

    /** Issue 18's figures: one exit to social residence, reached at 6 months in a CDI, one not reached, a profile. */
    private String seedSituation() {
        String t = territory("export18");
        publish(PathwayStream.hired(t, "aci-1", "CVG", "2027-01-10", 20).profile("2027-01-10", "STREET", null)
                        .accompaniment("2027-01-20", "INTERVIEW").accompaniment("2027-01-21", "VISIT_ADMINISTRATIVE")
                        .exited("2027-02-15", "DURABLE_EMPLOYMENT", "CDI", 30, "SOCIAL_RESIDENCE")
                        .followUp("2027-08-15", 6, "CDI", "SOCIAL_RESIDENCE"),
                PathwayStream.hired(t, "aci-1", "CVG", "2027-01-11", 20).profile("2027-01-11", "SOCIAL_HOTEL", null)
                        .exited("2027-02-20", "OTHER_EXIT", "unemployed", 10, "EMERGENCY_SHELTER")
                        .followUp("2027-08-20", 6, "NOT_REACHED", "UNKNOWN"));
        awaitView("/api/reporting/territories/" + t, v -> v.path("totals").path("followUp6").path("contacted").asLong() == 2);
        return t;
    }

    private static Map<String, Row> rowsByFirstCell(Sheet sheet) {
        Map<String, Row> rows = new HashMap<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0) {
                org.apache.poi.ss.usermodel.Cell first = row.getCell(0);
                rows.put(first.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? String.valueOf((long) first.getNumericCellValue()) : first.getStringCellValue(), row);
            }
        }
        return rows;
    }

    @Test
    void theXlsxExportGivesTheNewRatiosWithTheirNumeratorsAndDenominators() throws IOException {
        String t = seedSituation();

        byte[] xlsx = bytes("/api/reporting/exports/indicators.xlsx?territory=" + t);

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, Double> values = indicatorValues(workbook.getSheet("Indicateurs"));
            assertThat(values).containsEntry("personnes_accompagnees", 2.0).containsEntry("part_venant_de_la_rue", 0.5)
                    .containsEntry("sorties_vers_logement_durable", 0.5).containsEntry("en_emploi_6_mois", 1.0);
            Map<String, Row> ratios = rowsByFirstCell(workbook.getSheet("Ratios"));
            Row shelter = ratios.get("sorties_vers_hebergement");
            assertThat(shelter.getCell(2).getNumericCellValue()).isEqualTo(1.0);   // numerator
            assertThat(shelter.getCell(3).getNumericCellValue()).isEqualTo(2.0);   // denominator
            Row employed = ratios.get("en_emploi_6_mois");
            assertThat(employed.getCell(3).getNumericCellValue()).isEqualTo(1.0);  // the person not reached is out
            Row sixMonths = rowsByFirstCell(workbook.getSheet("Suivi après sortie")).get("6");
            assertThat(workbook.getSheet("Suivi après sortie").getRow(0).getCell(3).getStringCellValue())
                    .isEqualTo("Personnes non jointes");
            assertThat(sixMonths.getCell(1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(sixMonths.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(rowsByFirstCell(workbook.getSheet("Sorties par logement")).get("Résidence sociale, pension de famille")
                    .getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(workbook.getSheet("ACI").getRow(0).getCell(6).getStringCellValue()).isEqualTo("Personnes accompagnées");
            // 2 people in one ACI is a small count (issue 19 item 4): the ACI table hides it as "s"
            assertThat(rowsByFirstCell(workbook.getSheet("ACI")).get("aci-1").getCell(6).getStringCellValue())
                    .isEqualTo(fr.convergence.reporting.indicators.SmallCounts.HIDDEN);
        }
    }

    @Test
    void theCsvExportCarriesTheNewIndicatorsAndTheFollowUpTable() {
        String t = seedSituation();

        String text = analyst.get("/api/reporting/exports/indicators.csv?territory=" + t).raw();

        assertThat(text).contains("Indicateurs;personnes_accompagnees;Personnes accompagnées dans la période;2")
                .contains("Ratios;Identifiant=sorties_vers_logement_durable;Numérateur;1")
                .contains("Ratios;Identifiant=sorties_vers_logement_durable;Dénominateur;2")
                .contains("Suivi après sortie;Mois après la sortie=6;Personnes non jointes;1");
    }

    @Test
    void theCsvExportHasFrenchHeadersAndTheTerritoryFigures() {
        String t = seed();

        Http.Response csv = analyst.get("/api/reporting/exports/indicators.csv?territory=" + t);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = csv.raw();
        assertThat(text.lines().findFirst()).contains("Tableau;Dimension;Indicateur;Valeur");
        assertThat(text).contains("Indicateurs;entrees;Entrées;3").contains("Indicateurs;sorties;Sorties;2");
    }
}
