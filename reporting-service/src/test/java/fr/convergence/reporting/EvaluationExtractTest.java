package fr.convergence.reporting;

import fr.convergence.reporting.support.ParticipantStream;
import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.Http;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluators' pseudonymised extract (issue 19 item 5), downloaded over HTTP and scanned for personal data: no
 * platform id (PSN-…, the pathway's id), no name of the demo data, no date (a birth date or any other day), no free
 * text — every cell must be a number, a code, a month, an age band, the territory or a keyed pseudonym.
 */
class EvaluationExtractTest extends ReportingIntegrationTest {

    private static final Pattern ALLOWED = Pattern.compile(
            "|-?\\d+(\\.\\d+)?|[A-Z][A-Z0-9_]*(\\|[A-Z][A-Z0-9_]*)*|\\d{4}-\\d{2}|[PS][0-9a-f]{20}|<26|26-34|35-44|45-54|55\\+");

    /** The names the demo data gives people (deploy's DemoDataLoader), which must never appear in an extract. */
    private static List<String> demoNames() throws IOException {
        String source = Files.readString(Path.of("../deploy/src/main/java/fr/convergence/deploy/demo/DemoDataLoader.java"));
        List<String> names = new ArrayList<>();
        for (String array : List.of("FIRST", "LAST")) {
            Matcher m = Pattern.compile(array + "\\s*=\\s*\\{([^}]*)}").matcher(source);
            assertThat(m.find()).as("the demo names " + array).isTrue();
            Matcher quoted = Pattern.compile("\"([^\"]+)\"").matcher(m.group(1));
            while (quoted.find()) {
                names.add(quoted.group(1));
            }
        }
        assertThat(names).hasSizeGreaterThan(10);
        return names;
    }

    /** What in these rows is personal data or free text (empty: nothing). */
    static List<String> personalData(List<List<String>> rows, String territory, List<String> forbidden)
            throws IOException {
        List<String> found = new ArrayList<>();
        List<String> names = demoNames();
        for (List<String> row : rows) {
            for (String cell : row) {
                if (cell.contains("PSN-")) {
                    found.add("participant id: " + cell);
                }
                forbidden.stream().filter(cell::contains).forEach(id -> found.add("platform id: " + cell));
                names.stream().filter(n -> Pattern.compile("\\b" + Pattern.quote(n) + "\\b").matcher(cell).find())
                        .forEach(n -> found.add("name " + n + ": " + cell));
                if (cell.matches(".*\\d{4}-\\d{2}-\\d{2}.*")) {
                    found.add("a date: " + cell);
                }
                if (!cell.equals(territory) && !ALLOWED.matcher(cell).matches()) {
                    found.add("not a coded value (free text?): " + cell);
                }
            }
        }
        return found;
    }

    @Test
    void theScanFindsWhatItLooksFor() throws IOException {
        List<String> found = personalData(List.of(List.of("PSN-K7Q2M4XZB3TZ", "Sophie", "1984-03-12",
                "a pris un CDI", "abc-123")), "paris", List.of("abc-123"));
        assertThat(found).anyMatch(f -> f.startsWith("participant id")).anyMatch(f -> f.startsWith("name Sophie"))
                .anyMatch(f -> f.startsWith("a date")).anyMatch(f -> f.startsWith("platform id"))
                .anyMatch(f -> f.equals("not a coded value (free text?): a pris un CDI"));
        assertThat(personalData(List.of(List.of("paris", "CDI", "2022-01", "12.5", "<26", "HEALTH|HOUSING",
                "P0123456789abcdef0123", "")), "paris", List.of("abc-123"))).isEmpty();
    }

    @Test
    void oneRowPerPathwayNothingPersonalStablePseudonymsAndEveryDownloadRecorded() throws Exception {
        String t = territory("evaluation");
        PathwayStream first = PathwayStream.hired(t, "aci-e1", "CVG", "2022-01-10", 20).profile("2022-01-10", "STREET", null)
                .event("BarrierAssessed", "2022-01-20", Map.of("domain", "HEALTH", "intensity", "HIGH", "handling", "PARTNER"))
                .accompaniment("2022-02-01", "INTERVIEW").hours("2022-02", 70)
                .exited("2022-06-15", "DURABLE_EMPLOYMENT", "CDI", 5, "SOCIAL_RESIDENCE")
                .followUp("2022-12-15", 6, "CDI", "DURABLE_HOUSING");
        PathwayStream second = PathwayStream.hired(t, "aci-e1", "PHC", "2022-02-01", 4)
                .exited("2022-04-01", "OTHER_EXIT", "sans nouvelles de Sophie", 2);
        PathwayStream third = PathwayStream.hired(t, "aci-e2", "CVG", "2022-03-01", 20);
        publish(new ParticipantStream(t).territoryCreated("Évalville").registered(first.participantId, "aci-e1", "35-44")
                .registered(second.participantId, "aci-e1", "<26"));
        publish(first, second, third);
        awaitView("/api/reporting/territories/" + t, v -> v.path("totals").path("exited").asLong() == 2
                && StreamSupport.stream(v.path("ageBands").spliterator(), false)
                        .anyMatch(b -> b.path("code").asString().equals("35-44") && b.path("peopleSupported").asLong() == 1));
        awaitView("/api/reporting/territories/" + t, v -> v.path("totals").path("entered").asLong() == 3);

        String evaluator = token("evaluator", null, null);
        List<CSVRecord> extract = csv(download(evaluator, "/api/reporting/exports/evaluation.csv?territory=" + t));
        assertThat(extract).as("one row per pathway").hasSize(3);
        List<List<String>> rows = extract.stream().map(r -> r.stream().toList()).toList();
        List<String> ids = new ArrayList<>();
        for (PathwayStream s : List.of(first, second, third)) {
            ids.add(s.pathwayId);
            ids.add(s.participantId);
        }
        assertThat(personalData(rows, t, ids)).isEmpty();

        CSVRecord older = extract.stream().filter(r -> r.get("tranche_age").equals("35-44")).findFirst().orElseThrow();
        assertThat(older.get("programme_entree")).isEqualTo("CVG");
        assertThat(older.get("mois_entree")).isEqualTo("2022-01");
        assertThat(older.get("mois_sortie")).isEqualTo("2022-06");
        assertThat(older.get("duree_mois")).isEqualTo("5");
        assertThat(older.get("logement_entree")).isEqualTo("STREET");
        assertThat(older.get("freins")).isEqualTo("HEALTH");
        assertThat(older.get("entretiens")).isEqualTo("1");
        assertThat(older.get("categorie_sortie")).isEqualTo("DURABLE_EMPLOYMENT");
        assertThat(older.get("motif_sortie")).isEqualTo("CDI");
        assertThat(older.get("logement_sortie")).isEqualTo("SOCIAL_RESIDENCE");
        assertThat(older.get("suivi_6_mois_emploi")).isEqualTo("CDI");
        assertThat(older.get("suivi_6_mois_logement")).isEqualTo("DURABLE_HOUSING");
        assertThat(older.get("id_parcours")).startsWith("P").hasSize(21);
        // a reason typed as free text never leaves as it was typed
        CSVRecord young = extract.stream().filter(r -> r.get("tranche_age").equals("<26")).findFirst().orElseThrow();
        assertThat(young.get("motif_sortie")).isEqualTo("NON_CODE");
        assertThat(extract.stream().filter(r -> r.get("tranche_age").equals("UNKNOWN"))).hasSize(1);

        // the same pseudonyms in the next download, and in the workbook with its French dictionary
        List<CSVRecord> again = csv(download(evaluator, "/api/reporting/exports/evaluation.csv?territory=" + t));
        assertThat(again.stream().map(r -> r.get("id_parcours")).sorted().toList())
                .isEqualTo(extract.stream().map(r -> r.get("id_parcours")).sorted().toList());
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes(evaluator,
                "/api/reporting/exports/evaluation.xlsx?territory=" + t)))) {
            assertThat(workbook.getSheet("Extrait").getLastRowNum()).isEqualTo(3);
            assertThat(workbook.getSheet("Dictionnaire").getRow(0).getCell(1).getStringCellValue()).isEqualTo("Libellé");
            assertThat(workbook.getSheet("Dictionnaire").getLastRowNum()).isEqualTo(extract.get(0).size());
        }
        String dictionary = download(evaluator, "/api/reporting/exports/evaluation-dictionary.csv");
        assertThat(dictionary).startsWith("Variable;Libellé;Type;Valeurs possibles;Définition")
                .contains("tranche_age;Tranche d'âge").contains("Jamais de date de naissance");

        // every extract download is recorded (who, when, rows, filters), for administrators and auditors only
        JsonNode log = get(as("auditor", null, null), "/api/reporting/exports/evaluation-downloads");
        List<JsonNode> mine = StreamSupport.stream(log.spliterator(), false)
                .filter(d -> t.equals(d.path("filters").path("territory").asString())).toList();
        assertThat(mine).hasSize(3);
        assertThat(mine).allSatisfy(d -> {
            assertThat(d.path("role").asString()).isEqualTo("evaluator");
            assertThat(d.path("rows").asInt()).isEqualTo(3);
            assertThat(d.path("userId").asString()).isNotBlank();
            assertThat(d.path("at").asString()).isNotBlank();
        });
        assertThat(mine).extracting(d -> d.path("format").asString()).containsExactlyInAnyOrder("csv", "csv", "xlsx");
        assertThat(as("evaluator", null, null).get("/api/reporting/exports/evaluation-downloads").status()).isEqualTo(403);
        // an evaluator's token bound to a territory is not the national evaluation's
        Http.Response territorial = as("evaluator", t, null).get("/api/reporting/exports/evaluation.csv");
        assertThat(territorial.status()).isEqualTo(403);
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    private String download(String token, String path) throws Exception {
        return new String(bytes(token, path), java.nio.charset.StandardCharsets.UTF_8);
    }

    private byte[] bytes(String token, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
