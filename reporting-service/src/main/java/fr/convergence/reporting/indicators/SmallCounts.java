package fr.convergence.reporting.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Small-count protection (issue 19, item 4) for figures below territory level: a count of 1 to
 * {@link #THRESHOLD}−1 people in one ACI could point at a person, so it is not shown. The territory's total stays
 * shown, so hiding a single cell of a column is not enough (total minus the others gives it back): whenever a column
 * has exactly one hidden cell, the smallest other non-zero cell of that column is hidden too (secondary
 * suppression), or a zero when every other cell is zero (else the zeros and the total would name the ACI). Other
 * zeros are shown: they reveal nobody.
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
            List<Integer> others = new ArrayList<>();
            for (int i = 0; i < column.size(); i++) {
                if (!hide[i]) {
                    others.add(i);
                }
            }
            // The smallest non-zero cell, else a zero (then total = the hidden cell, but nobody knows which ACI);
            // a lone ACI is its territory, whose total is a territory figure anyway.
            others.stream().min(Comparator.comparingLong((Integer i) -> column.get(i) == 0 ? Long.MAX_VALUE
                    : column.get(i))).ifPresent(i -> hide[i] = true);
        }
        return hide;
    }

    /**
     * The report with what lies below territory level protected: its ACI rows (each hidden count, and the exit rate
     * with its exits, becomes null) and, for an ACI's report, its age-band rows (the column adds up to the people
     * supported, which stays shown, hence the secondary suppression too). Hours are not a count of people and stay. A
     * national or territory report's own age bands and a national breakdown (territory rows) are returned as they are.
     */
    public static Report protect(Report report, int threshold) {
        List<Report.AgeBandRow> bands = report.ageBands();
        if (report.aciId() != null && !bands.isEmpty()) {
            boolean[] hide = hidden(bands.stream().map(Report.AgeBandRow::peopleSupported).toList(), threshold);
            List<Report.AgeBandRow> protectedBands = new ArrayList<>();
            for (int i = 0; i < bands.size(); i++) {
                Report.AgeBandRow b = bands.get(i);
                protectedBands.add(hide[i] ? new Report.AgeBandRow(b.code(), b.label(), null) : b);
            }
            bands = List.copyOf(protectedBands);
        }
        if (report.territory() == null || report.breakdown().isEmpty()) {
            return report.withRows(report.breakdown(), bands);
        }
        List<Report.BreakdownRow> rows = report.breakdown();
        boolean[] entered = hidden(rows.stream().map(Report.BreakdownRow::entered).toList(), threshold);
        boolean[] exited = hidden(rows.stream().map(Report.BreakdownRow::exited).toList(), threshold);
        boolean[] present = hidden(rows.stream().map(Report.BreakdownRow::presentAtEnd).toList(), threshold);
        boolean[] people = hidden(rows.stream().map(Report.BreakdownRow::peopleSupported).toList(), threshold);
        List<Report.BreakdownRow> protectedRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Report.BreakdownRow b = rows.get(i);
            protectedRows.add(new Report.BreakdownRow(b.code(), entered[i] ? null : b.entered(),
                    exited[i] ? null : b.exited(), present[i] ? null : b.presentAtEnd(),
                    exited[i] ? null : b.dynamicExitRate(), b.hoursWorked(), people[i] ? null : b.peopleSupported(),
                    b.name(), b.aciCount()));
        }
        return report.withRows(List.copyOf(protectedRows), bands);
    }

    /** The protected ACI rows as export rows, a hidden cell reading {@link #HIDDEN}. */
    public static List<List<Object>> tableRows(Report report, int threshold) {
        List<List<Object>> table = new ArrayList<>();
        Report protectedReport = protect(report, threshold);
        for (int i = 0; i < protectedReport.breakdown().size(); i++) {
            Report.BreakdownRow b = protectedReport.breakdown().get(i);
            boolean rateHidden = b.exited() == null;
            List<Object> row = new ArrayList<>();
            row.add(b.name());
            row.add(orHidden(b.entered()));
            row.add(orHidden(b.exited()));
            row.add(orHidden(b.presentAtEnd()));
            row.add(rateHidden ? HIDDEN : b.dynamicExitRate());
            row.add(b.hoursWorked());
            row.add(orHidden(b.peopleSupported()));
            row.add(b.code());
            table.add(row);
        }
        return table;
    }

    /** A count as an export shows it: {@link #HIDDEN} when hidden. */
    public static Object orHidden(Long count) {
        return count == null ? HIDDEN : count;
    }
}
