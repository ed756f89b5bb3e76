package fr.convergence.reporting.indicators;

import fr.convergence.reporting.export.ReportTables;
import fr.convergence.reporting.export.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19, item 4: small counts below territory level are hidden, and the territory total cannot give them back. */
class SmallCountsTest {

    private static List<Boolean> hidden(Long... column) {
        boolean[] hide = SmallCounts.hidden(List.of(column), SmallCounts.THRESHOLD);
        return IntStream.range(0, hide.length).mapToObj(i -> hide[i]).toList();
    }

    @Test
    void countsFromOneToFourAreHiddenZerosAndFivesAreShown() {
        assertThat(hidden(0L, 1L, 4L, 5L, 12L)).containsExactly(false, true, true, false, false);
    }

    @Test
    void aSingleHiddenCellTakesTheSmallestOtherNonZeroCellWithItSoThatTheTotalDoesNotGiveItBack() {
        assertThat(hidden(3L, 0L, 9L, 7L)).containsExactly(true, false, false, true);
    }

    @Test
    void twoHiddenCellsNeedNothingMoreAndALoneAciIsItsTerritory() {
        assertThat(hidden(2L, 3L, 40L)).containsExactly(true, true, false);
        assertThat(hidden(3L)).containsExactly(true);
    }

    @Test
    void whenEveryOtherCellIsZeroAZeroIsHiddenTooOrTheTotalWouldNameTheAci() {
        assertThat(hidden(0L, 3L, 0L)).containsExactly(true, true, false);
    }

    @Test
    void noColumnOfTheExportedAciTableLeavesExactlyOneHiddenCell() {
        List<Report.BreakdownRow> rows = List.of(
                new Report.BreakdownRow("aci-1", 2L, 0L, 12L, null, 100.0, 14L),
                new Report.BreakdownRow("aci-2", 8L, 3L, 6L, 0.6667, 80.0, 9L),
                new Report.BreakdownRow("aci-3", 11L, 6L, 20L, 0.5, 300.0, 26L));
        Report territory = IndicatorCalculator.compute(new Filter("t", null, null, null, null), List.of(), List.of());
        List<List<Object>> table = SmallCounts.tableRows(new Report(territory.level(), "t", null, null,
                territory.from(), territory.to(), territory.totals(), territory.months(), rows), SmallCounts.THRESHOLD);

        // name first (the code until named), code kept last
        assertThat(table.get(0)).containsExactly("aci-1", "s", 0L, 12L, null, 100.0, 14L, "aci-1");
        assertThat(table.get(1)).containsExactly("aci-2", "s", "s", 6L, "s", 80.0, 9L, "aci-2");
        assertThat(table.get(2)).containsExactly("aci-3", 11L, "s", 20L, "s", 300.0, 26L, "aci-3");
        for (int column = 1; column < 7; column++) {
            int c = column;
            long hiddenCells = table.stream().filter(r -> SmallCounts.HIDDEN.equals(r.get(c))).count();
            assertThat(hiddenCells).as("hidden cells in column %d", c).isNotEqualTo(1);
        }
    }

    @Test
    void aTerritoryExportHidesItsAciSmallCountsButTheNationalOneShowsTerritoriesAsTheyAre() {
        List<Report.BreakdownRow> rows = List.of(new Report.BreakdownRow("a", 2L, 0L, 2L, null, 1.0, 2L),
                new Report.BreakdownRow("b", 9L, 0L, 9L, null, 1.0, 9L));
        Report territory = IndicatorCalculator.compute(new Filter("t", null, null, null, null), List.of(), List.of());
        Report withRows = new Report(territory.level(), "t", null, null, territory.from(), territory.to(),
                territory.totals(), territory.months(), rows);
        Report national = new Report("NATIONAL", null, null, null, territory.from(), territory.to(),
                territory.totals(), territory.months(), rows);

        assertThat(sheet(withRows, "ACI").rows().get(0)).containsExactly("a", "s", 0L, "s", null, 1.0, "s", "a");
        assertThat(sheet(national, "Territoires").rows().get(0))
                .containsExactly("a", 2L, 0L, 2L, null, 1.0, 2L, null, "a");
    }

    private static Table sheet(Report report, String name) {
        return ReportTables.of(report).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
