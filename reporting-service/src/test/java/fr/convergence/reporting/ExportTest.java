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
