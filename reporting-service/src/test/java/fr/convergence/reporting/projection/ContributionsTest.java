package fr.convergence.reporting.projection;

import fr.convergence.reporting.indicators.Contribution;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContributionsTest {

    private long sequence;

    private PathwayEvent event(String type, String date, Map<String, Object> data) {
        return new PathwayEvent("e" + sequence, type, "paris", "aci-1", "pw-1", sequence++, date, data);
    }

    private PathwayFacts hiredPhc() {
        return PathwayFolding.apply(PathwayFacts.empty("pw-1"), event("ParticipantHired", "2026-01-05",
                Map.of("programme", "PHC", "weeklyHours", 4, "aciId", "aci-1")));
    }

    private static double hours(Map<Cell, Contribution> cells) {
        return cells.values().stream().mapToDouble(Contribution::hoursWorked).sum();
    }

    @Test
    void aLaterReportOfTheSameMonthReplacesTheEarlierHours() {
        PathwayFacts f = hiredPhc();
        f = PathwayFolding.apply(f, event("MonthlyHoursReported", "2026-01-01", Map.of("month", "2026-01", "hours", 50)));
        f = PathwayFolding.apply(f, event("MonthlyHoursReported", "2026-01-01", Map.of("month", "2026-01", "hours", 60.5)));

        assertThat(hours(Contributions.of(f))).isEqualTo(60.5);
    }

    @Test
    void aMovedPathwayLeavesItsEntryInTheFirstAciAndCountsWhatFollowsInTheNewOne() {
        PathwayFacts f = hiredPhc();
        f = PathwayFolding.apply(f, event("PathwayTransferred", "2026-03-10", Map.of("fromAciId", "aci-1", "toAciId", "aci-2")));
        f = PathwayFolding.apply(f, event("MonthlyHoursReported", "2026-04-01", Map.of("month", "2026-04", "hours", 40)));
        f = PathwayFolding.apply(f, event("ParticipantExited", "2026-05-20", Map.of("reason", "CDI",
                "category", "DURABLE_EMPLOYMENT", "monthsInPathway", 4)));

        Map<Cell, Contribution> cells = Contributions.of(f);

        assertThat(cells.get(new Cell("paris", "aci-1", "PHC", "2026-01")).entered()).isEqualTo(1);
        assertThat(cells.get(new Cell("paris", "aci-1", "PHC", "2026-03")).movedOut()).isEqualTo(1);
        assertThat(cells.get(new Cell("paris", "aci-2", "PHC", "2026-03")).movedIn()).isEqualTo(1);
        assertThat(cells.get(new Cell("paris", "aci-2", "PHC", "2026-04")).hoursWorked()).isEqualTo(40);
        assertThat(cells.get(new Cell("paris", "aci-2", "PHC", "2026-05")).exited()).isEqualTo(1);
        // nobody is left present in either ACI once the person has exited
        int aci1 = cells.entrySet().stream().filter(e -> e.getKey().aciId().equals("aci-1"))
                .mapToInt(e -> e.getValue().presenceChange()).sum();
        int aci2 = cells.entrySet().stream().filter(e -> e.getKey().aciId().equals("aci-2"))
                .mapToInt(e -> e.getValue().presenceChange()).sum();
        assertThat(aci1).isZero();
        assertThat(aci2).isZero();
    }

    @Test
    void aTransitionMovesThePathwayFromThePhcCellToTheCvgCell() {
        PathwayFacts f = PathwayFolding.apply(hiredPhc(), event("ProgrammeTransitioned", "2026-04-01",
                Map.of("from", "PHC", "to", "CVG", "plannedEnd", "2027-04-01", "weeklyHours", 20)));

        Map<Cell, Contribution> cells = Contributions.of(f);

        assertThat(cells.get(new Cell("paris", "aci-1", "PHC", "2026-04")).transitionOut()).isEqualTo(1);
        assertThat(cells.get(new Cell("paris", "aci-1", "CVG", "2026-04")).transitionIn()).isEqualTo(1);
    }

    @Test
    void thePhcTrajectoryFollowsTheWeeklyHoursInForceAtEachMonthEnd() {
        PathwayFacts f = hiredPhc();
        f = PathwayFolding.apply(f, event("WeeklyHoursChanged", "2026-02-10", Map.of("fromHours", 4, "toHours", 6)));
        f = PathwayFolding.apply(f, event("WeeklyHoursChanged", "2026-04-01", Map.of("fromHours", 6, "toHours", 8)));

        Contribution entry = Contributions.of(f).get(new Cell("paris", "aci-1", "PHC", "2026-01"));

        assertThat(entry.phcTrajectory()).containsExactly(4.0, 6.0, 6.0, 8.0);
        assertThat(entry.currentPhcHours()).isEqualTo(8.0);
    }

    @Test
    void anEventBeforeTheHiringCannotBeApplied() {
        PathwayEvent exit = event("ParticipantExited", "2026-01-05",
                Map.of("category", "OTHER_EXIT", "reason", "x", "monthsInPathway", 1));

        assertThatThrownBy(() -> PathwayFolding.apply(PathwayFacts.empty("pw-1"), exit))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("before ParticipantHired");
    }

    /**
     * The PHC hours trajectory follows a PHC stage: at most phc-max-months of programme-rules.yml (12), i.e. the 13
     * calendar months a stage starting mid-month can touch — it used to run on to a hard-coded 36 (issue 22 item 2).
     */
    @Test
    void aPhcTrajectoryStopsAtTheStagesLongestLengthFromTheRules() {
        PathwayFacts f = hiredPhc();
        f = PathwayFolding.apply(f, event("HealthCareAccessed", "2027-09-20", Map.of()));   // still PHC 20 months on

        assertThat(fr.convergence.reporting.rules.ProgrammeLimits.CURRENT.phcMaxMonths()).isEqualTo(12);
        assertThat(Contributions.trajectory(f)).hasSize(13).containsOnly(4.0);
    }

    @Test
    void aLongPathwayIsOneLongerThanAStandardContractInTheRules() {
        assertThat(fr.convergence.reporting.rules.ProgrammeLimits.CURRENT.contractMaxMonths()).isEqualTo(24);
    }
}
