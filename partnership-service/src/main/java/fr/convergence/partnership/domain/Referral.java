package fr.convergence.partnership.domain;

import fr.convergence.kit.problem.StateConflict;

import fr.convergence.kit.problem.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A referral ("orientation") of a participant, known by a pseudonymous id only, to a partner for one domain.
 * An immutable state machine: each transition checks the table of {@link ReferralStatus}, the dates, and returns
 * the next state with the step recorded (date and who acted).
 */
public record Referral(String id, String territory, String participantId, String partnerId, PartnerDomain domain,
                       ReferralStatus status, String outcome, String reason, List<Step> history) {

    /** One step of the lifecycle: the status reached, the date it happened, and who acted. */
    public record Step(ReferralStatus status, LocalDate on, String by) {
    }

    public Referral {
        history = List.copyOf(history);
    }

    public static Referral propose(String id, String territory, String participantId, Partner partner,
                                   PartnerDomain domain, LocalDate on, String by, LocalDate today) {
        Dates.notInFuture(on, today, "proposedOn");
        partner.checkCanReceive(domain, on);
        return new Referral(id, territory, participantId, partner.id(), domain, ReferralStatus.PROPOSED, null, null,
                List.of(new Step(ReferralStatus.PROPOSED, on, by)));
    }

    public Referral accept(LocalDate on, String by, LocalDate today) {
        return move(ReferralStatus.ACCEPTED, on, by, today, outcome, reason);
    }

    public Referral decline(LocalDate on, String by, String why, LocalDate today) {
        return move(ReferralStatus.DECLINED, on, by, today, null, why);
    }

    public Referral complete(LocalDate on, String by, String outcomeCode, Set<String> outcomeCodes, LocalDate today) {
        guard(ReferralStatus.COMPLETED);
        if (outcomeCode == null || !outcomeCodes.contains(outcomeCode)) {
            throw new RuleViolation("unknown-outcome", "outcome", "outcome must be one of " + outcomeCodes);
        }
        return move(ReferralStatus.COMPLETED, on, by, today, outcomeCode, reason);
    }

    public Referral cancel(LocalDate on, String by, String why, LocalDate today) {
        return move(ReferralStatus.CANCELLED, on, by, today, null, why);
    }

    public LocalDate proposedOn() {
        return history.get(0).on();
    }

    public LocalDate lastStepOn() {
        return history.get(history.size() - 1).on();
    }

    private void guard(ReferralStatus target) {
        if (!status.canMoveTo(target)) {
            throw new StateConflict("referral-transition",
                    "a " + status + " referral cannot become " + target + " (allowed: " + status.next() + ")");
        }
    }

    private Referral move(ReferralStatus target, LocalDate on, String by, LocalDate today, String newOutcome,
                          String newReason) {
        guard(target);
        Dates.notInFuture(on, today, "date");
        Dates.notBefore(on, lastStepOn(), "date", "previous-step");
        List<Step> next = new ArrayList<>(history);
        next.add(new Step(target, on, by));
        return new Referral(id, territory, participantId, partnerId, domain, target, newOutcome, newReason, next);
    }
}
