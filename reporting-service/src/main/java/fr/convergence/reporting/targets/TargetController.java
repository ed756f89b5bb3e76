package fr.convergence.reporting.targets;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.security.Role;
import fr.convergence.kit.web.ApiException;
import fr.convergence.reporting.api.ReportingAccess;
import fr.convergence.reporting.indicators.Target;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Funding agreements' targets (issue 19 item 2). The national team (analyst with a national token) and the
 * administrators set them; whoever reads a scope's figures reads its targets (a coordinator: their territory's and its
 * ACIs'). Reports, exports and the dashboard show each applicable target against the actual figure.
 */
@RestController
@RequestMapping("/api/reporting/targets")
public class TargetController {

    private final Targets targets;

    public TargetController(Targets targets) {
        this.targets = targets;
    }

    /** The targets the caller may read, by id. */
    @GetMapping
    @PreAuthorize("hasAnyRole('NATIONAL_ANALYST','AUDITOR','COORDINATOR','ADMIN')")
    public List<Target> list(Caller caller) {
        return targets.readableBy(caller);
    }

    /** Creates or replaces a target: 201 when new, 200 when replaced; 400 naming the field and rule otherwise. */
    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('NATIONAL_ANALYST','ADMIN')")
    public ResponseEntity<Target> put(Caller caller, @PathVariable String id, @RequestBody(required = false) TargetRequest request) {
        if (!caller.is(Role.ADMIN) && !ReportingAccess.national(caller)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "national-scope-required", null,
                    "targets are set by the national team");
        }
        Targets.Stored set = targets.put(id, request, caller.userId());
        return ResponseEntity.status(set.created() ? HttpStatus.CREATED : HttpStatus.OK).body(set.target());
    }
}
