package fr.convergence.reporting.indicators;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorCalculatorTest {

    private static int ids;

    private static Contribution exit(String category, int months) {
        return new Contribution(0, 1, 0, 0, category, "reason-" + category, months, 0, 0, 0, 0, 0, 0, 0, 0,
                List.of(), 0, List.of(), null);
    }

    private static Contribution entry() {
        return new Contribution(1, 0, 0, 0, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, List.of(), null);
    }

    private static Contribution transition(boolean in) {
        return new Contribution(0, 0, in ? 1 : 0, in ? 0 : 1, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0,
                List.of(), null);
    }

    private static PathwayFact fact(String programme, String month, Contribution c) {
        return new PathwayFact("paris", "aci-1", programme, month, "p" + (ids++), c);
    }

    private static Report.Totals totals(Filter filter, List<PathwayFact> facts) {
        return IndicatorCalculator.compute(filter, facts, List.of()).totals();
    }

    @Test
    void dynamicExitRateLeavesWithdrawnExitsOutOfTheDenominator() {
        List<PathwayFact> facts = List.of(
                fact("CVG", "2026-03", exit("DURABLE_EMPLOYMENT", 20)),
                fact("CVG", "2026-03", exit("TRANSITION_EMPLOYMENT", 20)),
                fact("CVG", "2026-03", exit("POSITIVE_EXIT", 20)),
                fact("CVG", "2026-03", exit("OTHER_EXIT", 20)),
                fact("CVG", "2026-03", exit("WITHDRAWN", 20)),
                fact("CVG", "2026-03", exit("WITHDRAWN", 20)));

        // 3 dynamic of (6 exits − 2 withdrawn) = 0.75, not 3/6
        assertThat(totals(Filter.national(), facts).dynamicExitRate()).isEqualTo(0.75);
    }

    @Test
    void dynamicExitRateIsEmptyWhenEveryExitIsWithdrawn() {
        List<PathwayFact> facts = List.of(fact("CVG", "2026-03", exit("WITHDRAWN", 3)));

        assertThat(totals(Filter.national(), facts).dynamicExitRate()).isNull();
    }

    @Test
    void medianLengthIsTheMeanOfTheTwoMiddleExitedPathwaysForAnEvenCount() {
        List<PathwayFact> facts = List.of(
                fact("CVG", "2026-01", exit("OTHER_EXIT", 6)),
                fact("CVG", "2026-02", exit("OTHER_EXIT", 40)),
                fact("CVG", "2026-02", exit("OTHER_EXIT", 12)),
                fact("CVG", "2026-03", exit("OTHER_EXIT", 30)));

        Report.Totals t = totals(Filter.national(), facts);

        assertThat(t.medianMonthsInPathway()).isEqualTo(21.0);
        assertThat(t.shareBeyond24Months()).isEqualTo(0.5);
    }

    @Test
    void medianLengthCountsOnlyPathwaysExitedInThePeriod() {
        List<PathwayFact> facts = List.of(
                fact("CVG", "2025-12", exit("OTHER_EXIT", 50)),
                fact("CVG", "2026-01", exit("OTHER_EXIT", 10)),
                fact("CVG", "2026-02", exit("OTHER_EXIT", 14)),
                fact("CVG", "2026-02", exit("OTHER_EXIT", 26)));

        Filter period = new Filter(null, null, null, YearMonth.of(2026, 1), YearMonth.of(2026, 2));

        assertThat(totals(period, facts).medianMonthsInPathway()).isEqualTo(14.0);
    }

    @Test
    void presentAtMonthEndMovesTransitionedPathwaysFromPhcToCvg() {
        List<PathwayFact> facts = new ArrayList<>(List.of(
                fact("PHC", "2026-01", entry()),
                fact("PHC", "2026-01", entry()),
                fact("PHC", "2026-03", transition(false)),
                fact("CVG", "2026-03", transition(true))));
        Filter phc = new Filter(null, null, "PHC", YearMonth.of(2026, 1), YearMonth.of(2026, 3));
        Filter all = new Filter(null, null, null, YearMonth.of(2026, 1), YearMonth.of(2026, 3));

        assertThat(totals(phc, facts).presentAtEnd()).isEqualTo(1);
        assertThat(totals(phc, facts).phcToCvg()).isEqualTo(1);
        assertThat(totals(all, facts).presentAtEnd()).isEqualTo(2);
    }
}
