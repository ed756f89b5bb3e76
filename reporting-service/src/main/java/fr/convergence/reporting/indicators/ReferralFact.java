package fr.convergence.reporting.indicators;

/** One referral to a partner, as last known; month is the month it was proposed. Referrals have no programme. */
public record ReferralFact(String territory, String aciId, String month, String domain, String status, String outcome) {
}
