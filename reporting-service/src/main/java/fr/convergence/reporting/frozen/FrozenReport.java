package fr.convergence.reporting.frozen;

import fr.convergence.reporting.indicators.Report;

import java.util.List;
import java.util.Map;

/**
 * One version of a closed period's report, as stored once and never updated.
 *
 * @param id         {@code <scope key>~<period>~<version>}: the unique key, also the document's {@code _id}
 * @param generation the projection generation the figures were read from
 * @param positions  per pathway in scope, the last event sequence applied when the figures were computed: what the
 *                   report is made of, and what a later version adds
 * @param changes    indicator by indicator, what differs from the previous version (empty for version 1)
 */
public record FrozenReport(String id, String level, String territory, String aciId, String period,
                           String periodKind, String periodLabel, int version, String closedAt, String closedBy,
                           String closedByRole, String reason, String reasonLabel, String note, int generation,
                           Map<String, Long> positions, List<IndicatorChange> changes, Report report) {

    /**
     * What a list shows: no figures, no positions.
     *
     * @param territoryName the territory's name as the report was frozen (its code when it had none)
     * @param aciName       the ACI's name likewise, null above ACI level
     */
    public record Summary(String id, String level, String territory, String aciId, String period, String periodLabel,
                          int version, String closedAt, String closedBy, String reason, String reasonLabel,
                          int changedIndicators, String territoryName, String aciName) {
    }

    public Summary summary() {
        return new Summary(id, level, territory, aciId, period, periodLabel, version, closedAt, closedBy, reason,
                reasonLabel, changes.size(), report.territoryName(), report.aciName());
    }

    public ReportScope scope() {
        return new ReportScope(territory, aciId);
    }
}
