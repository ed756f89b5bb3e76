package fr.convergence.reporting.dashboard;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The French dashboard, under the API prefix so that it goes through the gateway like the rest. Its script
 * and Chart.js are served by this service too ({@link DashboardAssets}): the machines are offline. Every role
 * may open it: the page asks {@code /api/reporting/scope} what the caller may view and shows only that, and the
 * API checks each of its requests again.
 */
@RestController
public class DashboardController {

    private static final Resource PAGE = new ClassPathResource("dashboard/index.html");
    private static final Resource REPORTS = new ClassPathResource("dashboard/reports.html");

    @GetMapping(value = "/api/reporting/dashboard", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasAnyRole('CIP','PARTNERSHIP_OFFICER','COORDINATOR','NATIONAL_ANALYST','AUDITOR','ADMIN')")
    public ResponseEntity<Resource> page() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    /** Frozen period reports (issue 19); the page asks the API, which checks every scope. */
    @GetMapping(value = "/api/reporting/dashboard/rapports", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasAnyRole('CIP','PARTNERSHIP_OFFICER','COORDINATOR','NATIONAL_ANALYST','AUDITOR','ADMIN')")
    public ResponseEntity<Resource> reports() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML)
                .body(REPORTS);
    }
}
