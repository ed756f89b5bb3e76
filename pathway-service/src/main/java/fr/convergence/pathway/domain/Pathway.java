package fr.convergence.pathway.domain;

import fr.convergence.kit.problem.StateConflict;

import fr.convergence.kit.problem.RuleViolation;

import fr.convergence.pathway.domain.command.*;
import fr.convergence.pathway.domain.event.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One participant's pathway in one ACI. Command handlers check the programme rules against the current state
 * and the {@link ProgrammeRules}; only {@link #on(PathwayEvent)} changes state. "Today" comes from the injected
 * {@link Clock} (Europe/Paris), so that back-dated events are accepted and future ones refused.
 */
@Aggregate
public class Pathway {

    @AggregateIdentifier
    private String pathwayId;
    private PathwayState state;

    protected Pathway() {
        // for Axon
    }

    @CommandHandler
    public Pathway(HireParticipant c, ProgrammeRules rules, Clock clock) {
        Check.required(c.participantId(), "participantId");
        Check.required(c.territory(), "territory");
        Check.required(c.aciId(), "aciId");
        Check.required(c.programme(), "programme");
        Check.required(c.plannedEnd(), "plannedEnd");
        Check.notFuture(c.date(), "date", clock);
        if (!c.plannedEnd().isAfter(c.date())) {
            throw new RuleViolation("planned-end-after-start", "plannedEnd", "the planned end must follow the start");
        }
        int maxMonths = c.programme() == Programme.PHC ? rules.phcMaxMonths() : rules.contractMaxMonths();
        if (c.plannedEnd().isAfter(c.date().plusMonths(maxMonths))) {
            throw new RuleViolation(c.programme() == Programme.PHC ? "phc-max-length" : "contract-max-length",
                    "plannedEnd", "a first " + c.programme() + " contract lasts at most " + maxMonths + " months");
        }
        Check.weeklyHours(c.programme(), c.weeklyHours(), c.hoursDerogation(), rules);
        apply(new ParticipantHired(c.pathwayId(), c.date(), c.participantId(), c.territory(), c.aciId(),
                c.programme(), c.plannedEnd(), c.weeklyHours(), c.hoursDerogation()));
    }

    @CommandHandler
    public void handle(ChangeWeeklyHours c, ProgrammeRules rules, Clock clock) {
        requireActiveAndDated(c.date(), clock);
        Check.weeklyHours(state.programme(), c.weeklyHours(), state.hoursDerogation(), rules);
        if (c.weeklyHours() == state.weeklyHours()) {
            throw new RuleViolation("weekly-hours-change", "weeklyHours", "weekly hours are already " + c.weeklyHours());
        }
        apply(new WeeklyHoursChanged(pathwayId, c.date(), state.weeklyHours(), c.weeklyHours(), state.programme()));
    }

    @CommandHandler
    public void handle(TransitionToConvergence c, ProgrammeRules rules, Clock clock) {
        requireActiveAndDated(c.date(), clock);
        Check.required(c.plannedEnd(), "plannedEnd");
        if (state.programme() != Programme.PHC) {
            throw new StateConflict("transition-from-phc", "only a PHC pathway can move to CVG; this one is "
                    + state.programme());
        }
        if (!c.plannedEnd().isAfter(c.date())) {
            throw new RuleViolation("planned-end-after-start", "plannedEnd", "the planned end must follow the transition");
        }
        if (c.plannedEnd().isAfter(c.date().plusMonths(rules.contractMaxMonths()))) {
            throw new RuleViolation("contract-max-length", "plannedEnd",
                    "a CVG contract lasts at most " + rules.contractMaxMonths() + " months before extension");
        }
        requireWithinPathwayMaximum(c.plannedEnd(), rules);
        Check.weeklyHours(Programme.CVG, c.weeklyHours(), c.hoursDerogation(), rules);
        apply(new ProgrammeTransitioned(pathwayId, c.date(), Programme.PHC, Programme.CVG, c.plannedEnd(),
                c.weeklyHours(), c.hoursDerogation()));
    }

    @CommandHandler
    public void handle(ExtendPathway c, ProgrammeRules rules, Clock clock) {
        requireActiveAndDated(c.date(), clock);
        Check.required(c.newPlannedEnd(), "newPlannedEnd");
        Check.required(c.reason(), "reason");
        Check.code(c.decisionReference(), "decisionReference");
        if (!c.newPlannedEnd().isAfter(state.plannedEnd())) {
            throw new RuleViolation("extension-forward", "newPlannedEnd",
                    "an extension must move the planned end after " + state.plannedEnd());
        }
        if (c.newPlannedEnd().isAfter(state.plannedEnd().plusMonths(rules.extensionMaxMonths()))) {
            throw new RuleViolation("extension-max-length", "newPlannedEnd",
                    "one extension adds at most " + rules.extensionMaxMonths() + " months");
        }
        if (state.programme() == Programme.PHC
                && c.newPlannedEnd().isAfter(state.startedOn().plusMonths(rules.phcMaxMonths()))) {
            throw new RuleViolation("phc-max-length", "newPlannedEnd",
                    "a PHC stage lasts at most " + rules.phcMaxMonths() + " months; move to CVG instead");
        }
        requireWithinPathwayMaximum(c.newPlannedEnd(), rules);
        apply(new PathwayExtended(pathwayId, c.date(), state.plannedEnd(), c.newPlannedEnd(), c.reason(),
                c.decisionReference()));
    }

    @CommandHandler
    public void handle(AssessBarrier c, Clock clock) {
        requireActiveAndDated(c.date(), clock);
        Check.required(c.domain(), "domain");
        Check.required(c.intensity(), "intensity");
        Check.required(c.handling(), "handling");
        apply(new BarrierAssessed(pathwayId, c.date(), c.domain(), c.intensity(), c.handling()));
    }

    @CommandHandler
    public void handle(LiftBarrier c, Clock clock) {
        requireActiveAndDated(c.date(), clock);
        Check.required(c.domain(), "domain");
        PathwayState.OpenBarrier barrier = state.openBarriers().get(c.domain());
        if (barrier == null) {
            throw new StateConflict("barrier-open", "no open " + c.domain() + " barrier to lift");
        }
        if (c.date().isBefore(barrier.since())) {
            throw new RuleViolation("barrier-lifted-after-assessed", "date",
                    "the barrier was assessed on " + barrier.since());
        }
        apply(new BarrierLifted(pathwayId, c.date(), c.domain()));
    }

    @CommandHandler
    public void handle(RecordHousing c, ProgrammeRules rules, Clock clock) {
        requireOpenOrFollowingUp(c.date(), rules, clock);
        Check.required(c.kind(), "kind");
        apply(new HousingSecured(pathwayId, c.date(), c.kind()));
    }

    @CommandHandler
    public void handle(RecordHealthCareAccess c, ProgrammeRules rules, Clock clock) {
        requireOpenOrFollowingUp(c.date(), rules, clock);
        apply(new HealthCareAccessed(pathwayId, c.date()));
    }

    @CommandHandler
    public void handle(RecordRightsOpened c, ProgrammeRules rules, Clock clock) {
        requireOpenOrFollowingUp(c.date(), rules, clock);
        Check.required(c.right(), "right");
        apply(new RightsOpened(pathwayId, c.date(), c.right()));
    }

    @CommandHandler
    public void handle(StartTraining c, Clock clock) {
        requireActiveAndDated(c.date(), clock);
        Check.code(c.trainingId(), "trainingId");
        if (state.openTrainings().containsKey(c.trainingId())) {
            throw new StateConflict("training-id-unique", "training " + c.trainingId() + " is already under way");
        }
        apply(new TrainingStarted(pathwayId, c.date(), c.trainingId(), c.qualifying()));
    }

    @CommandHandler
    public void handle(CompleteTraining c, Clock clock) {
        requireActiveAndDated(c.date(), clock);
        Check.code(c.trainingId(), "trainingId");
        if (!state.openTrainings().containsKey(c.trainingId())) {
            throw new StateConflict("training-open", "no training " + c.trainingId() + " under way");
        }
        apply(new TrainingCompleted(pathwayId, c.date(), c.trainingId(), c.certified()));
    }

    @CommandHandler
    public void handle(RecordImmersion c, ProgrammeRules rules, Clock clock) {
        requireActiveAndDated(c.date(), clock);
        if (c.days() < 1 || c.days() > rules.maxImmersionDays()) {
            throw new RuleViolation("immersion-days-range", "days",
                    "an immersion lasts 1 to " + rules.maxImmersionDays() + " days");
        }
        apply(new ImmersionDone(pathwayId, c.date(), c.days()));
    }

    @CommandHandler
    public void handle(ReportMonthlyHours c, ProgrammeRules rules, Clock clock) {
        requireActive();
        YearMonth month = Check.month(c.month(), "month");
        checkMonthlyHours(month, c.hours(), null, rules, clock);
        apply(new MonthlyHoursReported(pathwayId, month.atDay(1), month.toString(), c.hours()));
    }

    /** Several months at once: all are checked before any is applied, so a refused month applies none. */
    @CommandHandler
    public void handle(ReportMonthlyHoursSeries c, ProgrammeRules rules, Clock clock) {
        requireActive();
        if (c.months() == null || c.months().isEmpty() || c.months().size() > rules.pathwayMaxMonths()) {
            throw new RuleViolation("monthly-hours-series-size", "months",
                    "a series reports 1 to " + rules.pathwayMaxMonths() + " months");
        }
        java.util.Set<YearMonth> seen = new java.util.HashSet<>();
        java.util.List<MonthlyHoursReported> reports = new java.util.ArrayList<>();
        for (int i = 0; i < c.months().size(); i++) {
            ReportMonthlyHoursSeries.MonthHours m = c.months().get(i);
            String field = "months[" + i + "]";
            Check.required(m, field);
            YearMonth month = Check.month(m.month(), field + ".month");
            if (!seen.add(month)) {
                throw new RuleViolation("monthly-hours-series-unique", field + ".month", month + " appears twice");
            }
            Check.required(m.hours(), field + ".hours");
            checkMonthlyHours(month, m.hours(), field, rules, clock);
            reports.add(new MonthlyHoursReported(pathwayId, month.atDay(1), month.toString(), m.hours()));
        }
        reports.forEach(org.axonframework.modelling.command.AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(ExitPathway c, ProgrammeRules rules, Clock clock) {
        requireActiveAndDated(c.date(), clock);
        Check.code(c.reason(), "reason");
        ExitCategory category = rules.categoryOf(c.reason());
        HousingSituation housingAtExit = c.housingAtExit() != null ? c.housingAtExit() : state.housingSituation();
        apply(new ParticipantExited(pathwayId, c.date(), c.reason(), category, state.monthsInPathway(c.date()),
                housingAtExit));
    }

    @CommandHandler
    public void handle(StartFollowUp c, ProgrammeRules rules, Clock clock) {
        Check.notFuture(c.date(), "date", clock);
        if (state.status() != PathwayStatus.EXITED) {
            throw new StateConflict("follow-up-after-exit", "follow-up starts once, after the exit; the pathway is "
                    + state.status());
        }
        requireWithinFollowUpWindow(c.date(), rules);
        apply(new FollowUpStarted(pathwayId, c.date()));
    }

    @CommandHandler
    public void handle(EndFollowUp c, ProgrammeRules rules, Clock clock) {
        Check.notFuture(c.date(), "date", clock);
        if (state.status() != PathwayStatus.FOLLOW_UP) {
            throw new StateConflict("follow-up-started", "no follow-up under way; the pathway is " + state.status());
        }
        if (c.date().isBefore(state.followUpStartedOn())) {
            throw new RuleViolation("follow-up-window", "date", "follow-up started on " + state.followUpStartedOn());
        }
        requireWithinFollowUpWindow(c.date(), rules);
        apply(new FollowUpEnded(pathwayId, c.date()));
    }

    @CommandHandler
    public void handle(RecordEntryProfile c, ProgrammeRules rules, Clock clock) {
        requireOpenOrFollowingUp(c.date(), rules, clock);
        Check.required(c.housing(), "housing");
        Check.required(c.withoutHousing(), "withoutHousing");
        Check.required(c.referredBy(), "referredBy");
        Check.required(c.healthCover(), "healthCover");
        Check.required(c.withoutWork(), "withoutWork");
        PathwayState.EntryProfile current = state.entryProfile();
        if (current != null && c.correctionReason() == null) {
            throw new RuleViolation("correction-reason-required", "correctionReason",
                    "an entry profile was recorded on " + current.recordedOn() + "; a new one corrects it and needs a reason");
        }
        java.util.List<RightKind> rights = c.rightsAtEntry() == null ? java.util.List.of()
                : c.rightsAtEntry().stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
        apply(new EntryProfileRecorded(pathwayId, c.date(), c.housing(), c.withoutHousing(), c.referredBy(),
                c.healthCover(), rights, c.withoutWork(), current == null ? null : current.sequence(),
                current == null ? null : c.correctionReason()));
    }

    @CommandHandler
    public void handle(RecordAccompaniment c, ProgrammeRules rules, Clock clock) {
        requireOpenOrFollowingUp(c.date(), rules, clock);
        Check.required(c.kind(), "kind");
        Check.required(c.length(), "length");
        java.util.List<SupportRole> roles = c.participants() == null ? java.util.List.of()
                : c.participants().stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
        if (roles.isEmpty()) {
            throw new RuleViolation("accompaniment-participants", "participants",
                    "say who took part (roles, never names)");
        }
        apply(new AccompanimentRecorded(pathwayId, c.date(), c.kind(), c.length(), roles));
    }

    @CommandHandler
    public void handle(ChangeHousingSituation c, ProgrammeRules rules, Clock clock) {
        requireOpenOrFollowingUp(c.date(), rules, clock);
        Check.required(c.situation(), "situation");
        if (c.situation() == state.housingSituation()) {
            throw new RuleViolation("housing-situation-change", "situation",
                    "the housing situation is already " + c.situation());
        }
        HousingSituation before = state.housingSituation();
        apply(new HousingSituationChanged(pathwayId, c.date(), before, c.situation()));
        // One action for the CIP: a move into a housing solution is also that solution secured, the fact the
        // programme's housing figures count (HousingSecured), so nobody records the same move twice
        c.situation().secures(before).ifPresent(kind -> apply(new HousingSecured(pathwayId, c.date(), kind)));
    }

    @CommandHandler
    public void handle(RecordFollowUpContact c, ProgrammeRules rules, Clock clock) {
        Check.notFuture(c.date(), "date", clock);
        if (state.status() != PathwayStatus.EXITED && state.status() != PathwayStatus.FOLLOW_UP) {
            throw new StateConflict("follow-up-after-exit", "follow-up contacts are recorded after the exit, while "
                    + "follow-up runs; the pathway is " + state.status());
        }
        requireWithinFollowUpWindow(c.date(), rules);
        Check.required(c.employment(), "employment");
        Check.required(c.housing(), "housing");
        FollowUpMilestone milestone = FollowUpMilestone.nearest(state.exitedOn(), c.date(), rules.followUpContactMonths());
        apply(new FollowUpContactRecorded(pathwayId, c.date(), milestone.months(), c.employment(), c.housing(),
                c.newDifficulty()));
    }

    @CommandHandler
    public void handle(CorrectEventDate c, Clock clock) {
        Check.required(c.sequence(), "sequence");
        Check.required(c.reason(), "reason");
        Check.notFuture(c.rightDate(), "rightDate", clock);
        PathwayState.Recorded target = state.recorded(c.sequence());
        if (target == null) {
            throw new RuleViolation("correction-target-exists", "sequence", "this pathway has no event " + c.sequence());
        }
        if (!DateCorrections.CORRECTABLE.contains(target.type())) {
            throw new RuleViolation("correction-target-type", "sequence",
                    "the date of a " + target.type() + " is not corrected this way");
        }
        if (c.rightDate().equals(target.date())) {
            throw new RuleViolation("correction-changes-date", "rightDate", "the event is already dated " + target.date());
        }
        if (target.type().equals("ParticipantHired")) {
            LocalDate earliest = state.earliestDateExcept(c.sequence());
            if (earliest != null && c.rightDate().isAfter(earliest)) {
                throw new RuleViolation("hiring-before-events", "rightDate",
                        "the hiring cannot move after the pathway's first event on " + earliest);
            }
        } else if (c.rightDate().isBefore(state.startedOn())) {
            throw new RuleViolation("date-after-hiring", "rightDate",
                    "nothing happens to a pathway before its hiring on " + state.startedOn());
        }
        if (target.type().equals("ParticipantExited") && c.sequence() == state.exitSequence()) {
            LocalDate firstAfter = DateCorrections.firstFollowUpDate(state);
            if (firstAfter != null && c.rightDate().isAfter(firstAfter)) {
                throw new RuleViolation("exit-before-follow-up", "rightDate",
                        "follow-up was recorded from " + firstAfter + "; the exit cannot move after it");
            }
        }
        apply(new EventDateCorrected(pathwayId, LocalDate.now(clock), c.sequence(), target.type(), target.date(),
                c.rightDate(), c.reason()));
    }

    @CommandHandler
    public void handle(CancelExit c, ProgrammeRules rules, Clock clock) {
        Check.required(c.reason(), "reason");
        if (state.status() == PathwayStatus.FOLLOW_UP || state.status() == PathwayStatus.CLOSED
                || (state.status() == PathwayStatus.EXITED && !state.followUpContacts().isEmpty())) {
            throw new StateConflict("exit-cancel-before-follow-up",
                    "follow-up has begun after the exit on " + state.exitedOn() + "; the exit stands");
        }
        if (state.status() != PathwayStatus.EXITED) {
            throw new StateConflict("exit-cancel-needs-exit", "the pathway is " + state.status() + "; there is no exit to cancel");
        }
        LocalDate until = state.exitedOn().plusDays(rules.exitCancelWindowDays());
        if (LocalDate.now(clock).isAfter(until)) {
            throw new StateConflict("exit-cancel-window", "an exit can be cancelled until " + rules.exitCancelWindowDays()
                    + " days after it (" + until + ")");
        }
        apply(new ExitCancelled(pathwayId, LocalDate.now(clock), state.exitSequence(), state.exitedOn(), c.reason()));
    }

    /**
     * The participant was moved to another ACI of the territory. Already there: nothing to record (a move heard
     * twice, or a pathway opened in the new ACI). A pathway whose follow-up has ended stays where it was lived.
     */
    @CommandHandler
    public void handle(TransferToAci c, Clock clock) {
        Check.required(c.date(), "date");
        Check.code(c.toAciId(), "toAciId");
        if (c.toAciId().equals(state.aciId()) || state.status() == PathwayStatus.CLOSED) {
            return;
        }
        if (!c.toAciId().startsWith("aci-" + state.territory() + "-")) {
            throw new RuleViolation("move-within-territory", "toAciId",
                    "a pathway of " + state.territory() + " moves to an ACI of " + state.territory() + " only");
        }
        LocalDate on = c.date().isBefore(state.startedOn()) ? state.startedOn() : c.date();
        Check.notFuture(on, "date", clock);
        apply(new PathwayTransferred(pathwayId, on, state.aciId(), c.toAciId()));
    }

    /** The state after the command just handled, for the command's answer (null before the first event). */
    public PathwayState state() {
        return state;
    }

    @EventSourcingHandler
    void on(PathwayEvent event, @SequenceNumber Long sequence) {
        if (state == null) {
            state = new PathwayState();
            pathwayId = event.pathwayId();
        }
        state.apply(event, sequence == null ? -1 : sequence);
    }

    /** {@code prefix}: where the month sits in a series (null for a single report), so the error names its field. */
    private void checkMonthlyHours(YearMonth month, double hours, String prefix, ProgrammeRules rules, Clock clock) {
        String monthField = prefix == null ? "month" : prefix + ".month";
        if (month.isAfter(YearMonth.now(clock))) {
            throw new RuleViolation("date-not-in-future", monthField, "hours cannot be reported for a future month");
        }
        if (month.isBefore(YearMonth.from(state.startedOn()))) {
            throw new RuleViolation("date-after-hiring", monthField, "the pathway started on " + state.startedOn());
        }
        if (!(hours >= 0) || hours > rules.maxMonthlyHours()) {
            throw new RuleViolation("monthly-hours-range", prefix == null ? "hours" : prefix + ".hours",
                    "monthly hours are between 0 and " + rules.maxMonthlyHours());
        }
    }

    private void requireActive() {
        if (!state.status().open()) {
            throw new StateConflict("after-exit-only-follow-up",
                    "the pathway ended on " + state.exitedOn() + "; only follow-up can be recorded");
        }
    }

    private void requireActiveAndDated(LocalDate date, Clock clock) {
        requireActive();
        Check.notFuture(date, "date", clock);
        if (date.isBefore(state.startedOn())) {
            throw new RuleViolation("date-after-hiring", "date",
                    "nothing happens to a pathway before its hiring on " + state.startedOn());
        }
    }

    /**
     * What may still be recorded after the exit, during the follow-up window (rights, housing, care, accompaniment):
     * dated from the hiring, and no later than the window's end once the person has left.
     */
    private void requireOpenOrFollowingUp(LocalDate date, ProgrammeRules rules, Clock clock) {
        if (state.status() == PathwayStatus.CLOSED) {
            throw new StateConflict("follow-up-closed", "follow-up ended on " + state.followUpEndedOn()
                    + "; nothing more is recorded on this pathway");
        }
        Check.notFuture(date, "date", clock);
        if (date.isBefore(state.startedOn())) {
            throw new RuleViolation("date-after-hiring", "date",
                    "nothing happens to a pathway before its hiring on " + state.startedOn());
        }
        if (!state.status().open() && date.isAfter(state.exitedOn().plusMonths(rules.followUpMaxMonths()))) {
            throw new RuleViolation("follow-up-window", "date", "follow-up runs within " + rules.followUpMaxMonths()
                    + " months after the exit on " + state.exitedOn());
        }
    }

    private void requireWithinPathwayMaximum(LocalDate plannedEnd, ProgrammeRules rules) {
        if (plannedEnd.isAfter(state.startedOn().plusMonths(rules.pathwayMaxMonths()))) {
            throw new RuleViolation("pathway-max-length", "plannedEnd",
                    "a pathway lasts at most " + rules.pathwayMaxMonths() + " months from its start on "
                            + state.startedOn() + ", PHC included");
        }
    }

    private void requireWithinFollowUpWindow(LocalDate date, ProgrammeRules rules) {
        if (date.isBefore(state.exitedOn())
                || date.isAfter(state.exitedOn().plusMonths(rules.followUpMaxMonths()))) {
            throw new RuleViolation("follow-up-window", "date", "follow-up runs within " + rules.followUpMaxMonths()
                    + " months after the exit on " + state.exitedOn());
        }
    }

    /** Input checks shared by the handlers; each names its field. */
    static final class Check {

        private Check() {
        }

        static void required(Object value, String field) {
            if (value == null) {
                throw new RuleViolation("required", field, field + " is required");
            }
        }

        static void code(String value, String field) {
            if (value == null || !value.matches("[A-Za-z0-9_./-]{1,64}")) {
                throw new RuleViolation("code-format", field, field + " must be a code of 1 to 64 letters, digits or _./-");
            }
        }

        static void notFuture(LocalDate date, String field, Clock clock) {
            required(date, field);
            if (date.isAfter(LocalDate.now(clock))) {
                throw new RuleViolation("date-not-in-future", field,
                        "an event may be recorded late but never in the future (today is " + LocalDate.now(clock) + ")");
            }
        }

        static YearMonth month(String value, String field) {
            try {
                return YearMonth.parse(value);
            } catch (DateTimeParseException | NullPointerException e) {
                throw new RuleViolation("month-format", field, field + " must be yyyy-MM");
            }
        }

        static void weeklyHours(Programme programme, double hours, boolean derogation, ProgrammeRules rules) {
            if (!(hours > 0) || hours > rules.maxWeeklyHours()) {
                throw new RuleViolation("weekly-hours-range", "weeklyHours",
                        "weekly hours are above 0 and at most " + rules.maxWeeklyHours());
            }
            if (programme == Programme.PHC
                    && (hours < rules.phcMinWeeklyHours() || hours > rules.phcMaxWeeklyHours())) {
                throw new RuleViolation("phc-weekly-hours-range", "weeklyHours", "PHC weekly hours run from "
                        + rules.phcMinWeeklyHours() + " to " + rules.phcMaxWeeklyHours());
            }
            if (programme == Programme.CVG && !derogation && hours < rules.standardMinWeeklyHours()) {
                throw new RuleViolation("weekly-hours-standard-minimum", "weeklyHours",
                        "a CVG contract has at least " + rules.standardMinWeeklyHours()
                                + " weekly hours unless a derogation is recorded");
            }
        }
    }
}
