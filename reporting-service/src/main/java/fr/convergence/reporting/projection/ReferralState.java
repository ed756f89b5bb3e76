package fr.convergence.reporting.projection;

import java.time.YearMonth;
import java.util.Map;

/**
 * The last known state of a referral. A status never goes back (a terminal status wins over a later-delivered
 * "accepted"), so that replaying or redelivering partnership events always lands on the same state.
 */
public record ReferralState(String referralId, String territory, String aciId, String month, String domain,
                            String status, String outcome) {

    private static final Map<String, Integer> RANK = Map.of("PROPOSED", 0, "ACCEPTED", 1, "DECLINED", 2,
            "COMPLETED", 2, "CANCELLED", 2);

    /** The status an event type implies, when its payload does not say: ReferralAccepted → ACCEPTED. */
    public static String statusOf(String type) {
        if (type == null || !type.startsWith("Referral")) {
            return null;
        }
        String verb = type.substring("Referral".length()).toUpperCase(java.util.Locale.ROOT);
        return RANK.containsKey(verb) ? verb : null;
    }

    public static ReferralState apply(ReferralState before, ReferralEvent e) {
        String status = e.status() != null ? e.status().toUpperCase(java.util.Locale.ROOT) : statusOf(e.type());
        if (status == null) {
            throw new InvalidEventException("referral event " + e.type() + " without a known status");
        }
        String month = e.proposedOn() == null ? null : YearMonth.from(
                java.time.LocalDate.parse(PathwayFolding.validDate(e.proposedOn(), "proposedOn"))).toString();
        if (before == null) {
            if (month == null) {
                throw new InvalidEventException("first event of referral " + e.referralId() + " without a date");
            }
            return new ReferralState(e.referralId(), e.territory(), e.aciId(), month, e.domain(), status, e.outcome());
        }
        if (before.territory() != null && !before.territory().equals(e.territory())) {
            throw new TerritoryMismatchException("event of territory " + e.territory() + " for referral "
                    + e.referralId() + " of territory " + before.territory());
        }
        boolean advances = RANK.getOrDefault(status, 0) >= RANK.getOrDefault(before.status(), 0);
        String earliestMonth = month != null && month.compareTo(before.month()) < 0 ? month : before.month();
        return new ReferralState(before.referralId(), before.territory(),
                before.aciId() != null ? before.aciId() : e.aciId(), earliestMonth,
                before.domain() != null ? before.domain() : e.domain(),
                advances ? status : before.status(),
                advances && e.outcome() != null ? e.outcome() : before.outcome());
    }
}
