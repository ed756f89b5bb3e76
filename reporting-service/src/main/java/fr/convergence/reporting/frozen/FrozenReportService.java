package fr.convergence.reporting.frozen;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.web.ApiException;
import fr.convergence.reporting.api.ReportingAccess;
import fr.convergence.reporting.indicators.Filter;
import fr.convergence.reporting.indicators.IndicatorCalculator;
import fr.convergence.reporting.indicators.PathwayFact;
import fr.convergence.reporting.indicators.Report;
import fr.convergence.reporting.indicators.TargetProgress;
import fr.convergence.reporting.indicators.TargetSource;
import fr.convergence.reporting.store.Generation;
import fr.convergence.reporting.store.ProjectionReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Closes periods: computes a scope's report once, with the positions it was computed from, and stores it. */
@Service
public class FrozenReportService {

    private static final int MAX_NOTE = 500;
    /** Reads of the positions before and after the computation that may disagree before we give up (see close). */
    private static final int ATTEMPTS = 5;

    private final ProjectionReader reader;
    private final FrozenReportStore store;
    private final Clock clock;
    private final TargetSource targets;

    public FrozenReportService(ProjectionReader reader, FrozenReportStore store, ObjectProvider<Clock> clock,
                               TargetSource targets) {
        this.reader = reader;
        this.store = store;
        this.targets = targets;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public FrozenReport close(Caller caller, CloseRequest request) {
        if (request == null) {
            throw ApiException.badRequest("period", "a body with at least the period is required");
        }
        ReportScope scope = ReportScope.of(request.territory(), request.aciId());
        Period period = Period.parse(request.period());
        RevisionReason reason = RevisionReason.parse(request.reason());
        String note = note(request.note());
        ReportingAccess.requireClose(caller, scope.territory(), scope.aciId());
        period.requireEnded(YearMonth.now(clock));

        List<FrozenReport> versions = store.versions(scope, period.code());
        FrozenReport previous = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (previous != null && !Boolean.TRUE.equals(request.newVersion())) {
            throw new ApiException(HttpStatus.CONFLICT, "report-already-closed", "period", period.code()
                    + " is already closed for this scope (version " + previous.version()
                    + "); ask for a new version (newVersion: true) with a reason");
        }
        if (previous != null && reason == null) {
            throw ApiException.badRequest("reason", "a new version needs a reason: LATE_EVENTS, CORRECTIONS, "
                    + "METHOD_CHANGE or OTHER");
        }
        if (previous != null && reason == RevisionReason.INITIAL) {
            throw ApiException.badRequest("reason", "INITIAL is the first version's reason");
        }
        if (reason == RevisionReason.OTHER && note == null) {
            throw ApiException.badRequest("note", "reason OTHER needs a note saying why");
        }
        Snapshot snapshot = snapshot(scope, period);
        int version = previous == null ? 1 : previous.version() + 1;
        RevisionReason why = reason == null ? RevisionReason.INITIAL : reason;
        List<IndicatorChange> changes = previous == null ? List.of()
                : IndicatorChange.between(previous.report(), snapshot.report());
        FrozenReport frozen = new FrozenReport(String.join(ReportScope.SEPARATOR, scope.key(), period.code(),
                String.valueOf(version)), scope.level(), scope.territory(), scope.aciId(), period.code(),
                period.kind(), period.label(), version, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(),
                caller.userId(), caller.role().claim(), why.name(), why.label(), note, snapshot.generation(),
                snapshot.positions(), changes, snapshot.report());
        store.insert(frozen);
        return frozen;
    }

    public FrozenReport get(Caller caller, String id) {
        FrozenId.check(id);
        FrozenReport report = store.find(id).orElseThrow(() -> ApiException.notFound("frozen report", id));
        ReportingAccess.requireScope(caller, report.territory(), report.aciId());
        return report;
    }

    /** The versions the caller may read (the same scopes as the live figures), by scope, period and version. */
    public List<FrozenReport.Summary> list(Caller caller) {
        return store.all().stream().filter(r -> ReportingAccess.scope(caller, r.territory(), r.aciId()))
                .map(FrozenReport::summary).toList();
    }

    private record Snapshot(int generation, Map<String, Long> positions, Report report) {
    }

    /**
     * Events keep arriving while we compute: the positions are read before and after the figures, and the
     * snapshot is kept only when they agree, so that the stored positions are exactly what the figures contain.
     */
    private Snapshot snapshot(ReportScope scope, Period period) {
        Filter filter = new Filter(scope.territory(), scope.aciId(), null, period.from(), period.to());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Generation generation = reader.generation();
            Map<String, Long> before = reader.positions(generation, scope.territory());
            List<PathwayFact> facts = reader.pathwayFacts(generation, scope.territory());
            Report computed = IndicatorCalculator.compute(filter, facts,
                    reader.referralFacts(generation, scope.territory()), reader.reference(generation, scope.territory()));
            // the targets as they stand at closing are frozen with the figures (a later change of target is not)
            Report report = computed.withTargets(TargetProgress.of(computed,
                    targets.ofScope(scope.territory(), scope.aciId())));
            Map<String, Long> after = reader.positions(generation, scope.territory());
            if (before.equals(after) && generation.number() == reader.generation().number()) {
                Set<String> inScope = facts.stream()
                        .filter(f -> filter.inScope(f.territory(), f.aciId(), f.programme()))
                        .map(PathwayFact::pathwayId).collect(Collectors.toSet());
                Map<String, Long> positions = new TreeMap<>(after);
                positions.keySet().retainAll(inScope);
                return new Snapshot(generation.number(), positions, report);
            }
        }
        throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "projection-busy", null,
                "events kept arriving while the report was computed; try again in a moment");
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > MAX_NOTE || note.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw ApiException.badRequest("note", "note: at most " + MAX_NOTE + " characters, no control character");
        }
        return note.strip();
    }
}
