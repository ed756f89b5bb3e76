package fr.convergence.reporting.indicators;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures the programme quotes (issue 19 item 3): names, ACI count, age bands, exits to employment and housing. */
class QuotedFiguresTest {

    private static Contribution entry() {
        return new Contribution(1, 0, 0, 0, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, List.of(), null);
    }

    private static Contribution exit(String category, String housingAtExit) {
        return new Contribution(0, 1, 0, 0, category, "r", 3, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, List.of(), null,
                0, 0, new Contribution.Support(null, 0, 0, 0, housingAtExit, null, null, List.of(), 0, 0, 0));
    }

    private static final Reference REFERENCE = new Reference(Map.of("paris", "Paris"), Map.of(
            "aci-1", new Reference.Aci("aci-1", "paris", "Emmaüs Défi", null, null),
            "aci-2", new Reference.Aci("aci-2", "paris", "Ateliers du Bocage", "2026-03-01", null),
            "aci-3", new Reference.Aci("aci-3", "paris", "Ancien ACI", "2020-01-01", "2025-12-31"),
            "aci-l", new Reference.Aci("aci-l", "lyon", "Lyon 1", null, null)),
            Map.of("a", "<26", "b", "<26", "c", "55+"));

    private static Report report(Filter filter, List<PathwayFact> facts) {
        return IndicatorCalculator.compute(filter, facts, List.of(), REFERENCE);
    }

    private static final List<PathwayFact> FACTS = List.of(
            new PathwayFact("paris", "aci-1", "CVG", "2026-01", "a", entry()),
            new PathwayFact("paris", "aci-1", "CVG", "2026-04", "a", exit("DURABLE_EMPLOYMENT", "SOCIAL_RESIDENCE")),
            new PathwayFact("paris", "aci-1", "CVG", "2026-01", "b", entry()),
            new PathwayFact("paris", "aci-1", "CVG", "2026-05", "b", exit("TRANSITION_EMPLOYMENT", "EMERGENCY_SHELTER")),
            new PathwayFact("paris", "aci-2", "PHC", "2026-03", "c", entry()),
            new PathwayFact("paris", "aci-2", "PHC", "2026-05", "c", exit("OTHER_EXIT", "STREET")),
            new PathwayFact("paris", "aci-2", "PHC", "2026-03", "d", entry()),
            new PathwayFact("paris", "aci-2", "PHC", "2026-06", "d", exit("WITHDRAWN", null)));

    @Test
    void theReportNamesItsScopeAndRowsAndCountsTheAciOfThePeriod() {
        Report paris = report(new Filter("paris", null, null, YearMonth.parse("2026-01"), YearMonth.parse("2026-06")),
                FACTS);
        assertThat(paris.territoryName()).isEqualTo("Paris");
        assertThat(paris.breakdown()).extracting(Report.BreakdownRow::name)
                .containsExactly("Ateliers du Bocage", "Emmaüs Défi");
        // aci-3 left before the period; aci-l is another territory's
        assertThat(paris.aciCount()).isEqualTo(2);
        Report before = report(new Filter("paris", null, null, YearMonth.parse("2025-06"), YearMonth.parse("2025-12")),
                FACTS);
        assertThat(before.aciCount()).as("aci-2 joined after, aci-3 was still in").isEqualTo(2);

        Report national = report(new Filter(null, null, null, YearMonth.parse("2026-01"), YearMonth.parse("2026-06")),
                FACTS);
        assertThat(national.aciCount()).isEqualTo(3);
        assertThat(national.breakdown()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Paris");
            assertThat(row.aciCount()).isEqualTo(2);
        });
        Report aci = report(new Filter("paris", "aci-1", null, null, null), FACTS);
        assertThat(aci.aciName()).isEqualTo("Emmaüs Défi");
        assertThat(aci.aciCount()).isNull();
    }

    @Test
    void peopleSupportedAreSplitByAgeBandAndUnknownWithoutARegistration() {
        Report paris = report(new Filter("paris", null, null, YearMonth.parse("2026-01"), YearMonth.parse("2026-06")),
                FACTS);
        assertThat(paris.totals().peopleSupported()).isEqualTo(4);
        assertThat(paris.ageBands()).extracting(Report.AgeBandRow::code)
                .containsExactly("<26", "26-34", "35-44", "45-54", "55+", Labels.UNKNOWN);
        assertThat(paris.ageBands()).extracting(Report.AgeBandRow::peopleSupported)
                .containsExactly(2L, 0L, 0L, 0L, 1L, 1L);
        assertThat(paris.ageBands().get(0).label()).isEqualTo("Moins de 26 ans");
        // people supported only: nobody in the period, nobody in any band
        Report later = report(new Filter("paris", null, null, YearMonth.parse("2027-01"), YearMonth.parse("2027-02")),
                FACTS);
        assertThat(later.ageBands()).allMatch(b -> b.peopleSupported() == 0);
    }

    @Test
    void exitsToEmploymentLeaveWithdrawnOutAndExitsToHousingOrShelterCountKnownSituationsOnly() {
        Report.Totals t = report(new Filter("paris", null, null, YearMonth.parse("2026-01"),
                YearMonth.parse("2026-06")), FACTS).totals();
        // durable + transition employment / (4 exits − 1 withdrawn)
        assertThat(t.exitsToEmployment()).isEqualTo(new Report.Share(2, 3, 0.6667));
        // social residence + emergency shelter / 3 exits with a known situation (the withdrawn one has none)
        assertThat(t.exitsToHousingOrShelter()).isEqualTo(new Report.Share(2, 3, 0.6667));
        assertThat(t.exitsToHousingOrShelter().numerator())
                .isEqualTo(t.exitsToDurableHousing().numerator() + t.exitsToShelter().numerator());
    }

    @Test
    void anAcisAgeBandsAreSmallCountsWithSecondarySuppressionButATerritorysAreShown() {
        Report aci = report(new Filter("paris", "aci-1", null, YearMonth.parse("2026-01"), YearMonth.parse("2026-06")),
                FACTS);
        // two people under 26 and nobody else: the 2 is hidden, and a zero with it, or the total (2) gives it back
        List<Long> shown = SmallCounts.protect(aci, SmallCounts.THRESHOLD).ageBands().stream()
                .map(Report.AgeBandRow::peopleSupported).toList();
        assertThat(shown.get(0)).isNull();
        assertThat(shown.stream().filter(java.util.Objects::isNull).count()).isEqualTo(2);

        Report paris = report(new Filter("paris", null, null, YearMonth.parse("2026-01"), YearMonth.parse("2026-06")),
                FACTS);
        assertThat(SmallCounts.protect(paris, SmallCounts.THRESHOLD).ageBands())
                .isEqualTo(paris.ageBands());
    }
}
