package fr.convergence.reporting.indicators;

/**
 * A funding agreement's target (issue 19 item 2): a funder expects {@code target} for one indicator, over a period, in
 * one scope (national, a territory or an ACI), for one programme or both.
 *
 * @param funderKind   the funder's kind (DGCS, DGEFP, DIHAL, CITY, DEPARTMENT, ARS, FOUNDATION)
 * @param funderName   who it is ("Ville de Paris", "Fondation Abbé Pierre"…)
 * @param agreement    the agreement's title or reference, as the funder names it
 * @param programme    PHC or CVG; null for both
 * @param from         first month (yyyy-MM) of the agreement's period
 * @param to           last month, inclusive
 * @param indicator    an indicator id of {@link IndicatorValues} (a single value)
 */
public record Target(String id, String funderKind, String funderName, String agreement, String territory,
                     String aciId, String programme, String from, String to, String indicator, double target) {

    public String level() {
        return aciId != null ? "ACI" : territory != null ? "TERRITORY" : "NATIONAL";
    }
}
