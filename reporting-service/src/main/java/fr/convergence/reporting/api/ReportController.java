package fr.convergence.reporting.api;

import fr.convergence.reporting.indicators.Indicator;
import fr.convergence.reporting.indicators.Report;
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
 * {@code programme} (PHC|CVG); all optional. Aggregates and pseudonymous data only.
 */
@RestController
@RequestMapping("/api/reporting")
public class ReportController {

    private final ReportService reports;

    public ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/national")
    public Report national(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String programme) {
        return reports.report(ReportQuery.parse(null, null, from, to, programme));
    }

    @GetMapping("/territories/{code}")
    public Report territory(@PathVariable String code, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to,
                            @RequestParam(required = false) String programme) {
        return reports.report(ReportQuery.parse(ReportQuery.territory(code), null, from, to, programme));
    }

    @GetMapping("/territories/{code}/acis/{aciId}")
    public Report aci(@PathVariable String code, @PathVariable String aciId,
                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String programme) {
        return reports.report(ReportQuery.parse(ReportQuery.territory(code), aciId, from, to, programme));
    }

    /** Territories that have data, for selectors. */
    @GetMapping("/territories")
    public Map<String, Object> territories() {
        return Map.of("generation", reports.generation(), "territories", reports.territories());
    }

    /** The indicator catalogue: id, French label and definition. */
    @GetMapping("/indicators")
    public List<Map<String, String>> indicators() {
        return Arrays.stream(Indicator.values())
                .map(i -> Map.of("id", i.id(), "label", i.label(), "definition", i.definition())).toList();
    }
}
