package fr.convergence.reporting.frozen;

import fr.convergence.reporting.export.ReportTables;
import fr.convergence.reporting.export.Table;
import fr.convergence.reporting.indicators.Report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One indicator whose value differs between two versions. The indicators compared are the rows of the exports'
 * "Indicateurs" table, so a change reads exactly as the evaluator's spreadsheet does.
 */
public record IndicatorChange(String indicator, String label, Object oldValue, Object newValue) {

    public static List<IndicatorChange> between(Report previous, Report next) {
        Map<String, List<Object>> before = rows(previous);
        List<IndicatorChange> changes = new ArrayList<>();
        for (Map.Entry<String, List<Object>> row : rows(next).entrySet()) {
            List<Object> old = before.get(row.getKey());
            Object oldValue = old == null ? null : old.get(2);
            Object newValue = row.getValue().get(2);
            if (!sameNumber(oldValue, newValue)) {
                changes.add(new IndicatorChange(row.getKey(), String.valueOf(row.getValue().get(1)), oldValue,
                        newValue));
            }
        }
        return changes;
    }

    private static Map<String, List<Object>> rows(Report report) {
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        for (Table table : ReportTables.of(report)) {
            if (table.name().equals("Indicateurs")) {
                table.rows().forEach(r -> rows.put(String.valueOf(r.get(0)), r));
            }
        }
        return rows;
    }

    /** A stored report read back may give 3 where 3L was computed: compare numbers by value. */
    private static boolean sameNumber(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return Objects.equals(a, b);
    }
}
