package fr.convergence.reporting.targets;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.security.Role;
import fr.convergence.reporting.api.ReportingAccess;
import fr.convergence.reporting.indicators.Target;
import fr.convergence.reporting.store.ProjectionReader;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The funding targets a caller may read, and setting one: the rules (TargetRules) checked against the scopes the
 * read models know, then stored. What the controller asks for, so that it never reaches a store itself (the shared
 * "controllers never touch stores" rule, issue 22 item 3).
 */
@Service
public class Targets {

    private final TargetStore store;
    private final ProjectionReader reader;

    public Targets(TargetStore store, ProjectionReader reader) {
        this.store = store;
        this.reader = reader;
    }

    /** Every target of a scope the caller reads (an administrator reads them all). */
    public List<Target> readableBy(Caller caller) {
        return store.all().stream().filter(t -> caller.is(Role.ADMIN)
                || ReportingAccess.scope(caller, t.territory(), t.aciId())).toList();
    }

    /** Checks and stores a target; true when it is new. A broken rule is a 400 naming the field (TargetRules). */
    public Stored put(String id, TargetRequest request, String recordedBy) {
        Target target = TargetRules.check(id, request, reader::knownScope);
        return new Stored(target, store.put(target, recordedBy));
    }

    /** A target as stored, and whether it was created (rather than replaced). */
    public record Stored(Target target, boolean created) {
    }
}
