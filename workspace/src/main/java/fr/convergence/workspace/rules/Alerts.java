package fr.convergence.workspace.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The alerts of one pathway, computed from the programme's rules. The month counts (24-month contract, follow-up
 * window) come from {@link ProgrammeRules}; how far ahead to warn is a choice of this page, not a programme rule,
 * and lives here.
 */
public final class Alerts {

    /** Warn this many days before a planned end (the "within 30 days"). */
    static final int PLANNED_END_NOTICE_DAYS = 30;
    /** Warn this many days before the contract's maximum length is reached, to prepare the extension decision. */
    static final int CONTRACT_LENGTH_NOTICE_DAYS = 60;
    /** Warn this many days before the post-exit follow-up window closes. */
    static final int FOLLOW_UP_NOTICE_DAYS = 30;
    /** PHC hours ramp up: warn when they have not been looked at for this many weeks (the "6 weeks"). */
    static final int PHC_HOURS_REVIEW_WEEKS = 6;
    /** A need opened by a barrier and handled by a partner should have a referral within this many days. */
    public static final int NEED_REFERRAL_DAYS = 30;
    /** An expected follow-up contact after the exit (1, 3, 6, 12 months): warn this many days before it is due. */
    public static final int FOLLOW_UP_CONTACT_NOTICE_DAYS = 7;
    private static final int URGENT_DAYS = 7;

    private final ProgrammeRules rules;

    public Alerts(ProgrammeRules rules) {
        this.rules = rules;
    }

    /**
     * @param status       pathway status (ACTIVE, EXITED, FOLLOW_UP, CLOSED)
     * @param programme    PHC or CVG
     * @param startedOn    hiring date
     * @param hoursSetOn   the day the weekly hours were last set (hiring or change), or null if unknown
     * @param plannedEnd   planned end of the contract (active pathways)
     * @param exitedOn     exit date, or null
     * @param followUpEnd  end of the follow-up, or null while it runs
     */
    public List<Alert> of(String status, String programme, LocalDate startedOn, LocalDate plannedEnd,
                          LocalDate hoursSetOn, LocalDate exitedOn, LocalDate followUpEnd, LocalDate today) {
        List<Alert> alerts = new ArrayList<>();
        if ("ACTIVE".equals(status)) {
            if (plannedEnd != null && within(today, plannedEnd, PLANNED_END_NOTICE_DAYS)) {
                alerts.add(alert(Alert.Kind.PLANNED_END, plannedEnd, today));
            }
            LocalDate contractLength = startedOn == null ? null : startedOn.plusMonths(rules.contractMaxMonths());
            if (contractLength != null && within(today, contractLength, CONTRACT_LENGTH_NOTICE_DAYS)) {
                Alert due = alert(Alert.Kind.CONTRACT_LENGTH, contractLength, today);
                // "the 24-month point", with the number the rules hold today
                alerts.add(new Alert(due.kind(), due.due(), due.severity(),
                        "Point des " + rules.contractMaxMonths() + " mois proche"));
            }
            LocalDate reviewDue = hoursSetOn == null ? null : hoursSetOn.plusWeeks(PHC_HOURS_REVIEW_WEEKS);
            if ("PHC".equals(programme) && reviewDue != null && !reviewDue.isAfter(today)) {
                // overdue since reviewDue: an error badge, dated when the review fell due
                alerts.add(new Alert(Alert.Kind.PHC_HOURS_REVIEW, reviewDue, "error"));
            }
        }
        if (("EXITED".equals(status) || "FOLLOW_UP".equals(status)) && exitedOn != null && followUpEnd == null) {
            LocalDate closes = exitedOn.plusMonths(rules.followUpMaxMonths());
            if (within(today, closes, FOLLOW_UP_NOTICE_DAYS)) {
                alerts.add(alert(Alert.Kind.FOLLOW_UP_WINDOW, closes, today));
            }
        }
        return alerts;
    }

    /**
     * The follow-up contact to make: of the contacts pathway-service still expects ({@code followUpDue}, listed only
     * while the person is exited or in follow-up), the earliest one due within
     * {@value #FOLLOW_UP_CONTACT_NOTICE_DAYS} days or already overdue — a warning before it is due, an error once
     * overdue; none when every expected contact is further away.
     */
    public java.util.Optional<Alert> followUpContact(List<LocalDate> dueDates, LocalDate today) {
        return dueDates.stream().filter(d -> !d.isAfter(today.plusDays(FOLLOW_UP_CONTACT_NOTICE_DAYS)))
                .min(java.util.Comparator.naturalOrder())
                .map(d -> new Alert(Alert.Kind.FOLLOW_UP_CONTACT_DUE, d, d.isBefore(today) ? "error" : "warning"));
    }

    /** A need open since {@code openedOn} with no referral yet (partnership-service said so): overdue after 30 days. */
    public Alert needWithoutReferral(LocalDate openedOn) {
        return new Alert(Alert.Kind.NEED_WITHOUT_REFERRAL, openedOn.plusDays(NEED_REFERRAL_DAYS), "error");
    }

    /** True from {@code days} before {@code due} up to the due date itself (a date already passed is no longer news). */
    private static boolean within(LocalDate today, LocalDate due, int days) {
        long left = ChronoUnit.DAYS.between(today, due);
        return left >= 0 && left <= days;
    }

    private static Alert alert(Alert.Kind kind, LocalDate due, LocalDate today) {
        return new Alert(kind, due, ChronoUnit.DAYS.between(today, due) <= URGENT_DAYS ? "error" : "warning");
    }
}
