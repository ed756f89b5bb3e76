package fr.convergence.reporting.evaluation;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.security.Role;
import fr.convergence.kit.web.ApiException;
import fr.convergence.reporting.api.ReportQuery;
import fr.convergence.reporting.api.ReportingAccess;
import fr.convergence.reporting.export.CsvExporter;
import fr.convergence.reporting.export.Table;
import fr.convergence.reporting.export.XlsxExporter;
import fr.convergence.reporting.indicators.Filter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluators' pseudonymised extract (issue 19 item 5): one row per pathway, coded values only, with its data
 * dictionary. For the evaluator role and the national analyst (who answers the evaluators' questions and checks what
 * leaves), both with a national token. Every extract download is recorded first ({@link DownloadLog}); administrators
 * and auditors read that record.
 */
@RestController
@RequestMapping("/api/reporting/exports")
public class EvaluationController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final EvaluationExtract extract;
    private final DownloadLog log;

    public EvaluationController(EvaluationExtract extract, DownloadLog log) {
        this.extract = extract;
        this.log = log;
    }

    @GetMapping("/evaluation.csv")
    @PreAuthorize("hasAnyRole('EVALUATOR','NATIONAL_ANALYST')")
    public ResponseEntity<byte[]> csv(Caller caller, @RequestParam(required = false) String territory,
                                      @RequestParam(required = false) String programme,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to) {
        List<List<Object>> rows = rows(caller, "csv", territory, programme, from, to);
        return file(CSV, "evaluation.csv", CsvExporter.writeTable(new Table("Extrait", EvaluationExtract.headers(), rows)).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/evaluation.xlsx")
    @PreAuthorize("hasAnyRole('EVALUATOR','NATIONAL_ANALYST')")
    public ResponseEntity<byte[]> xlsx(Caller caller, @RequestParam(required = false) String territory,
                                       @RequestParam(required = false) String programme,
                                       @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to) {
        List<List<Object>> rows = rows(caller, "xlsx", territory, programme, from, to);
        return file(XLSX, "evaluation.xlsx", XlsxExporter.write(List.of(
                new Table("Extrait", EvaluationExtract.headers(), rows), EvaluationExtract.dictionary())));
    }

    /** The data dictionary alone (no data, so not recorded). */
    @GetMapping("/evaluation-dictionary.csv")
    @PreAuthorize("hasAnyRole('EVALUATOR','NATIONAL_ANALYST')")
    public ResponseEntity<byte[]> dictionary(Caller caller) {
        requireNational(caller);
        Table d = EvaluationExtract.dictionary();
        return file(CSV, "evaluation-dictionnaire.csv", CsvExporter.writeTable(d).getBytes(StandardCharsets.UTF_8));
    }

    /** Who downloaded which extract, newest first. */
    @GetMapping("/evaluation-downloads")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    public List<DownloadLog.Download> downloads() {
        return log.latest();
    }

    private List<List<Object>> rows(Caller caller, String format, String territory, String programme, String from,
                                    String to) {
        requireNational(caller);
        String code = territory == null ? null : ReportQuery.territory(territory, "territory");
        Filter filter = ReportQuery.parse(code, null, from, to, programme);
        List<List<Object>> rows = extract.rows(code, filter.programme(), filter.from(), filter.to());
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("territory", code);
        filters.put("programme", filter.programme());
        filters.put("from", filter.from() == null ? null : filter.from().toString());
        filters.put("to", filter.to() == null ? null : filter.to().toString());
        // recorded before the extract is sent: no extract leaves unrecorded (a failed record fails the download)
        log.record(caller.userId(), caller.role().claim(), format, rows.size(), filters);
        return rows;
    }

    private static void requireNational(Caller caller) {
        boolean allowed = caller.is(Role.EVALUATOR) ? caller.national() : ReportingAccess.national(caller);
        if (!allowed) {
            throw new ApiException(HttpStatus.FORBIDDEN, "national-scope-required", null,
                    "the evaluation extract is for the national team and the evaluators, with a national token");
        }
    }

    private static ResponseEntity<byte[]> file(MediaType type, String name, byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
