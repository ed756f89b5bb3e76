package fr.convergence.pathway.domain;

import fr.convergence.kit.problem.StateConflict;

import fr.convergence.kit.problem.RuleViolation;

import fr.convergence.pathway.domain.command.*;
import fr.convergence.pathway.domain.event.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static fr.convergence.pathway.domain.TestRules.TODAY;

/** One behaviour per test: each programme rule of DOMAIN.md, accepted and refused. */
class PathwayRulesTest {

    static final String ID = "pw-1";
    static final LocalDate START = LocalDate.of(2025, 1, 6);

    FixtureConfiguration<Pathway> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Pathway.class);
        fixture.registerInjectableResource(TestRules.load());
        fixture.registerInjectableResource(TestRules.CLOCK);
    }

    static ParticipantHired hiredPhc() {
        return new ParticipantHired(ID, START, "p-1", "paris", "aci-1", Programme.PHC, START.plusMonths(6), 4, false);
    }

    static ParticipantHired hiredCvg(LocalDate start) {
        return new ParticipantHired(ID, start, "p-1", "paris", "aci-1", Programme.CVG, start.plusMonths(24).minusDays(1), 26, false);
    }

    static ParticipantExited exited(LocalDate on) {
        return new ParticipantExited(ID, on, "CDI", ExitCategory.DURABLE_EMPLOYMENT, 10, null);
    }

    @Nested
    class Hiring {
        @Test
        void hiresOnPhcAtFourHours() {
            fixture.givenNoPriorActivity()
                    .when(new HireParticipant(ID, START, "p-1", "paris", "aci-1", Programme.PHC, START.plusMonths(6), 4, false))
                    .expectEvents(hiredPhc());
        }

        @Test
        void refusesAContractStartingInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(new HireParticipant(ID, TODAY.plusDays(1), "p-1", "paris", "aci-1", Programme.PHC, TODAY.plusMonths(3), 4, false))
                    .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("never in the future"));
        }

        @Test
        void refusesAPlannedEndBeforeTheStart() {
            fixture.givenNoPriorActivity()
                    .when(new HireParticipant(ID, START, "p-1", "paris", "aci-1", Programme.CVG, START.minusDays(1), 26, false))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void refusesAPhcStageLongerThanItsMaximum() {
            fixture.givenNoPriorActivity()
                    .when(new HireParticipant(ID, START, "p-1", "paris", "aci-1", Programme.PHC, START.plusMonths(13), 4, false))
                    .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("12 months"));
        }

        @Test
        void refusesAFirstCvgContractBeyond24Months() {
            fixture.givenNoPriorActivity()
                    .when(new HireParticipant(ID, START, "p-1", "paris", "aci-1", Programme.CVG, START.plusMonths(24).plusDays(1), 26, false))
                    .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("24 months"));
        }

        @Test
        void refusesZeroWeeklyHours() {
            fixture.givenNoPriorActivity()
                    .when(new HireParticipant(ID, START, "p-1", "paris", "aci-1", Programme.CVG, START.plusMonths(12), 0, true))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void refusesMoreThan35WeeklyHours() {
            fixture.givenNoPriorActivity()
                    .when(new HireParticipant(ID, START, "p-1", "paris", "aci-1", Programme.CVG, START.plusMonths(12), 35.5, false))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void refusesAPhcBelowItsMinimumHours() {
            fixture.givenNoPriorActivity()
                    .when(new HireParticipant(ID, START, "p-1", "paris", "aci-1", Programme.PHC, START.plusMonths(6), 2, false))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void refusesACvgBelow20HoursWithoutDerogation() {
            fixture.givenNoPriorActivity()
                    .when(new HireParticipant(ID, START, "p-1", "paris", "aci-1", Programme.CVG, START.plusMonths(12), 12, false))
                    .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("derogation"));
        }

        @Test
        void acceptsACvgBelow20HoursWithADerogation() {
            fixture.givenNoPriorActivity()
                    .when(new HireParticipant(ID, START, "p-1", "paris", "aci-1", Programme.CVG, START.plusMonths(12), 12, true))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ParticipantHired(ID, START, "p-1", "paris", "aci-1", Programme.CVG, START.plusMonths(12), 12, true));
        }
    }

    @Nested
    class WeeklyHours {
        @Test
        void rampsAPhcFromFourToSixHours() {
            fixture.given(hiredPhc())
                    .when(new ChangeWeeklyHours(ID, START.plusWeeks(4), 6))
                    .expectEvents(new WeeklyHoursChanged(ID, START.plusWeeks(4), 4, 6, Programme.PHC));
        }

        @Test
        void refusesAChangeDatedBeforeTheHiring() {
            fixture.given(hiredPhc())
                    .when(new ChangeWeeklyHours(ID, START.minusDays(1), 6))
                    .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("before its hiring"));
        }

        @Test
        void refusesAChangeDatedInTheFuture() {
            fixture.given(hiredPhc())
                    .when(new ChangeWeeklyHours(ID, TODAY.plusDays(2), 6))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void refusesAPhcAboveTwentyHours() {
            fixture.given(hiredPhc())
                    .when(new ChangeWeeklyHours(ID, START.plusWeeks(4), 24))
                    .expectException(RuleViolation.class).expectNoEvents();
        }
    }

    @Nested
    class Transition {
        @Test
        void movesAPhcToCvg() {
            LocalDate on = START.plusMonths(5);
            fixture.given(hiredPhc())
                    .when(new TransitionToConvergence(ID, on, on.plusMonths(24), 26, false))
                    .expectEvents(new ProgrammeTransitioned(ID, on, Programme.PHC, Programme.CVG, on.plusMonths(24), 26, false));
        }

        @Test
        void refusesToTransitionACvgPathway() {
            fixture.given(hiredCvg(START))
                    .when(new TransitionToConvergence(ID, START.plusMonths(2), START.plusMonths(20), 26, false))
                    .expectException(StateConflict.class).expectNoEvents();
        }

        @Test
        void countsThePhcTimeInTheSixtyMonthTotal() {
            LocalDate longAgo = LocalDate.of(2021, 3, 1);
            LocalDate on = LocalDate.of(2024, 6, 1);
            fixture.given(new ParticipantHired(ID, longAgo, "p-1", "paris", "aci-1", Programme.PHC, longAgo.plusMonths(6), 4, false))
                    .when(new TransitionToConvergence(ID, on, on.plusMonths(24), 26, false))
                    .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("60 months"));
        }
    }

    @Nested
    class Extension {
        @Test
        void extendsACvgPathwayByTwelveMonths() {
            ParticipantHired hired = hiredCvg(START);
            fixture.given(hired)
                    .when(new ExtendPathway(ID, TODAY, hired.plannedEnd().plusMonths(12), ExtensionReason.PARTICULARLY_SIGNIFICANT_DIFFICULTIES, "DEC-1"))
                    .expectEvents(new PathwayExtended(ID, TODAY, hired.plannedEnd(), hired.plannedEnd().plusMonths(12),
                            ExtensionReason.PARTICULARLY_SIGNIFICANT_DIFFICULTIES, "DEC-1"));
        }

        @Test
        void refusesOneExtensionLongerThanTwelveMonths() {
            ParticipantHired hired = hiredCvg(START);
            fixture.given(hired)
                    .when(new ExtendPathway(ID, TODAY, hired.plannedEnd().plusMonths(12).plusDays(1), ExtensionReason.OTHER, "DEC-1"))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void refusesAnExtensionBeyondSixtyMonthsInTotal() {
            LocalDate start = LocalDate.of(2022, 1, 1);
            ParticipantHired hired = hiredCvg(start);
            fixture.given(hired,
                            new PathwayExtended(ID, LocalDate.of(2023, 11, 1), hired.plannedEnd(), LocalDate.of(2024, 12, 31), ExtensionReason.OTHER, "D1"),
                            new PathwayExtended(ID, LocalDate.of(2024, 11, 1), LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31), ExtensionReason.OTHER, "D2"),
                            new PathwayExtended(ID, LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31), ExtensionReason.OTHER, "D3"))
                    .when(new ExtendPathway(ID, TODAY, LocalDate.of(2027, 3, 31), ExtensionReason.OTHER, "D4"))
                    .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("60 months"));
        }

        @Test
        void refusesAnExtensionThatDoesNotMoveTheEndForward() {
            ParticipantHired hired = hiredCvg(START);
            fixture.given(hired)
                    .when(new ExtendPathway(ID, TODAY, hired.plannedEnd(), ExtensionReason.OTHER, "DEC-1"))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void refusesToStretchAPhcBeyondItsMaximum() {
            fixture.given(hiredPhc())
                    .when(new ExtendPathway(ID, START.plusMonths(5), START.plusMonths(14), ExtensionReason.OTHER, "DEC-1"))
                    .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("PHC"));
        }
    }

    @Nested
    class Barriers {
        @Test
        void assessesABarrierHandledByAPartner() {
            fixture.given(hiredPhc())
                    .when(new AssessBarrier(ID, START.plusDays(3), BarrierDomain.HOUSING, Intensity.HIGH, Handling.PARTNER))
                    .expectEvents(new BarrierAssessed(ID, START.plusDays(3), BarrierDomain.HOUSING, Intensity.HIGH, Handling.PARTNER));
        }

        @Test
        void liftsAnOpenBarrier() {
            fixture.given(hiredPhc(), new BarrierAssessed(ID, START.plusDays(3), BarrierDomain.HOUSING, Intensity.HIGH, Handling.PARTNER))
                    .when(new LiftBarrier(ID, START.plusMonths(2), BarrierDomain.HOUSING))
                    .expectEvents(new BarrierLifted(ID, START.plusMonths(2), BarrierDomain.HOUSING));
        }

        @Test
        void refusesToLiftABarrierThatIsNotOpen() {
            fixture.given(hiredPhc())
                    .when(new LiftBarrier(ID, START.plusMonths(2), BarrierDomain.DEBT_FINANCE))
                    .expectException(StateConflict.class).expectNoEvents();
        }

        @Test
        void refusesToLiftABarrierBeforeItWasAssessed() {
            fixture.given(hiredPhc(), new BarrierAssessed(ID, START.plusMonths(1), BarrierDomain.HEALTH, Intensity.LOW, Handling.INTERNAL))
                    .when(new LiftBarrier(ID, START.plusDays(5), BarrierDomain.HEALTH))
                    .expectException(RuleViolation.class).expectNoEvents();
        }
    }

    @Nested
    class Outcomes {
        @Test
        void recordsDurableHousing() {
            fixture.given(hiredPhc())
                    .when(new RecordHousing(ID, START.plusMonths(3), HousingKind.DURABLE_HOUSING))
                    .expectEvents(new HousingSecured(ID, START.plusMonths(3), HousingKind.DURABLE_HOUSING));
        }

        @Test
        void recordsHealthCareWithoutDetail() {
            fixture.given(hiredPhc())
                    .when(new RecordHealthCareAccess(ID, START.plusMonths(1)))
                    .expectEvents(new HealthCareAccessed(ID, START.plusMonths(1)));
        }

        @Test
        void recordsARightOpened() {
            fixture.given(hiredPhc())
                    .when(new RecordRightsOpened(ID, START.plusMonths(1), RightKind.CSS))
                    .expectEvents(new RightsOpened(ID, START.plusMonths(1), RightKind.CSS));
        }

        @Test
        void completesAStartedTraining() {
            fixture.given(hiredPhc(), new TrainingStarted(ID, START.plusMonths(1), "caces-1", true))
                    .when(new CompleteTraining(ID, START.plusMonths(3), "caces-1", true))
                    .expectEvents(new TrainingCompleted(ID, START.plusMonths(3), "caces-1", true));
        }

        @Test
        void refusesToCompleteATrainingNeverStarted() {
            fixture.given(hiredPhc())
                    .when(new CompleteTraining(ID, START.plusMonths(3), "caces-1", true))
                    .expectException(StateConflict.class).expectNoEvents();
        }

        @Test
        void refusesToStartATrainingAlreadyUnderWay() {
            fixture.given(hiredPhc(), new TrainingStarted(ID, START.plusMonths(1), "caces-1", true))
                    .when(new StartTraining(ID, START.plusMonths(2), "caces-1", true))
                    .expectException(StateConflict.class).expectNoEvents();
        }

        @Test
        void refusesAnImmersionOfZeroDays() {
            fixture.given(hiredPhc())
                    .when(new RecordImmersion(ID, START.plusMonths(2), 0))
                    .expectException(RuleViolation.class).expectNoEvents();
        }
    }

    @Nested
    class MonthlyHours {
        @Test
        void reportsTheHoursOfAMonth() {
            fixture.given(hiredPhc())
                    .when(new ReportMonthlyHours(ID, "2025-02", 17.5))
                    .expectEvents(new MonthlyHoursReported(ID, LocalDate.of(2025, 2, 1), "2025-02", 17.5));
        }

        @Test
        void refusesAFutureMonth() {
            fixture.given(hiredPhc())
                    .when(new ReportMonthlyHours(ID, "2026-07", 10))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void refusesAMonthBeforeTheHiring() {
            fixture.given(hiredPhc())
                    .when(new ReportMonthlyHours(ID, "2024-12", 10))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void refusesMoreHoursThanAMonthCanHold() {
            fixture.given(hiredPhc())
                    .when(new ReportMonthlyHours(ID, "2025-03", 200))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void refusesAMalformedMonth() {
            fixture.given(hiredPhc())
                    .when(new ReportMonthlyHours(ID, "March", 10))
                    .expectException(RuleViolation.class).expectNoEvents();
        }
    }

    @Nested
    class Exit {
        @Test
        void exitsToCdiAsDurableEmployment() {
            fixture.given(hiredCvg(START))
                    .when(new ExitPathway(ID, START.plusMonths(10), "CDI"))
                    .expectEvents(new ParticipantExited(ID, START.plusMonths(10), "CDI", ExitCategory.DURABLE_EMPLOYMENT, 10, null));
        }

        @Test
        void classifiesADeathAsWithdrawn() {
            fixture.given(hiredCvg(START))
                    .when(new ExitPathway(ID, START.plusMonths(4), "DEATH"))
                    .expectEvents(new ParticipantExited(ID, START.plusMonths(4), "DEATH", ExitCategory.WITHDRAWN, 4, null));
        }

        @Test
        void refusesAnUnknownExitReason() {
            fixture.given(hiredCvg(START))
                    .when(new ExitPathway(ID, START.plusMonths(10), "LOTTERY"))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void refusesABarrierAssessedAfterTheExit() {
            fixture.given(hiredCvg(START), exited(START.plusMonths(10)))
                    .when(new AssessBarrier(ID, START.plusMonths(9), BarrierDomain.HOUSING, Intensity.LOW, Handling.INTERNAL))
                    .expectException(StateConflict.class).expectNoEvents();
        }

        @Test
        void refusesASecondExit() {
            fixture.given(hiredCvg(START), exited(START.plusMonths(10)))
                    .when(new ExitPathway(ID, START.plusMonths(11), "CDI"))
                    .expectException(StateConflict.class).expectNoEvents();
        }
    }

    @Nested
    class FollowUp {
        @Test
        void startsFollowUpAfterTheExit() {
            fixture.given(hiredCvg(START), exited(START.plusMonths(10)))
                    .when(new StartFollowUp(ID, START.plusMonths(10).plusDays(7)))
                    .expectEvents(new FollowUpStarted(ID, START.plusMonths(10).plusDays(7)));
        }

        @Test
        void refusesFollowUpWhileThePathwayIsActive() {
            fixture.given(hiredCvg(START))
                    .when(new StartFollowUp(ID, START.plusMonths(2)))
                    .expectException(StateConflict.class).expectNoEvents();
        }

        @Test
        void refusesFollowUpBeyondTwelveMonthsAfterTheExit() {
            LocalDate exit = LocalDate.of(2025, 1, 10);
            fixture.given(hiredCvg(LocalDate.of(2024, 1, 8)), exited(exit))
                    .when(new StartFollowUp(ID, exit.plusMonths(12).plusDays(1)))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void endsAFollowUpUnderWay() {
            LocalDate exit = START.plusMonths(10);
            fixture.given(hiredCvg(START), exited(exit), new FollowUpStarted(ID, exit))
                    .when(new EndFollowUp(ID, exit.plusMonths(6)))
                    .expectEvents(new FollowUpEnded(ID, exit.plusMonths(6)));
        }

        @Test
        void refusesToEndAFollowUpBeforeItStarted() {
            LocalDate exit = START.plusMonths(10);
            fixture.given(hiredCvg(START), exited(exit), new FollowUpStarted(ID, exit.plusMonths(1)))
                    .when(new EndFollowUp(ID, exit.plusDays(3)))
                    .expectException(RuleViolation.class).expectNoEvents();
        }
    }

    /** A move in participant-service reaches the pathway: it follows the person to the new ACI of the territory. */
    @Nested
    class Transfers {
        @Test
        void anOpenPathwayFollowsItsParticipantToAnotherAci() {
            fixture.given(hiredPhc())
                    .when(new TransferToAci(ID, START.plusMonths(2), "aci-paris-2"))
                    .expectEvents(new PathwayTransferred(ID, START.plusMonths(2), "aci-1", "aci-paris-2"));
        }

        @Test
        void aMoveHeardTwiceRecordsNothingTheSecondTime() {
            fixture.given(hiredPhc(), new PathwayTransferred(ID, START.plusMonths(2), "aci-1", "aci-paris-2"))
                    .when(new TransferToAci(ID, START.plusMonths(2), "aci-paris-2"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void refusesAnAciOfAnotherTerritory() {
            fixture.given(hiredPhc())
                    .when(new TransferToAci(ID, START.plusMonths(2), "aci-lyon-1"))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void aPathwayInFollowUpStillFollowsItsParticipant() {
            fixture.given(hiredPhc(), exited(START.plusMonths(5)), new FollowUpStarted(ID, START.plusMonths(5)))
                    .when(new TransferToAci(ID, START.plusMonths(6), "aci-paris-2"))
                    .expectEvents(new PathwayTransferred(ID, START.plusMonths(6), "aci-1", "aci-paris-2"));
        }

        @Test
        void aClosedPathwayStaysWhereItWasLived() {
            fixture.given(hiredPhc(), exited(START.plusMonths(5)), new FollowUpStarted(ID, START.plusMonths(5)),
                            new FollowUpEnded(ID, START.plusMonths(8)))
                    .when(new TransferToAci(ID, START.plusMonths(9), "aci-paris-2"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aMoveDatedBeforeTheHiringTakesEffectAtTheHiring() {
            fixture.given(hiredPhc())
                    .when(new TransferToAci(ID, START.minusDays(3), "aci-paris-2"))
                    .expectEvents(new PathwayTransferred(ID, START, "aci-1", "aci-paris-2"));
        }
    }
}
