package fr.convergence.reporting.indicators;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Actual against target (issue 19 item 2): which targets apply to a report, and the share reached. */
class TargetProgressTest {

    private static Contribution entry() {
        return new Contribution(1, 0, 0, 0, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, List.of(), null);
    }

    private static Report report(String programme, String from, String to) {
        List<PathwayFact> facts = List.of(new PathwayFact("paris", "aci-1", "PHC", "2026-02", "a", entry()),
                new PathwayFact("paris", "aci-1", "PHC", "2026-05", "b", entry()),
                new PathwayFact("paris", "aci-1", "CVG", "2026-05", "c", entry()));
        return IndicatorCalculator.compute(new Filter(null, null, programme, YearMonth.parse(from), YearMonth.parse(to)),
                facts, List.of());
    }

    private static Target target(String programme, String from, String to, String indicator, double value) {
        return new Target("t-" + indicator + programme, "DGEFP", "État", "Convention", null, null, programme, from, to,
                indicator, value);
    }

    @Test
    void aTargetAppliesToAReportOfItsProgrammeWithinItsPeriodAndGivesTheShareReached() {
        Target people = target(null, "2026-01", "2026-12", "personnes_accompagnees", 12);
        Target phc = target("PHC", "2026-01", "2027-12", "entrees", 8);

        List<TargetProgress> year = TargetProgress.of(report(null, "2026-01", "2026-12"), List.of(people, phc));
        assertThat(year).singleElement().satisfies(p -> {
            assertThat(p.indicatorLabel()).isEqualTo("Personnes accompagnées dans la période");
            assertThat(p.actual()).isEqualTo(3.0);
            assertThat(p.reached()).isEqualTo(0.25);
        });
        // a quarter of the year: the progress so far
        assertThat(TargetProgress.of(report(null, "2026-01", "2026-03"), List.of(people)).get(0).actual()).isEqualTo(1.0);
        // the PHC target applies to the PHC figures only
        List<TargetProgress> phcYear = TargetProgress.of(report("PHC", "2026-01", "2026-12"), List.of(people, phc));
        assertThat(phcYear).singleElement().satisfies(p -> {
            assertThat(p.actual()).isEqualTo(2.0);
            assertThat(p.reached()).isEqualTo(0.25);
        });
        // a report reaching past the agreement's period is not compared with it
        assertThat(TargetProgress.of(report(null, "2025-12", "2026-06"), List.of(people))).isEmpty();
    }

    @Test
    void aZeroTargetOrAMissingValueHasNoShareReached() {
        TargetProgress zero = TargetProgress.of(report(null, "2026-01", "2026-12"),
                List.of(target(null, "2026-01", "2026-12", "entrees", 0))).get(0);
        assertThat(zero.actual()).isEqualTo(3.0);
        assertThat(zero.reached()).isNull();
        TargetProgress rate = TargetProgress.of(report(null, "2026-01", "2026-12"),
                List.of(target(null, "2026-01", "2026-12", "taux_sorties_dynamiques", 0.5))).get(0);
        assertThat(rate.actual()).as("no exit: no rate").isNull();
        assertThat(rate.reached()).isNull();
    }

    @Test
    void everySingleValuedIndicatorHasAValueAndOnlyThey() {
        assertThat(IndicatorValues.of(report(null, "2026-01", "2026-12")).keySet())
                .containsExactlyInAnyOrderElementsOf(IndicatorValues.SINGLE);
    }
}
