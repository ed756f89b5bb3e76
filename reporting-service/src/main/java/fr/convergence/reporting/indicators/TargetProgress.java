package fr.convergence.reporting.indicators;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Actual against target for one agreement in one report (issue 19 item 2). A target applies to a report of the same
 * scope and programme whose period lies within the agreement's period; the actual is the report's value, so a report
 * on part of the agreement's period (a quarter of a yearly agreement) shows the progress so far.
 *
 * @param actual  the report's value of the indicator (null when it has none, e.g. a rate without denominator)
 * @param reached actual / target (4 decimals), null when either is missing or the target is 0
 */
public record TargetProgress(String id, String funderKind, String funderName, String agreement, String indicator,
                             String indicatorLabel, String from, String to, String programme, double target,
                             Double actual, Double reached) {

    public static List<TargetProgress> of(Report report, List<Target> targets) {
        if (report.from() == null || report.to() == null) {
            return List.of();
        }
        YearMonth from = YearMonth.parse(report.from());
        YearMonth to = YearMonth.parse(report.to());
        Map<Indicator, Number> values = IndicatorValues.of(report);
        List<TargetProgress> progress = new ArrayList<>();
        for (Target t : targets) {
            boolean within = !from.isBefore(YearMonth.parse(t.from())) && !to.isAfter(YearMonth.parse(t.to()));
            if (!within || !Objects.equals(t.programme(), report.programme())) {
                continue;
            }
            Indicator indicator = IndicatorValues.byId(t.indicator()).orElse(null);
            if (indicator == null) {
                continue;   // an indicator retired since the target was set: nothing to compare
            }
            Number actual = values.get(indicator);
            Double value = actual == null ? null : actual.doubleValue();
            progress.add(new TargetProgress(t.id(), t.funderKind(), t.funderName(), t.agreement(), t.indicator(),
                    indicator.label(), t.from(), t.to(), t.programme(), t.target(), value,
                    value == null || t.target() == 0 ? null : Math.round(value / t.target() * 10_000.0) / 10_000.0));
        }
        return List.copyOf(progress);
    }
}
