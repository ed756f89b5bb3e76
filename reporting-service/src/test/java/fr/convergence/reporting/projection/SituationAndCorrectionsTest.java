package fr.convergence.reporting.projection;

import fr.convergence.reporting.indicators.Contribution;
import fr.convergence.reporting.indicators.Filter;
import fr.convergence.reporting.indicators.IndicatorCalculator;
import fr.convergence.reporting.indicators.PathwayFact;
import fr.convergence.reporting.indicators.Report;
import fr.convergence.reporting.ingest.EventParser;
import fr.convergence.reporting.support.PathwayStream;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 on the pure path: pathway-event v1 records shaped as the contract (built by {@link PathwayStream}), read
 * by the service's parser, folded, turned into contributions and computed into a report, with no Kafka or store.
 */
class SituationAndCorrectionsTest {

    private static final String T = "paris";

    private static PathwayFacts fold(PathwayStream stream) {
        PathwayFacts f = PathwayFacts.empty(stream.pathwayId);
        for (String record : stream.records()) {
            f = PathwayFolding.apply(f, EventParser.pathway(stream.topic(), record));
        }
        return f;
    }

    private static List<PathwayFact> facts(PathwayStream... streams) {
        List<PathwayFact> facts = new ArrayList<>();
        for (PathwayStream s : streams) {
            Contributions.of(fold(s)).forEach((cell, c) -> facts.add(new PathwayFact(cell.territory(), cell.aciId(),
                    cell.programme(), cell.month(), s.pathwayId, c)));
        }
        return facts;
    }

    private static Report report(String from, String to, PathwayStream... streams) {
        return IndicatorCalculator.compute(new Filter(null, null, null, YearMonth.parse(from), YearMonth.parse(to)),
                facts(streams), List.of());
    }

    private static Report.Totals totals(String from, String to, PathwayStream... streams) {
        return report(from, to, streams).totals();
    }

    private static PathwayStream hired(String date) {
        return PathwayStream.hired(T, "aci-1", "CVG", date, 20);
    }

    // ---- corrections ----

    @Test
    void aCancelledExitNoLongerCountsAndThePersonIsActiveAgain() {
        PathwayStream s = hired("2030-01-10").exited("2030-03-15", "OTHER_EXIT", "unemployed", 2);
        long exit = s.last();
        Report.Totals before = totals("2030-01", "2030-06", s);
        assertThat(before.exited()).isEqualTo(1);
        assertThat(before.presentAtEnd()).isZero();
        assertThat(before.personMonths()).isEqualTo(3);

        s.cancelExit("2030-03-20", exit, "2030-03-15");
        Report.Totals after = totals("2030-01", "2030-06", s);

        assertThat(after.exited()).isZero();
        assertThat(after.exitsByCategory().get("OTHER_EXIT")).isZero();
        assertThat(after.presentAtEnd()).isEqualTo(1);
        assertThat(after.personMonths()).isEqualTo(6);
    }

    @Test
    void anExitAfterACancelledOneCountsOnceOnItsOwnDate() {
        PathwayStream s = hired("2030-01-10").exited("2030-03-15", "OTHER_EXIT", "unemployed", 2);
        s.cancelExit("2030-03-20", s.last(), "2030-03-15")
                .exited("2030-05-20", "DURABLE_EMPLOYMENT", "CDI", 4, "DURABLE_HOUSING");

        Report r = report("2030-01", "2030-06", s);

        assertThat(r.totals().exited()).isEqualTo(1);
        assertThat(r.totals().exitsByCategory()).containsEntry("DURABLE_EMPLOYMENT", 1L).containsEntry("OTHER_EXIT", 0L);
        assertThat(r.months()).filteredOn(m -> m.exited() > 0).extracting(Report.MonthRow::month).containsExactly("2030-05");
        assertThat(r.totals().exitsToDurableHousing()).isEqualTo(new Report.Share(1, 1, 1.0));
    }

    @Test
    void aFollowUpContactOfACancelledExitDoesNotCountForTheNextExit() {
        PathwayStream s = hired("2030-01-10").exited("2030-02-10", "DURABLE_EMPLOYMENT", "CDI", 1);
        long exit = s.last();
        s.followUp("2030-03-10", 6, "CDI", "DURABLE_HOUSING")
                .cancelExit("2030-03-11", exit, "2030-02-10")
                .exited("2030-04-10", "OTHER_EXIT", "unemployed", 3);

        Report.FollowUp sixMonths = totals("2030-01", "2030-06", s).followUp6();

        assertThat(sixMonths.exits()).isEqualTo(1);
        assertThat(sixMonths.contacted()).isZero();
    }

    @Test
    void aCorrectedDateMovesTheEventForEveryFigure() {
        PathwayStream s = hired("2030-01-10").accompaniment("2030-02-03", "INTERVIEW");
        long interview = s.last();
        s.exited("2030-02-28", "POSITIVE_EXIT", "training", 1);
        long exit = s.last();
        s.correctDate("2030-03-02", interview, "AccompanimentRecorded", "2030-02-03", "2030-01-20")
                .correctDate("2030-03-02", exit, "ParticipantExited", "2030-02-28", "2030-04-30")
                .correctDate("2030-03-02", 0, "ParticipantHired", "2030-01-10", "2029-12-10");

        Report r = report("2029-12", "2030-04", s);

        assertThat(r.months()).filteredOn(m -> m.entered() > 0).extracting(Report.MonthRow::month).containsExactly("2029-12");
        assertThat(r.months()).filteredOn(m -> m.exited() > 0).extracting(Report.MonthRow::month).containsExactly("2030-04");
        assertThat(totals("2030-01", "2030-01", s).interviews()).isEqualTo(1);
        assertThat(totals("2030-02", "2030-02", s).interviews()).isZero();
        assertThat(r.totals().personMonths()).isEqualTo(5);
    }

    @Test
    void aCorrectedStreamGivesTheSameContributionsAsTheStreamThatWasRightFromTheStart() {
        PathwayStream wrong = hired("2030-01-10")
                .event("WeeklyHoursChanged", "2030-06-01", Map.of("fromHours", 20, "toHours", 24))
                .event("BarrierLifted", "2030-02-01", Map.of("domain", "HOUSING"))
                .exited("2030-09-30", "DURABLE_EMPLOYMENT", "CDI", 8, "SOCIAL_RESIDENCE");
        wrong.correctDate("2030-10-01", 2, "BarrierLifted", "2030-02-01", "2030-05-01");
        PathwayStream right = hired("2030-01-10")
                .event("WeeklyHoursChanged", "2030-06-01", Map.of("fromHours", 20, "toHours", 24))
                .event("BarrierLifted", "2030-05-01", Map.of("domain", "HOUSING"))
                .exited("2030-09-30", "DURABLE_EMPLOYMENT", "CDI", 8, "SOCIAL_RESIDENCE");

        assertThat(Contributions.of(fold(wrong))).isEqualTo(Contributions.of(fold(right)));
        assertThat(totals("2030-05", "2030-05", wrong).barriersLiftedByDomain()).containsEntry("HOUSING", 1L);
    }

    @Test
    void aCorrectedEntryProfileReplacesTheEarlierOne() {
        PathwayStream s = hired("2030-01-10").profile("2030-01-10", "STREET", null);
        assertThat(totals("2030-01", "2030-01", s).fromStreet()).isEqualTo(new Report.Share(1, 1, 1.0));

        s.profile("2030-01-15", "EMERGENCY_SHELTER", s.last());
        Report.Totals t = totals("2030-01", "2030-01", s);

        assertThat(t.fromStreet()).isEqualTo(new Report.Share(0, 1, 0.0));
        assertThat(t.fromShelter()).isEqualTo(new Report.Share(1, 1, 1.0));
    }

    // ---- tolerance ----

    @Test
    void unknownTypesValuesAndFieldsChangeNothingAndRefuseNothing() {
        PathwayStream known = hired("2030-01-10").accompaniment("2030-01-12", "INTERVIEW");
        PathwayStream withUnknown = PathwayStream.hired(T, "aci-1", "CVG", "2030-01-10", 20)
                .event("ParticipantMoodRecorded", "2030-01-11", Map.of("mood", "GOOD"))
                .accompaniment("2030-01-12", "INTERVIEW")
                .accompaniment("2030-01-13", "PEER_SUPPORT_GROUP")
                .event("HousingSituationChanged", "2030-01-14", Map.of("to", "TINY_HOUSE", "futureField", 3));

        PathwayFacts f = fold(withUnknown);

        assertThat(f.lastSequence).isEqualTo(4);
        assertThat(f.housingSituation).isEqualTo("TINY_HOUSE");
        Report.Totals t = totals("2030-01", "2030-01", withUnknown);
        assertThat(t.interviews()).isEqualTo(totals("2030-01", "2030-01", known).interviews()).isEqualTo(1);
        assertThat(t.accompaniedVisits()).isZero();
        assertThat(t.caseConferences()).isZero();
    }

    @Test
    void theLogKeepsOnlyThePayloadFieldsTheFoldingReads() {
        PathwayStream s = hired("2030-01-10")
                .event("PathwayExtended", "2030-06-01", Map.of("previousPlannedEnd", "2031-01-01",
                        "newPlannedEnd", "2032-01-01", "reason", "DIFFICULTIES", "decisionReference", "D-2030-17"))
                .accompaniment("2030-06-02", "VISIT_JUSTICE")
                .event("ParticipantMoodRecorded", "2030-06-03", Map.of("future.field", "x"));

        List<PathwayFacts.LoggedEvent> log = fold(s).log;

        assertThat(log).extracting(PathwayFacts.LoggedEvent::type).containsExactly("ParticipantHired",
                "PathwayExtended", "AccompanimentRecorded", "ParticipantMoodRecorded");
        assertThat(log.get(1).data()).isEmpty();
        assertThat(log.get(2).data()).containsOnlyKeys("kind");
        assertThat(log.get(3).data()).isEmpty();
    }

    // ---- indicators ----

    @Test
    void peopleSupportedAreEveryoneActiveInThePeriodNotOnlyTheEntries() {
        PathwayStream before = hired("2029-06-01");                                            // active throughout
        PathwayStream gone = hired("2029-06-01").exited("2029-12-31", "OTHER_EXIT", "x", 6);   // left before
        PathwayStream leaves = hired("2029-06-01").exited("2030-01-10", "OTHER_EXIT", "x", 7); // leaves in January
        PathwayStream enters = hired("2030-02-15");                                            // enters in February

        Report.Totals t = totals("2030-01", "2030-03", before, gone, leaves, enters);

        assertThat(t.entered()).isEqualTo(1);
        assertThat(t.peopleSupported()).isEqualTo(3);
        assertThat(t.personMonths()).isEqualTo(3 + 1 + 2);
    }

    @Test
    void aPersonMovedToAnotherAciOrProgrammeIsSupportedInBothScopesAndOnceInTheTerritory() {
        PathwayStream moved = PathwayStream.hired(T, "aci-1", "PHC", "2030-01-05", 4)
                .event("ProgrammeTransitioned", "2030-02-10", Map.of("from", "PHC", "to", "CVG",
                        "plannedEnd", "2032-01-01", "weeklyHours", 20))
                .event("PathwayTransferred", "2030-03-10", Map.of("fromAciId", "aci-1", "toAciId", "aci-2"))
                .profile("2030-01-05", "STREET", null);
        List<PathwayFact> facts = facts(moved);
        java.util.function.Function<Filter, Report.Totals> in = filter -> IndicatorCalculator.compute(filter, facts,
                List.of()).totals();
        YearMonth jan = YearMonth.of(2030, 1), apr = YearMonth.of(2030, 4);

        Report.Totals territory = in.apply(new Filter(T, null, null, jan, apr));
        Report.Totals aci1 = in.apply(new Filter(T, "aci-1", null, jan, apr));
        Report.Totals aci2 = in.apply(new Filter(T, "aci-2", null, jan, apr));
        Report.Totals phc = in.apply(new Filter(T, null, "PHC", jan, apr));
        Report.Totals cvg = in.apply(new Filter(T, null, "CVG", jan, apr));

        assertThat(territory.peopleSupported()).isEqualTo(1);
        assertThat(territory.personMonths()).isEqualTo(4);
        assertThat(aci1.personMonths()).isEqualTo(3);      // January to March, moved out in March
        assertThat(aci2.personMonths()).isEqualTo(2);      // March (moved in) and April
        assertThat(phc.personMonths()).isEqualTo(2);       // January and February (transition month)
        assertThat(cvg.personMonths()).isEqualTo(3);       // February to April
        assertThat(List.of(aci1, aci2, phc, cvg)).allSatisfy(t -> {
            assertThat(t.peopleSupported()).isEqualTo(1);
            assertThat(t.fromStreet()).isEqualTo(new Report.Share(1, 1, 1.0));
        });
    }

    @Test
    void supportIntensityCountsTheActsOfThePathwayPerPersonMonth() {
        PathwayStream a = hired("2030-01-05").accompaniment("2030-01-06", "INTERVIEW")
                .accompaniment("2030-02-06", "INTERVIEW").accompaniment("2030-02-07", "VISIT_MEDICAL")
                .accompaniment("2030-02-08", "VISIT_HOUSING").accompaniment("2030-02-09", "CASE_CONFERENCE")
                .exited("2030-02-28", "OTHER_EXIT", "x", 2)
                .accompaniment("2030-03-10", "INTERVIEW");   // follow-up: outside the pathway's intensity
        PathwayStream b = hired("2030-02-01");

        Report.Totals t = totals("2030-01", "2030-03", a, b);

        assertThat(t.personMonths()).isEqualTo(2 + 2);
        assertThat(t.interviewsPerPersonMonth()).isEqualTo(new Report.Share(2, 4, 0.5));
        assertThat(t.accompaniedVisitsPerPersonMonth()).isEqualTo(new Report.Share(2, 4, 0.5));
        assertThat(t.caseConferences()).isEqualTo(1);
        Report r = report("2030-01", "2030-03", a, b);
        assertThat(r.months()).extracting(Report.MonthRow::peopleActive).containsExactly(1L, 2L, 1L);
        assertThat(r.months()).extracting(Report.MonthRow::interviews).containsExactly(1L, 1L, 0L);
        assertThat(r.months()).extracting(Report.MonthRow::accompaniedVisits).containsExactly(0L, 2L, 0L);
    }

    @Test
    void entryHousingSharesAreAmongPeopleSupportedWithAProfile() {
        PathwayStream street = hired("2030-01-05").profile("2030-01-05", "MAKESHIFT", null);
        PathwayStream shelter = hired("2029-03-05").profile("2029-03-05", "INSERTION_SHELTER", null);
        PathwayStream hosted = hired("2030-01-05").profile("2030-01-05", "HOSTED_BY_THIRD_PARTY", null);
        PathwayStream noProfile = hired("2030-01-05");
        PathwayStream gone = hired("2029-01-05").profile("2029-01-05", "STREET", null)
                .exited("2029-06-30", "OTHER_EXIT", "x", 5);

        Report.Totals t = totals("2030-01", "2030-01", street, shelter, hosted, noProfile, gone);

        assertThat(t.peopleSupported()).isEqualTo(4);
        assertThat(t.fromStreet()).isEqualTo(new Report.Share(1, 3, 0.3333));
        assertThat(t.fromShelter()).isEqualTo(new Report.Share(1, 3, 0.3333));
    }

    @Test
    void exitsToHousingAreAmongExitsWithAKnownHousingAtExit() {
        PathwayStream durable = hired("2030-01-05").exited("2030-02-01", "DURABLE_EMPLOYMENT", "CDI", 1, "DURABLE_HOUSING");
        PathwayStream residence = hired("2030-01-05").exited("2030-02-01", "OTHER_EXIT", "x", 1, "SOCIAL_RESIDENCE");
        PathwayStream shelter = hired("2030-01-05").exited("2030-02-01", "OTHER_EXIT", "x", 1, "SOCIAL_HOTEL");
        PathwayStream street = hired("2030-01-05").exited("2030-02-01", "OTHER_EXIT", "x", 1, "STREET");
        PathwayStream unknown = hired("2030-01-05").exited("2030-02-01", "OTHER_EXIT", "x", 1, "UNKNOWN");
        PathwayStream old = hired("2030-01-05").exited("2030-02-01", "OTHER_EXIT", "x", 1);   // before housingAtExit

        Report.Totals t = totals("2030-01", "2030-02", durable, residence, shelter, street, unknown, old);

        assertThat(t.exitsToDurableHousing()).isEqualTo(new Report.Share(2, 4, 0.5));
        assertThat(t.exitsToShelter()).isEqualTo(new Report.Share(1, 4, 0.25));
        assertThat(t.exitsByHousing()).containsEntry("UNKNOWN", 2L).containsEntry("STREET", 1L);
    }

    @Test
    void situationAfterExitIsAmongPeopleReachedInTheCohortOfExits() {
        PathwayStream cdi = hired("2029-01-05").exited("2030-01-10", "DURABLE_EMPLOYMENT", "CDI", 12, "DURABLE_HOUSING")
                .followUp("2030-07-10", 6, "CDI", "DURABLE_HOUSING").followUp("2031-01-10", 12, "JOB_SEEKING", "SOCIAL_RESIDENCE");
        PathwayStream seeking = hired("2029-01-05").exited("2030-02-10", "OTHER_EXIT", "x", 13)
                .followUp("2030-08-10", 6, "JOB_SEEKING", "EMERGENCY_SHELTER");
        PathwayStream notReached = hired("2029-01-05").exited("2030-02-10", "OTHER_EXIT", "x", 13)
                .followUp("2030-08-10", 6, "NOT_REACHED", "UNKNOWN");
        PathwayStream noContact = hired("2029-01-05").exited("2030-03-10", "OTHER_EXIT", "x", 14);
        PathwayStream otherCohort = hired("2029-01-05").exited("2029-06-10", "OTHER_EXIT", "x", 5)
                .followUp("2029-12-10", 6, "CDI", "DURABLE_HOUSING");

        Report.Totals t = totals("2030-01", "2030-03", cdi, seeking, notReached, noContact, otherCohort);

        assertThat(t.followUp6()).isEqualTo(new Report.FollowUp(6, 4, 3, 1, new Report.Share(1, 2, 0.5),
                new Report.Share(1, 2, 0.5)));
        assertThat(t.followUp12()).isEqualTo(new Report.FollowUp(12, 4, 1, 0, new Report.Share(0, 1, 0.0),
                new Report.Share(1, 1, 1.0)));
    }

    @Test
    void barriersLiftedExtensionsAndImmersionsOfThePeriod() {
        PathwayStream s = hired("2030-01-05")
                .event("BarrierLifted", "2030-02-01", Map.of("domain", "HEALTH"))
                .event("BarrierLifted", "2030-03-01", Map.of("domain", "HEALTH"))
                .event("BarrierLifted", "2030-02-10", Map.of("domain", "RIGHTS_ADMINISTRATIVE"))
                .event("PathwayExtended", "2030-02-15", Map.of("previousPlannedEnd", "2031-01-01",
                        "newPlannedEnd", "2032-01-01", "reason", "DIFFICULTIES", "decisionReference", "D-1"))
                .event("ImmersionDone", "2030-02-20", Map.of("days", 3))
                .event("ImmersionDone", "2030-04-20", Map.of("days", 5));

        Report.Totals feb = totals("2030-02", "2030-02", s);

        assertThat(feb.barriersLiftedByDomain()).containsExactly(Map.entry("HEALTH", 1L),
                Map.entry("RIGHTS_ADMINISTRATIVE", 1L));
        assertThat(feb.extensions()).isEqualTo(1);
        assertThat(feb.immersions()).isEqualTo(1);
        assertThat(feb.immersionDays()).isEqualTo(3.0);
        assertThat(totals("2030-03", "2030-03", s).barriersLiftedByDomain()).isEmpty();
        assertThat(totals("2030-01", "2030-12", s).immersionDays()).isEqualTo(8.0);
    }

    @Test
    void theSupportPartOfAShareIsEmptyForAPathwayWithoutIssue18Events() {
        Contribution entry = Contributions.of(fold(hired("2030-01-05"))).values().iterator().next();

        assertThat(entry.support().isEmpty()).isTrue();
    }
}
