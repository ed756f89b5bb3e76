package fr.convergence.reporting.api;

import fr.convergence.reporting.indicators.Filter;
import fr.convergence.reporting.indicators.IndicatorCalculator;
import fr.convergence.reporting.indicators.Report;
import fr.convergence.reporting.indicators.TargetProgress;
import fr.convergence.reporting.indicators.TargetSource;
import fr.convergence.reporting.store.Generation;
import fr.convergence.reporting.store.ProjectionReader;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the active generation's facts for a scope and computes its report. */
@Service
public class ReportService {

    private final ProjectionReader reader;
    private final TargetSource targets;

    public ReportService(ProjectionReader reader, TargetSource targets) {
        this.reader = reader;
        this.targets = targets;
    }

    /** The scope's figures, with actual against target for each funding agreement of the scope covering the period. */
    public Report report(Filter filter) {
        Generation generation = reader.generation();
        Report report = IndicatorCalculator.compute(filter, reader.pathwayFacts(generation, filter.territory()),
                reader.referralFacts(generation, filter.territory()), reader.reference(generation, filter.territory()));
        return report.withTargets(TargetProgress.of(report, targets.ofScope(filter.territory(), filter.aciId())));
    }

    public List<String> territories() {
        return reader.territories(reader.generation());
    }

    /** Territory code → name for the territories that have data (the code when not named yet). */
    public Map<String, String> territoryNames() {
        Generation generation = reader.generation();
        Map<String, String> named = reader.territoryNames(generation);
        Map<String, String> names = new TreeMap<>();
        reader.territories(generation).forEach(code -> names.put(code, named.getOrDefault(code, code)));
        return names;
    }

    public int generation() {
        return reader.generation().number();
    }
}
