package fr.convergence.reporting.export;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.web.ApiException;
import fr.convergence.reporting.api.ReportQuery;
import fr.convergence.reporting.api.ReportingAccess;
import fr.convergence.reporting.api.ReportService;
import fr.convergence.reporting.indicators.Filter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * Exports for evaluators, same parameters as the views plus optional {@code territory} and {@code aciId}
 * (national when absent). National exports are for the national team; a coordinator may export their own
 * territory (and its ACIs), which the dashboard offers them.
 */
@RestController
@RequestMapping("/api/reporting/exports")
public class ExportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportService reports;

    public ExportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/indicators.xlsx")
    @PreAuthorize("hasAnyRole('NATIONAL_ANALYST','AUDITOR','COORDINATOR')")
    public ResponseEntity<byte[]> xlsx(Caller caller, @RequestParam(required = false) String territory,
                                       @RequestParam(required = false) String aciId,
                                       @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String programme) {
        Filter filter = filter(caller, territory, aciId, from, to, programme);
        byte[] body = XlsxExporter.write(ReportTables.of(reports.report(filter)));
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"indicateurs.xlsx\"").body(body);
    }

    @GetMapping("/indicators.csv")
    @PreAuthorize("hasAnyRole('NATIONAL_ANALYST','AUDITOR','COORDINATOR')")
    public ResponseEntity<byte[]> csv(Caller caller, @RequestParam(required = false) String territory,
                                      @RequestParam(required = false) String aciId,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String programme) {
        Filter filter = filter(caller, territory, aciId, from, to, programme);
        String body = CsvExporter.write(ReportTables.of(reports.report(filter)));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"indicateurs.csv\"")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The live report as a French PDF (same parameters and access as the workbook). */
    @GetMapping("/indicators.pdf")
    @PreAuthorize("hasAnyRole('NATIONAL_ANALYST','AUDITOR','COORDINATOR')")
    public ResponseEntity<byte[]> pdf(Caller caller, @RequestParam(required = false) String territory,
                                      @RequestParam(required = false) String aciId,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String programme) {
        Filter filter = filter(caller, territory, aciId, from, to, programme);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rapport.pdf\"")
                .body(ReportPdf.of(reports.report(filter)));
    }

    private static Filter filter(Caller caller, String territory, String aciId, String from, String to,
                                 String programme) {
        if (aciId != null && territory == null) {
            throw ApiException.badRequest("territory", "an ACI export needs its territory");
        }
        String code = territory == null ? null : ReportQuery.territory(territory, "territory");
        Filter filter = ReportQuery.parse(code, aciId, from, to, programme);
        ReportingAccess.requireExport(caller, code);
        return filter;
    }
}
