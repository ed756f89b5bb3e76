package fr.convergence.pathway.domain;

import fr.convergence.kit.problem.RuleViolation;
import fr.convergence.kit.problem.StateConflict;
import fr.convergence.pathway.domain.command.*;
import fr.convergence.pathway.domain.event.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static fr.convergence.pathway.domain.TestRules.TODAY;
import static org.hamcrest.Matchers.containsString;

/**
 * Issue 18, one behaviour per test: the entry profile, the accompaniment log, the housing trajectory, follow-up
 * contacts after the exit, date corrections and the cancellation of a mistaken exit. Given events get sequence
 * numbers from 0 in order, as in a stored stream.
 */
class SituationAndAccompanimentRulesTest {

    static final String ID = "pw-1";
    static final LocalDate START = LocalDate.of(2025, 1, 6);
    static final LocalDate EXIT = LocalDate.of(2026, 5, 29);   // 17 days before TestRules.TODAY (2026-06-15)

    FixtureConfiguration<Pathway> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Pathway.class);
        fixture.registerInjectableResource(TestRules.load());
        fixture.registerInjectableResource(TestRules.CLOCK);
    }

    static ParticipantHired hired() {
        return new ParticipantHired(ID, START, "p-1", "paris", "aci-1", Programme.CVG, START.plusMonths(24).minusDays(1), 26, false);
    }

    static EntryProfileRecorded profile(HousingSituation housing) {
        return new EntryProfileRecorded(ID, START, housing, DurationBand.YEARS_2_TO_5, ReferralSource.STREET_OUTREACH,
                HealthCover.NONE, List.of(RightKind.RSA), DurationBand.OVER_5_YEARS, null, null);
    }

    static ParticipantExited exited(LocalDate on) {
        return new ParticipantExited(ID, on, "CDI", ExitCategory.DURABLE_EMPLOYMENT, 16, HousingSituation.SOCIAL_RESIDENCE);
    }

    static RecordEntryProfile recordProfile(HousingSituation housing, CorrectionReason reason) {
        return new RecordEntryProfile(ID, START, housing, DurationBand.YEARS_2_TO_5, ReferralSource.STREET_OUTREACH,
                HealthCover.NONE, List.of(RightKind.RSA), DurationBand.OVER_5_YEARS, reason);
    }

    @Nested
    class EntryProfile {
        @Test
        void recordsTheFirstProfileAsItIs() {
            fixture.given(hired())
                    .when(recordProfile(HousingSituation.STREET, null))
                    .expectEvents(profile(HousingSituation.STREET));
        }

        @Test
        void aNewProfileCorrectsTheLastAndNamesIt() {
            fixture.given(hired(), profile(HousingSituation.STREET))
                    .when(recordProfile(HousingSituation.EMERGENCY_SHELTER, CorrectionReason.DATA_ENTRY_ERROR))
                    .expectEvents(new EntryProfileRecorded(ID, START, HousingSituation.EMERGENCY_SHELTER,
                            DurationBand.YEARS_2_TO_5, ReferralSource.STREET_OUTREACH, HealthCover.NONE,
                            List.of(RightKind.RSA), DurationBand.OVER_5_YEARS, 1L, CorrectionReason.DATA_ENTRY_ERROR));
        }

        @Test
        void refusesACorrectionWithoutAReason() {
            fixture.given(hired(), profile(HousingSituation.STREET))
                    .when(recordProfile(HousingSituation.EMERGENCY_SHELTER, null))
                    .expectException(RuleViolation.class).expectExceptionMessage(containsString("needs a reason"))
                    .expectNoEvents();
        }

        @Test
        void refusesAProfileWithoutItsHousingSituation() {
            fixture.given(hired())
                    .when(recordProfile(null, null))
                    .expectException(RuleViolation.class).expectExceptionMessage(containsString("housing is required"));
        }

        @Test
        void keepsEachRightOnceInAStableOrder() {
            fixture.given(hired())
                    .when(new RecordEntryProfile(ID, START, HousingSituation.STREET, DurationBand.UNKNOWN, ReferralSource.SIAO,
                            HealthCover.AME, List.of(RightKind.IDENTITY_DOCUMENT, RightKind.AME, RightKind.AME),
                            DurationBand.UNKNOWN, null))
                    .expectEvents(new EntryProfileRecorded(ID, START, HousingSituation.STREET, DurationBand.UNKNOWN,
                            ReferralSource.SIAO, HealthCover.AME, List.of(RightKind.AME, RightKind.IDENTITY_DOCUMENT),
                            DurationBand.UNKNOWN, null, null));
        }
    }

    @Nested
    class Accompaniment {
        @Test
        void recordsAnAccompaniedVisitWithTheRolesPresent() {
            fixture.given(hired())
                    .when(new RecordAccompaniment(ID, START.plusDays(10), AccompanimentKind.VISIT_MEDICAL, SessionLength.HALF_DAY,
                            List.of(SupportRole.CIP, SupportRole.PARTICIPANT, SupportRole.CIP)))
                    .expectEvents(new AccompanimentRecorded(ID, START.plusDays(10), AccompanimentKind.VISIT_MEDICAL,
                            SessionLength.HALF_DAY, List.of(SupportRole.PARTICIPANT, SupportRole.CIP)));
        }

        @Test
        void refusesAnAccompanimentWithNobodyNamed() {
            fixture.given(hired())
                    .when(new RecordAccompaniment(ID, START.plusDays(10), AccompanimentKind.INTERVIEW, SessionLength.UNDER_30_MINUTES, List.of()))
                    .expectException(RuleViolation.class).expectExceptionMessage(containsString("who took part"));
        }

        @Test
        void goesOnDuringFollowUpAfterTheExit() {
            fixture.given(hired(), exited(EXIT))
                    .when(new RecordAccompaniment(ID, EXIT.plusDays(5), AccompanimentKind.CASE_CONFERENCE, SessionLength.HOURS_1_TO_2,
                            List.of(SupportRole.CIP, SupportRole.SOCIAL_WORKER)))
                    .expectEvents(new AccompanimentRecorded(ID, EXIT.plusDays(5), AccompanimentKind.CASE_CONFERENCE,
                            SessionLength.HOURS_1_TO_2, List.of(SupportRole.CIP, SupportRole.SOCIAL_WORKER)));
        }

        @Test
        void refusesAnythingOnceFollowUpHasEnded() {
            fixture.given(hired(), exited(EXIT), new FollowUpStarted(ID, EXIT), new FollowUpEnded(ID, EXIT.plusDays(10)))
                    .when(new RecordAccompaniment(ID, EXIT.plusDays(12), AccompanimentKind.INTERVIEW, SessionLength.UNDER_30_MINUTES,
                            List.of(SupportRole.CIP)))
                    .expectException(StateConflict.class).expectNoEvents();
        }
    }

    @Nested
    class Housing {
        @Test
        void aChangeStartsFromTheSituationAtEntry() {
            fixture.given(hired(), profile(HousingSituation.STREET))
                    .when(new ChangeHousingSituation(ID, START.plusMonths(2), HousingSituation.HOSTED_BY_THIRD_PARTY))
                    .expectEvents(new HousingSituationChanged(ID, START.plusMonths(2), HousingSituation.STREET,
                            HousingSituation.HOSTED_BY_THIRD_PARTY));
        }

        @Test
        void aMoveFromTheStreetIntoAShelterAlsoSecuresAShelter() {
            fixture.given(hired(), profile(HousingSituation.STREET))
                    .when(new ChangeHousingSituation(ID, START.plusMonths(2), HousingSituation.EMERGENCY_SHELTER))
                    .expectEvents(new HousingSituationChanged(ID, START.plusMonths(2), HousingSituation.STREET,
                                    HousingSituation.EMERGENCY_SHELTER),
                            new HousingSecured(ID, START.plusMonths(2), HousingKind.SHELTER));
        }

        @Test
        void aMoveBetweenTwoSheltersSecuresNothingNew() {
            fixture.given(hired(), profile(HousingSituation.EMERGENCY_SHELTER))
                    .when(new ChangeHousingSituation(ID, START.plusMonths(2), HousingSituation.INSERTION_SHELTER))
                    .expectEvents(new HousingSituationChanged(ID, START.plusMonths(2), HousingSituation.EMERGENCY_SHELTER,
                            HousingSituation.INSERTION_SHELTER));
        }

        @Test
        void refusesAChangeToTheSameSituation() {
            fixture.given(hired(), profile(HousingSituation.STREET))
                    .when(new ChangeHousingSituation(ID, START.plusMonths(2), HousingSituation.STREET))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void theExitTakesTheLastKnownHousingWhenNoneIsGiven() {
            fixture.given(hired(), profile(HousingSituation.STREET),
                            new HousingSituationChanged(ID, START.plusMonths(3), HousingSituation.STREET, HousingSituation.SOCIAL_RESIDENCE))
                    .when(new ExitPathway(ID, START.plusMonths(10), "CDI"))
                    .expectEvents(new ParticipantExited(ID, START.plusMonths(10), "CDI", ExitCategory.DURABLE_EMPLOYMENT, 10,
                            HousingSituation.SOCIAL_RESIDENCE));
        }

        @Test
        void theExitRecordsTheHousingGiven() {
            fixture.given(hired(), profile(HousingSituation.STREET))
                    .when(new ExitPathway(ID, START.plusMonths(10), "CDI", HousingSituation.DURABLE_HOUSING))
                    .expectEvents(new ParticipantExited(ID, START.plusMonths(10), "CDI", ExitCategory.DURABLE_EMPLOYMENT, 10,
                            HousingSituation.DURABLE_HOUSING));
        }

        @Test
        void aHousingMoveIsStillRecordedDuringFollowUp() {
            fixture.given(hired(), exited(EXIT))
                    .when(new ChangeHousingSituation(ID, EXIT.plusDays(3), HousingSituation.DURABLE_HOUSING))
                    .expectEvents(new HousingSituationChanged(ID, EXIT.plusDays(3), HousingSituation.SOCIAL_RESIDENCE,
                                    HousingSituation.DURABLE_HOUSING),
                            new HousingSecured(ID, EXIT.plusDays(3), HousingKind.DURABLE_HOUSING));
        }

        @Test
        void aRightOpenedDuringFollowUpIsRecorded() {
            fixture.given(hired(), exited(EXIT))
                    .when(new RecordRightsOpened(ID, EXIT.plusDays(3), RightKind.HOUSING_BENEFIT))
                    .expectEvents(new RightsOpened(ID, EXIT.plusDays(3), RightKind.HOUSING_BENEFIT));
        }
    }

    @Nested
    class FollowUpContacts {
        @Test
        void aContactCountsForTheNearestExpectedMonth() {
            LocalDate exit = LocalDate.of(2025, 12, 1);
            fixture.given(hired(), exited(exit))
                    .when(new RecordFollowUpContact(ID, exit.plusMonths(6).plusDays(10), EmploymentSituation.CDI,
                            HousingSituation.DURABLE_HOUSING, null))
                    .expectEvents(new FollowUpContactRecorded(ID, exit.plusMonths(6).plusDays(10), 6, EmploymentSituation.CDI,
                            HousingSituation.DURABLE_HOUSING, null));
        }

        @Test
        void refusesAContactBeforeTheExit() {
            fixture.given(hired())
                    .when(new RecordFollowUpContact(ID, START.plusMonths(3), EmploymentSituation.CDI, HousingSituation.STREET, null))
                    .expectException(StateConflict.class).expectNoEvents();
        }

        @Test
        void refusesAContactBeyondTheFollowUpWindow() {
            LocalDate exit = LocalDate.of(2025, 3, 3);
            fixture.given(hired(), exited(exit))
                    .when(new RecordFollowUpContact(ID, exit.plusMonths(12).plusDays(1), EmploymentSituation.CDI,
                            HousingSituation.DURABLE_HOUSING, null))
                    .expectException(RuleViolation.class).expectExceptionMessage(containsString("12 months"));
        }
    }

    @Nested
    class DateCorrection {
        @Test
        void correctsTheDateOfAnEarlierEvent() {
            fixture.given(hired(), new RightsOpened(ID, START.plusMonths(2), RightKind.CSS))
                    .when(new CorrectEventDate(ID, 1L, START.plusMonths(1), CorrectionReason.DATA_ENTRY_ERROR))
                    .expectEvents(new EventDateCorrected(ID, TODAY, 1, "RightsOpened", START.plusMonths(2),
                            START.plusMonths(1), CorrectionReason.DATA_ENTRY_ERROR));
        }

        @Test
        void refusesAnEventTheStreamDoesNotHave() {
            fixture.given(hired())
                    .when(new CorrectEventDate(ID, 7L, START.plusMonths(1), CorrectionReason.DATA_ENTRY_ERROR))
                    .expectException(RuleViolation.class).expectExceptionMessage(containsString("no event 7"));
        }

        @Test
        void refusesToRedateMonthlyHours() {
            fixture.given(hired(), new MonthlyHoursReported(ID, START.withDayOfMonth(1), "2025-01", 60))
                    .when(new CorrectEventDate(ID, 1L, START.plusDays(3), CorrectionReason.DATA_ENTRY_ERROR))
                    .expectException(RuleViolation.class).expectExceptionMessage(containsString("MonthlyHoursReported"));
        }

        @Test
        void refusesACorrectionThatChangesNothing() {
            fixture.given(hired())
                    .when(new CorrectEventDate(ID, 0L, START, CorrectionReason.DATA_ENTRY_ERROR))
                    .expectException(RuleViolation.class).expectExceptionMessage(containsString("already dated"));
        }

        @Test
        void refusesToMoveTheHiringAfterTheFirstEvent() {
            fixture.given(hired(), new RightsOpened(ID, START.plusDays(5), RightKind.CSS))
                    .when(new CorrectEventDate(ID, 0L, START.plusDays(6), CorrectionReason.DATA_ENTRY_ERROR))
                    .expectException(RuleViolation.class).expectExceptionMessage(containsString("first event"));
        }

        @Test
        void refusesToMoveTheExitAfterFollowUpBegan() {
            fixture.given(hired(), exited(EXIT), new FollowUpStarted(ID, EXIT.plusDays(2)))
                    .when(new CorrectEventDate(ID, 1L, EXIT.plusDays(4), CorrectionReason.DATA_ENTRY_ERROR))
                    .expectException(RuleViolation.class).expectExceptionMessage(containsString("follow-up was recorded"));
        }

        @Test
        void aCorrectedHiringDateGovernsLaterChecks() {
            fixture.given(hired(), new EventDateCorrected(ID, TODAY, 0, "ParticipantHired", START, START.plusDays(20),
                            CorrectionReason.DATA_ENTRY_ERROR))
                    .when(new RecordRightsOpened(ID, START.plusDays(10), RightKind.CSS))
                    .expectException(RuleViolation.class).expectExceptionMessage(containsString("before its hiring"));
        }
    }

    @Nested
    class ExitCancellation {
        @Test
        void cancelsAMistakenExitWithinTheWindow() {
            fixture.given(hired(), exited(EXIT))
                    .when(new CancelExit(ID, CorrectionReason.EXIT_DID_NOT_HAPPEN))
                    .expectEvents(new ExitCancelled(ID, TODAY, 1, EXIT, CorrectionReason.EXIT_DID_NOT_HAPPEN));
        }

        @Test
        void thePathwayIsActiveAgainAfterTheCancellation() {
            fixture.given(hired(), exited(EXIT), new ExitCancelled(ID, TODAY, 1, EXIT, CorrectionReason.EXIT_DID_NOT_HAPPEN))
                    .when(new ChangeWeeklyHours(ID, TODAY, 28))
                    .expectEvents(new WeeklyHoursChanged(ID, TODAY, 26, 28, Programme.CVG));
        }

        @Test
        void refusesOnceTheWindowHasPassed() {
            LocalDate exit = TODAY.minusDays(31);
            fixture.given(hired(), exited(exit))
                    .when(new CancelExit(ID, CorrectionReason.EXIT_DID_NOT_HAPPEN))
                    .expectException(StateConflict.class).expectExceptionMessage(containsString("30 days"));
        }

        @Test
        void refusesOnceFollowUpHasBegun() {
            fixture.given(hired(), exited(EXIT), new FollowUpStarted(ID, EXIT.plusDays(1)))
                    .when(new CancelExit(ID, CorrectionReason.EXIT_DID_NOT_HAPPEN))
                    .expectException(StateConflict.class).expectExceptionMessage(containsString("follow-up has begun"));
        }

        @Test
        void refusesWhenThereIsNoExit() {
            fixture.given(hired())
                    .when(new CancelExit(ID, CorrectionReason.EXIT_DID_NOT_HAPPEN))
                    .expectException(StateConflict.class).expectNoEvents();
        }
    }

    @Nested
    class MonthlyHoursSeries {
        @Test
        void reportsEveryMonthOfTheSeries() {
            fixture.given(hired())
                    .when(new ReportMonthlyHoursSeries(ID, List.of(new ReportMonthlyHoursSeries.MonthHours("2025-01", 80.0),
                            new ReportMonthlyHoursSeries.MonthHours("2025-02", 96.0))))
                    .expectEvents(new MonthlyHoursReported(ID, LocalDate.of(2025, 1, 1), "2025-01", 80),
                            new MonthlyHoursReported(ID, LocalDate.of(2025, 2, 1), "2025-02", 96));
        }

        @Test
        void refusesTheWholeSeriesWhenOneMonthIsInTheFuture() {
            fixture.given(hired())
                    .when(new ReportMonthlyHoursSeries(ID, List.of(new ReportMonthlyHoursSeries.MonthHours("2026-05", 80.0),
                            new ReportMonthlyHoursSeries.MonthHours("2026-07", 96.0))))
                    .expectException(RuleViolation.class).expectExceptionMessage(containsString("future month"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMonthGivenTwice() {
            fixture.given(hired())
                    .when(new ReportMonthlyHoursSeries(ID, List.of(new ReportMonthlyHoursSeries.MonthHours("2025-03", 80.0),
                            new ReportMonthlyHoursSeries.MonthHours("2025-03", 96.0))))
                    .expectException(RuleViolation.class).expectExceptionMessage(containsString("twice"));
        }
    }
}
