package fr.convergence.reporting.rebuild;

import fr.convergence.kit.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Starts a rebuild (202, one at a time) and reports its progress. */
@RestController
@RequestMapping("/api/reporting/rebuilds")
public class RebuildController {

    private final RebuildService rebuilds;

    public RebuildController(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    public ResponseEntity<RebuildProgress> start() {
        RebuildProgress progress = rebuilds.start();
        return ResponseEntity.accepted().location(URI.create("/api/reporting/rebuilds/current")).body(progress);
    }

    @GetMapping("/current")
    public RebuildProgress current() {
        return rebuilds.current().orElseThrow(() -> ApiException.notFound("rebuild", "current"));
    }
}
