package fr.convergence.reporting.frozen;

import fr.convergence.kit.security.Caller;
import fr.convergence.reporting.api.ReportingAccess;
import fr.convergence.reporting.export.CsvExporter;
import fr.convergence.reporting.indicators.SmallCounts;
import fr.convergence.reporting.export.XlsxExporter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Frozen period reports (issue 19, item 1): close a period for a scope, list and read the versions, download one
 * as XLSX or CSV. Who may close or read which scope is {@code ReportingAccess}'s rule.
 */
@RestController
@RequestMapping("/api/reporting/frozen-reports")
public class FrozenReportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String READERS =
            "hasAnyRole('CIP','PARTNERSHIP_OFFICER','COORDINATOR','NATIONAL_ANALYST','AUDITOR')";

    private final FrozenReportService service;

    public FrozenReportController(FrozenReportService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('NATIONAL_ANALYST','COORDINATOR')")
    public ResponseEntity<FrozenReport> close(Caller caller, @RequestBody(required = false) CloseRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.close(caller, request));
    }

    @GetMapping
    @PreAuthorize(READERS)
    public List<FrozenReport.Summary> list(Caller caller) {
        return service.list(caller);
    }

    @GetMapping("/{reportId}")
    @PreAuthorize(READERS)
    public FrozenReport get(Caller caller, @PathVariable String reportId) {
        FrozenReport frozen = service.get(caller, reportId);
        // As the live territory view: the national team reads a territory's ACI rows with small counts hidden.
        if (!ReportingAccess.smallCountsHidden(caller)) {
            return frozen;
        }
        FrozenReport f = frozen;
        return new FrozenReport(f.id(), f.level(), f.territory(), f.aciId(), f.period(), f.periodKind(),
                f.periodLabel(), f.version(), f.closedAt(), f.closedBy(), f.closedByRole(), f.reason(),
                f.reasonLabel(), f.note(), f.generation(), f.positions(), f.changes(),
                SmallCounts.protect(f.report(), SmallCounts.THRESHOLD));
    }

    @GetMapping("/{reportId}/report.xlsx")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> xlsx(Caller caller, @PathVariable String reportId) {
        FrozenReport report = service.get(caller, reportId);
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + fileName(report) + ".xlsx\"")
                .body(XlsxExporter.write(FrozenReportTables.of(report)));
    }

    @GetMapping("/{reportId}/report.csv")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> csv(Caller caller, @PathVariable String reportId) {
        FrozenReport report = service.get(caller, reportId);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(report) + ".csv\"")
                .body(CsvExporter.write(FrozenReportTables.of(report)).getBytes(StandardCharsets.UTF_8));
    }

    /** The version as a French PDF (scope, period, version, who closed it, figures with targets, changes). */
    @GetMapping("/{reportId}/report.pdf")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> pdf(Caller caller, @PathVariable String reportId) {
        FrozenReport report = service.get(caller, reportId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + fileName(report) + ".pdf\"").body(FrozenReportPdf.of(report));
    }

    /** The id is checked to [A-Za-z0-9._~-], so it is safe in a header once '~' is made friendlier. */
    private static String fileName(FrozenReport report) {
        return "rapport-" + report.id().replace('~', '_');
    }
}
