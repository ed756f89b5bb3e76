package fr.convergence.reporting.dashboard;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The French dashboard, under the API prefix so that it goes through the gateway like the rest. Its script
 * and Chart.js are served by this service too ({@link DashboardAssets}): the machines are offline.
 */
@RestController
public class DashboardController {

    private static final Resource PAGE = new ClassPathResource("dashboard/index.html");

    @GetMapping(value = "/api/reporting/dashboard", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<Resource> page() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(PAGE);
    }
}
