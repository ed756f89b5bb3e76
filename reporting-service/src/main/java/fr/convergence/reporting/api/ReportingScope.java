package fr.convergence.reporting.api;

import java.util.List;

/**
 * What a caller may view, served at {@code GET /api/reporting/scope} so that the dashboard shows only that. The
 * API still checks every request itself: this is a guide for the page, not the rule.
 *
 * @param role      the caller's role claim
 * @param national  whether the national view and every territory are open to the caller
 * @param territory the caller's own territory, when not national and only one
 * @param territories every territory whose figures the caller may read, when not national (several for a project
 *                    lead following a portfolio of territories, issue 19 item 6)
 * @param aci       the caller's own ACI (CIP)
 * @param views     among {@link #INDICATORS}, {@link #NATIONAL}, {@link #TERRITORIES}, {@link #TERRITORY},
 *                  {@link #ACI}, {@link #EXPORTS}, {@link #OPERATIONS}
 */
public record ReportingScope(String role, boolean national, String territory, List<String> territories, String aci,
                             List<String> views) {

    /** The indicator catalogue. */
    public static final String INDICATORS = "indicators";
    /** The national view. */
    public static final String NATIONAL = "national";
    /** The list of territories with data. */
    public static final String TERRITORIES = "territories";
    /** Territory views: every territory when national, otherwise {@code territory}. */
    public static final String TERRITORY = "territory";
    /** ACI views: of the territories above, or only {@code aci} for a CIP. */
    public static final String ACI = "aci";
    /** XLSX and CSV exports, of the same scope as the views. */
    public static final String EXPORTS = "exports";
    /** Rebuild progress and dead letters (administrators). */
    public static final String OPERATIONS = "operations";
}
