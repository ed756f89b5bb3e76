package fr.convergence.pathway.api;

import fr.convergence.pathway.domain.ExitCategory;
import fr.convergence.pathway.domain.FollowUpMilestone;
import fr.convergence.pathway.domain.PathwayStatus;
import fr.convergence.pathway.domain.ProgrammeRules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The follow-up contacts still expected after an exit: one definition for a pathway's view and for the lines of a
 * list (which a caseload reads without loading each exited person's pathway). None after a withdrawal (death, long
 * sickness, transfer…), and none once the window has closed (no contact could be recorded then).
 */
final class FollowUpDue {

    private FollowUpDue() {
    }

    static List<PathwayView.Due> of(PathwayStatus status, ExitCategory category, LocalDate exitedOn,
                                    Set<Integer> monthsDone, LocalDate today, ProgrammeRules rules) {
        if (status != PathwayStatus.EXITED && status != PathwayStatus.FOLLOW_UP || exitedOn == null
                || category == ExitCategory.WITHDRAWN || today.isAfter(exitedOn.plusMonths(rules.followUpMaxMonths()))) {
            return List.of();
        }
        return rules.followUpContactMonths().stream().filter(m -> !monthsDone.contains(m))
                .map(m -> new PathwayView.Due(m, new FollowUpMilestone(m).dueOn(exitedOn))).toList();
    }
}
