package fr.convergence.reporting.projection;

/**
 * A referral event of partnership-event v1 as far as reporting reads it (tolerant reader: unknown fields are
 * dropped). {@code proposedOn} is the referral's proposal date, which decides the month it counts in; the
 * contract carries no ACI, so {@code aciId} is usually null and referrals are territory-level figures.
 */
public record ReferralEvent(String eventId, String type, String territory, String aciId, String referralId,
                            String proposedOn, String domain, String status, String outcome) {
}
