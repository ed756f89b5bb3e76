package fr.convergence.reporting.rebuild;

import fr.convergence.kit.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Starts a rebuild (202, one at a time) and reports its progress. Operations: administrators only. */
@RestController
@RequestMapping("/api/reporting/rebuilds")
public class RebuildController {

    private final RebuildService rebuilds;

    public RebuildController(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<RebuildProgress> start() {
        RebuildProgress progress = rebuilds.start();
        return ResponseEntity.accepted().location(URI.create("/api/reporting/rebuilds/current")).body(progress);
    }

    @GetMapping("/current")
    @PreAuthorize("hasRole('ADMIN')")
    public RebuildProgress current() {
        return rebuilds.current().orElseThrow(() -> ApiException.notFound("rebuild", "current"));
    }
}
