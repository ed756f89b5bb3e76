package fr.convergence.reporting.targets;

/**
 * A funding agreement's target as an analyst sends it ({@code PUT /api/reporting/targets/{id}}); every field is
 * checked by {@link TargetRules} before anything is stored.
 *
 * @param territory null for a national target
 * @param aciId     null above ACI level (then {@code territory} is required)
 * @param programme PHC, CVG or null for both
 * @param from      first month yyyy-MM; {@code to} the last, inclusive
 */
public record TargetRequest(String funderKind, String funderName, String agreement, String territory, String aciId,
                            String programme, String from, String to, String indicator, Double target) {
}
