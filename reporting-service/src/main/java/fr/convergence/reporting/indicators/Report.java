package fr.convergence.reporting.indicators;

import java.util.List;
import java.util.Map;

/**
 * Every indicator of one scope and period. Field names follow {@link Indicator}; see each constant for the
 * definition.
 *
 * @param breakdown     one row per territory (national scope) or per ACI (territory scope); empty for an ACI
 * @param territoryName the territory's name (participant stream; its code until named), null for national
 * @param aciName       the ACI's name, null above ACI level
 * @param aciCount      ACI of the scope in the programme during the period ({@link Indicator#ACI_COUNT}); null for
 *                      an ACI, and in reports frozen before it existed
 * @param ageBands      people supported in the period by age band ({@link Indicator#AGE_BANDS}); a null count is a
 *                      small count hidden below territory level
 */
public record Report(String level, String territory, String aciId, String programme, String from, String to,
                     Totals totals, List<MonthRow> months, List<BreakdownRow> breakdown, String territoryName,
                     String aciName, Long aciCount, List<AgeBandRow> ageBands, List<TargetProgress> targets) {

    public Report {
        ageBands = ageBands == null ? List.of() : ageBands;
        targets = targets == null ? List.of() : targets;
        territoryName = territoryName == null ? territory : territoryName;
        aciName = aciName == null ? aciId : aciName;
    }

    /** A report without reference data (figures only). */
    public Report(String level, String territory, String aciId, String programme, String from, String to,
                  Totals totals, List<MonthRow> months, List<BreakdownRow> breakdown) {
        this(level, territory, aciId, programme, from, to, totals, months, breakdown, null, null, null, null, null);
    }

    /** A report with reference data and no targets yet. */
    public Report(String level, String territory, String aciId, String programme, String from, String to,
                  Totals totals, List<MonthRow> months, List<BreakdownRow> breakdown, String territoryName,
                  String aciName, Long aciCount, List<AgeBandRow> ageBands) {
        this(level, territory, aciId, programme, from, to, totals, months, breakdown, territoryName, aciName, aciCount,
                ageBands, null);
    }

    /** The same report with the funding agreements' targets that apply to it (issue 19 item 2). */
    public Report withTargets(List<TargetProgress> progress) {
        return new Report(level, territory, aciId, programme, from, to, totals, months, breakdown, territoryName,
                aciName, aciCount, ageBands, progress);
    }

    /** The same report with other breakdown and age-band rows (small counts hidden). */
    public Report withRows(List<BreakdownRow> breakdownRows, List<AgeBandRow> ageBandRows) {
        return new Report(level, territory, aciId, programme, from, to, totals, months, breakdownRows, territoryName,
                aciName, aciCount, ageBandRows, targets);
    }

    /**
     * @param code            age band code of the contract ({@code <26}, {@code 26-34}, … or {@code UNKNOWN})
     * @param label           its French label
     * @param peopleSupported people supported in the period in that band; null: hidden (small count)
     */
    public record AgeBandRow(String code, String label, Long peopleSupported) {
    }

    public record Totals(long entered, long exited, long presentAtEnd, Map<String, Long> exitsByCategory,
                         Map<String, Long> exitsByReason, Double dynamicExitRate, long durableHousing,
                         long healthCare, long rightsOpened, long trainingStarted, long trainingCompleted,
                         long barrierPeople, long barrierInternal, long barrierPartner,
                         Map<String, Long> barriersByDomain, long exitedWithLength, Double medianMonthsInPathway,
                         Double shareBeyond24Months, long phcToCvg, Map<String, Long> phcCurrentHours,
                         List<Double> phcAverageHoursByMonthSinceEntry, long referrals,
                         Map<String, Long> referralsByDomain, Map<String, Long> referralsByOutcome,
                         double hoursWorked, long peopleSupported, long personMonths, Share fromStreet,
                         Share fromShelter, long interviews, long accompaniedVisits, long caseConferences,
                         Share interviewsPerPersonMonth, Share accompaniedVisitsPerPersonMonth,
                         Map<String, Long> exitsByHousing, Share exitsToDurableHousing, Share exitsToShelter,
                         FollowUp followUp6, FollowUp followUp12, Map<String, Long> barriersLiftedByDomain,
                         long extensions, long immersions, double immersionDays, Share exitsToEmployment,
                         Share exitsToHousingOrShelter) {
    }

    /**
     * A ratio given with what it is made of, so that an evaluator can add scopes up or check it.
     *
     * @param value numerator / denominator (4 decimals), null when the denominator is 0
     */
    public record Share(long numerator, long denominator, Double value) {

        static Share of(long numerator, long denominator) {
            return new Share(numerator, denominator, Stats.ratio(numerator, denominator));
        }
    }

    /**
     * The situation {@code milestoneMonths} after the exit of the period's exits (the cohort), from the contact
     * recorded for that milestone.
     *
     * @param exits     the cohort: exits of the period
     * @param contacted exits with a contact recorded for the milestone
     * @param notReached contacts that did not reach the person (NOT_REACHED), outside the denominators
     * @param employed  in employment among the people reached
     * @param housed    in durable housing or social residence among the people reached
     */
    public record FollowUp(int milestoneMonths, long exits, long contacted, long notReached, Share employed,
                           Share housed) {
    }

    /**
     * @param peopleActive people whose pathway was active in the month (present at the end of the month before, or
     *                     starting to count in it): the month's person-months
     * @param interviews   acts of the month during the pathway (idem accompaniedVisits, caseConferences)
     */
    public record MonthRow(String month, long entered, long exited, long present, long dynamicExits,
                           long exitsCounted, double hoursWorked, long peopleActive, long interviews,
                           long accompaniedVisits, long caseConferences) {
    }

    /**
     * @param name            the territory's or ACI's name (its code until the participant stream names it)
     * @param aciCount        for a territory row, its ACI in the programme during the period; null for an ACI row
     * @param peopleSupported people supported in the period in that territory or ACI (counted once in each)
     *                        <p>A null count (and the rate with the exits) is a small count hidden from the national
     *                        team below territory level ({@link SmallCounts}).
     */
    public record BreakdownRow(String code, Long entered, Long exited, Long presentAtEnd, Double dynamicExitRate,
                               double hoursWorked, Long peopleSupported, String name, Long aciCount) {

        public BreakdownRow {
            name = name == null ? code : name;
        }

        /** A row without reference data: its name is its code. */
        public BreakdownRow(String code, Long entered, Long exited, Long presentAtEnd, Double dynamicExitRate,
                            double hoursWorked, Long peopleSupported) {
            this(code, entered, exited, presentAtEnd, dynamicExitRate, hoursWorked, peopleSupported, null, null);
        }
    }
}
