package fr.convergence.reporting;

import fr.convergence.reporting.support.ParticipantStream;
import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.Http;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A frozen version as a PDF (issue 19 item 1), read back with PDFBox's text extraction. */
class FrozenReportPdfTest extends ReportingIntegrationTest {

    @Test
    void thePdfOfASecondVersionAndOfTheLiveReportGiveScopePeriodFiguresTargetsAndChangesInFrench() throws Exception {
        String t = territory("pdf");
        PathwayStream first = PathwayStream.hired(t, "aci-p1", "CVG", "2020-01-10", 20);
        PathwayStream second = PathwayStream.hired(t, "aci-p2", "PHC", "2020-02-05", 4);
        publish(new ParticipantStream(t).territoryCreated("Pdfville").aci(false, "aci-p1", "Chantier de l'Écluse", null, null)
                .aci(false, "aci-p2", "Atelier du Port", null, null));
        publish(first, second);
        awaitView("/api/reporting/territories/" + t + "?from=2020-01&to=2020-03",
                v -> v.path("totals").path("entered").asLong() == 2 && "Pdfville".equals(v.path("territoryName").asString()));
        assertThat(analyst.send("PUT", "/api/reporting/targets/" + t + "-2020", "{\"funderKind\":\"CITY\","
                + "\"funderName\":\"Ville de Pdfville\",\"agreement\":\"Convention communale 2020\",\"territory\":\"" + t
                + "\",\"from\":\"2020-01\",\"to\":\"2020-12\",\"indicator\":\"entrees\",\"target\":8}").status())
                .isEqualTo(201);
        Http coordinator = as("coordinator", t, null);
        assertThat(coordinator.post("/api/reporting/frozen-reports", "{\"territory\":\"" + t + "\",\"period\":\"2020-Q1\"}")
                .status()).isEqualTo(201);
        first.exited("2020-03-15", "DURABLE_EMPLOYMENT", "CDI", 2);
        publish(first);
        awaitView("/api/reporting/territories/" + t + "?from=2020-01&to=2020-03",
                v -> v.path("totals").path("exited").asLong() == 1);
        assertThat(coordinator.post("/api/reporting/frozen-reports", "{\"territory\":\"" + t + "\",\"period\":\"2020-Q1\","
                + "\"newVersion\":true,\"reason\":\"LATE_EVENTS\",\"note\":\"sortie saisie en avril\"}").status())
                .isEqualTo(201);

        String text = text(t + "~2020-Q1~2", token("coordinator", t, null));
        assertThat(text).contains("Rapport figé — Territoire Pdfville")
                .contains("Période : Trimestre 1 2020 (2020-01 à 2020-03)")
                .contains("Version : 2")
                .contains("(coordination territoriale)")
                .contains("Motif : Événements saisis après la clôture — sortie saisie en avril")
                .contains("Entrées : 2").contains("Sorties : 1")
                .contains("Convention communale 2020 (Ville de Pdfville) — Entrées : réalisé 2 pour un objectif de 8, "
                        + "soit 25,0 %")
                .contains("Changements depuis la version 1").contains("Sorties : 0 -> 1")
                .contains("Taux de sorties dynamiques : — -> 100,0 %")
                .contains("Chantier de l'Écluse").contains("Atelier du Port");
        // the live report of the same quarter, as a PDF too: today's figures, the same scope names and target
        String live = pdfText("/api/reporting/exports/indicators.pdf?territory=" + t + "&from=2020-01&to=2020-03",
                token("coordinator", t, null));
        assertThat(live).contains("Rapport — Territoire Pdfville").contains("Période : 2020-01 à 2020-03")
                .contains("Entrées : 2").contains("Sorties : 1").contains("réalisé 2 pour un objectif de 8, soit 25,0 %")
                .contains("Atelier du Port");
        // the first version, as it was closed: no exit, nothing changed
        String first1 = text(t + "~2020-Q1~1", token("national-analyst", null, null));
        assertThat(first1).contains("Version : 1").contains("Sorties : 0")
                .contains("Changements : aucune version précédente")
                // read by the national team, the ACI rows' small counts are hidden as in every export
                .contains("entrées s");
    }

    private String text(String id, String token) throws Exception {
        return pdfText("/api/reporting/frozen-reports/" + id + "/report.pdf", token);
    }

    private String pdfText(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getDocumentInformation().getTitle()).contains("Pdfville");
            return new PDFTextStripper().getText(pdf);
        }
    }
}
