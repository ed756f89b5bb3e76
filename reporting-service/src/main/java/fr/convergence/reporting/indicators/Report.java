package fr.convergence.reporting.indicators;

import java.util.List;
import java.util.Map;

/**
 * Every indicator of one scope and period. Field names follow {@link Indicator}; see each constant for the
 * definition.
 *
 * @param breakdown one row per territory (national scope) or per ACI (territory scope); empty for an ACI
 */
public record Report(String level, String territory, String aciId, String programme, String from, String to,
                     Totals totals, List<MonthRow> months, List<BreakdownRow> breakdown) {

    public record Totals(long entered, long exited, long presentAtEnd, Map<String, Long> exitsByCategory,
                         Map<String, Long> exitsByReason, Double dynamicExitRate, long durableHousing,
                         long healthCare, long rightsOpened, long trainingStarted, long trainingCompleted,
                         long barrierPeople, long barrierInternal, long barrierPartner,
                         Map<String, Long> barriersByDomain, long exitedWithLength, Double medianMonthsInPathway,
                         Double shareBeyond24Months, long phcToCvg, Map<String, Long> phcCurrentHours,
                         List<Double> phcAverageHoursByMonthSinceEntry, long referrals,
                         Map<String, Long> referralsByDomain, Map<String, Long> referralsByOutcome,
                         double hoursWorked) {
    }

    public record MonthRow(String month, long entered, long exited, long present, long dynamicExits,
                           long exitsCounted, double hoursWorked) {
    }

    public record BreakdownRow(String code, long entered, long exited, long presentAtEnd, Double dynamicExitRate,
                               double hoursWorked) {
    }
}
