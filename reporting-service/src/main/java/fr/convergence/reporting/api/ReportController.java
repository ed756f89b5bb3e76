package fr.convergence.reporting.api;

import fr.convergence.kit.security.Caller;
import fr.convergence.reporting.indicators.Indicator;
import fr.convergence.reporting.indicators.Labels;
import fr.convergence.reporting.indicators.Report;
import fr.convergence.reporting.indicators.SmallCounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * National, territory and ACI views. Parameters: {@code from}, {@code to} (yyyy-MM, inclusive) and
 * {@code programme} (PHC|CVG); all optional. Aggregates and pseudonymous data only. The roles a route admits
 * are in its {@code @PreAuthorize}; which territory or ACI a caller may read is {@link ReportingAccess}'s rule
 * (another one's → 403: codes are public, there is nothing to hide).
 */
@RestController
@RequestMapping("/api/reporting")
public class ReportController {

    private final ReportService reports;

    public ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/national")
    @PreAuthorize("hasAnyRole('NATIONAL_ANALYST','AUDITOR')")
    public Report national(Caller caller, @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to,
                           @RequestParam(required = false) String programme) {
        ReportingAccess.requireNational(caller);
        return reports.report(ReportQuery.parse(null, null, from, to, programme));
    }

    @GetMapping("/territories/{code}")
    @PreAuthorize("hasAnyRole('NATIONAL_ANALYST','AUDITOR','COORDINATOR','PARTNERSHIP_OFFICER')")
    public Report territory(Caller caller, @PathVariable String code, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to,
                            @RequestParam(required = false) String programme) {
        String territory = ReportQuery.territory(code);
        ReportingAccess.requireTerritory(caller, territory, "code");
        Report report = reports.report(ReportQuery.parse(territory, null, from, to, programme));
        // The national team sees a territory's ACIs with small counts hidden (issue 19 item 4); the territory's own
        // staff run those ACIs and see them as they are.
        return ReportingAccess.smallCountsHidden(caller) ? SmallCounts.protect(report, SmallCounts.THRESHOLD) : report;
    }

    @GetMapping("/territories/{code}/acis/{aciId}")
    @PreAuthorize("hasAnyRole('NATIONAL_ANALYST','AUDITOR','COORDINATOR','CIP')")
    public Report aci(Caller caller, @PathVariable String code, @PathVariable String aciId,
                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String programme) {
        var filter = ReportQuery.parse(ReportQuery.territory(code), aciId, from, to, programme);
        ReportingAccess.requireAci(caller, filter.territory(), filter.aciId());
        Report report = reports.report(filter);
        // an ACI's age bands are below territory level: small counts hidden from the national team (issue 19 item 3)
        return ReportingAccess.smallCountsHidden(caller) ? SmallCounts.protect(report, SmallCounts.THRESHOLD) : report;
    }

    /** Territories that have data, for selectors, with their names (code → name, from the participant stream). */
    @GetMapping("/territories")
    @PreAuthorize("hasAnyRole('NATIONAL_ANALYST','AUDITOR')")
    public Map<String, Object> territories(Caller caller) {
        ReportingAccess.requireNational(caller);
        return Map.of("generation", reports.generation(), "territories", reports.territories(),
                "names", reports.territoryNames());
    }

    /** The indicator catalogue: id, French label and definition. */
    @GetMapping("/indicators")
    @PreAuthorize("hasAnyRole('CIP','PARTNERSHIP_OFFICER','COORDINATOR','NATIONAL_ANALYST','AUDITOR','ADMIN')")
    public List<Map<String, String>> indicators() {
        return Arrays.stream(Indicator.values())
                .map(i -> Map.of("id", i.id(), "label", i.label(), "definition", i.definition())).toList();
    }

    /** The French wording of every code the figures carry (age bands, barrier domains, housing…), for the dashboard. */
    @GetMapping("/labels")
    @PreAuthorize("hasAnyRole('CIP','PARTNERSHIP_OFFICER','COORDINATOR','NATIONAL_ANALYST','AUDITOR','ADMIN')")
    public Map<String, Map<String, String>> labels() {
        return Labels.all();
    }

    /** What the caller may view; the dashboard asks first and shows only that. */
    @GetMapping("/scope")
    @PreAuthorize("hasAnyRole('CIP','PARTNERSHIP_OFFICER','COORDINATOR','NATIONAL_ANALYST','AUDITOR','ADMIN')")
    public ReportingScope scope(Caller caller) {
        return ReportingAccess.scope(caller);
    }
}
