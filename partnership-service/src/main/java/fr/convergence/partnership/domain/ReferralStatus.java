package fr.convergence.partnership.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The referral lifecycle as a transition table:
 * PROPOSED → ACCEPTED | DECLINED | CANCELLED; ACCEPTED → COMPLETED | CANCELLED; DECLINED, COMPLETED, CANCELLED are final.
 */
public enum ReferralStatus {
    PROPOSED, ACCEPTED, DECLINED, COMPLETED, CANCELLED;

    public Set<ReferralStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(ACCEPTED, DECLINED, CANCELLED);
            case ACCEPTED -> EnumSet.of(COMPLETED, CANCELLED);
            case DECLINED, COMPLETED, CANCELLED -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean canMoveTo(ReferralStatus target) {
        return next().contains(target);
    }

    /** Still waiting for the partner or under way: what a participant's exit cancels. */
    public boolean pending() {
        return this == PROPOSED || this == ACCEPTED;
    }

    /** Name of the integration event announcing that the referral reached this status. */
    public String eventType() {
        String n = name();
        return "Referral" + n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
