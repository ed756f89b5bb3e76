package fr.convergence.pathway.domain;

import fr.convergence.kit.problem.RuleViolation;

import java.util.List;
import java.util.Map;

/**
 * Every number of the programme that may change, in one place. Loaded from {@code programme-rules.yml}
 * (configuration, not code): the PHC maximum and the exit-reason table are marked "to confirm" in DOMAIN.md.
 *
 * @param maxWeeklyHours          absolute upper bound of weekly hours, any programme
 * @param standardMinWeeklyHours  minimum weekly hours of a standard (CVG) contract without derogation
 * @param phcMinWeeklyHours       lowest PHC weekly hours
 * @param phcMaxWeeklyHours       highest PHC weekly hours before a transition to CVG
 * @param phcMaxMonths            maximum length of a PHC stage, from hiring
 * @param contractMaxMonths       maximum length of a CVG contract before any extension (standard CDDI)
 * @param extensionMaxMonths      maximum length added by one extension decision
 * @param pathwayMaxMonths        maximum total length of a pathway, PHC included, extensions included
 * @param followUpMaxMonths       post-exit follow-up window
 * @param maxMonthlyHours         upper bound of hours reported for one month
 * @param maxImmersionDays        longest work immersion (PMSMP) recorded at once
 * @param exitReasons             exit reason code → national exit category
 * @param followUpContactMonths   the contacts expected after an exit, in months after it (1, 3, 6, 12)
 * @param exitCancelWindowDays    how long after its date a mistaken exit may still be cancelled
 */
public record ProgrammeRules(double maxWeeklyHours, double standardMinWeeklyHours, double phcMinWeeklyHours,
                             double phcMaxWeeklyHours, int phcMaxMonths, int contractMaxMonths,
                             int extensionMaxMonths, int pathwayMaxMonths, int followUpMaxMonths,
                             double maxMonthlyHours, int maxImmersionDays,
                             Map<String, ExitCategory> exitReasons, List<Integer> followUpContactMonths,
                             int exitCancelWindowDays) {

    public ProgrammeRules {
        exitReasons = Map.copyOf(exitReasons);
        followUpContactMonths = List.copyOf(followUpContactMonths);
    }

    public ExitCategory categoryOf(String exitReason) {
        ExitCategory category = exitReasons.get(exitReason);
        if (category == null) {
            throw new RuleViolation("exit-reason-known", "reason",
                    "unknown exit reason '" + exitReason + "'; known reasons: " + exitReasons.keySet());
        }
        return category;
    }
}
