package fr.convergence.reporting.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Small-count protection (issue 19, item 4) for figures below territory level: a count of 1 to
 * {@link #THRESHOLD}−1 people in one ACI could point at a person, so it is not shown. The territory's total stays
 * shown, so hiding a single cell of a column is not enough (total minus the others gives it back): whenever a column
 * has exactly one hidden cell, the smallest other non-zero cell of that column is hidden too (secondary
 * suppression). Zeros are shown: they reveal nobody, and hiding one beside a single small cell would not protect it.
 */
public final class SmallCounts {

    /** The one place to change the threshold: counts from 1 to THRESHOLD − 1 are hidden. */
    public static final int THRESHOLD = 5;
    /** What a hidden cell shows in exports: "s" as in the statistical offices' "secret statistique". */
    public static final String HIDDEN = "s";

    private SmallCounts() {
    }

    /**
     * Which cells of one column to hide.
     *
     * @param column the counts of one column, one per row (ACI)
     * @return for each row, whether its cell is hidden
     */
    public static boolean[] hidden(List<Long> column, int threshold) {
        boolean[] hide = new boolean[column.size()];
        int hiddenCount = 0;
        for (int i = 0; i < column.size(); i++) {
            long v = column.get(i);
            if (v > 0 && v < threshold) {
                hide[i] = true;
                hiddenCount++;
            }
        }
        if (hiddenCount == 1) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < column.size(); i++) {
                if (!hide[i] && column.get(i) > 0) {
                    candidates.add(i);
                }
            }
            // With no other non-zero cell the single ACI is the territory: its total is a territory figure anyway.
            candidates.stream().min(Comparator.comparingLong(column::get)).ifPresent(i -> hide[i] = true);
        }
        return hide;
    }

    /**
     * The breakdown rows as table rows (code, entered, exited, present, dynamic exit rate, hours, people supported)
     * with the protected columns' small cells replaced by {@link #HIDDEN}. The rate is hidden with the exits it is
     * computed from; hours are not a count of people and stay.
     */
    public static List<List<Object>> protect(List<Report.BreakdownRow> rows, int threshold) {
        boolean[] entered = hidden(rows.stream().map(Report.BreakdownRow::entered).toList(), threshold);
        boolean[] exited = hidden(rows.stream().map(Report.BreakdownRow::exited).toList(), threshold);
        boolean[] present = hidden(rows.stream().map(Report.BreakdownRow::presentAtEnd).toList(), threshold);
        boolean[] people = hidden(rows.stream().map(Report.BreakdownRow::peopleSupported).toList(), threshold);
        List<List<Object>> table = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Report.BreakdownRow b = rows.get(i);
            List<Object> row = new ArrayList<>();
            row.add(b.code());
            row.add(entered[i] ? HIDDEN : b.entered());
            row.add(exited[i] ? HIDDEN : b.exited());
            row.add(present[i] ? HIDDEN : b.presentAtEnd());
            row.add(exited[i] ? HIDDEN : b.dynamicExitRate());
            row.add(b.hoursWorked());
            row.add(people[i] ? HIDDEN : b.peopleSupported());
            table.add(row);
        }
        return table;
    }
}
