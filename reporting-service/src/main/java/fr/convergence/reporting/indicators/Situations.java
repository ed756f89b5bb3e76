package fr.convergence.reporting.indicators;

import java.util.Set;

/**
 * Reference groups of the coded situations of pathway-event v1 (issue 18), kept as data in one place. A code this
 * version does not know belongs to no group: it is still counted in the denominators it qualifies for.
 */
public final class Situations {

    /** Housing group "rue": sleeping rough or in a makeshift shelter (squat, camp, vehicle). */
    public static final Set<String> STREET = Set.of("STREET", "MAKESHIFT");
    /** Housing group "hébergement": emergency shelter, social hotel, CHRS. */
    public static final Set<String> SHELTER = Set.of("EMERGENCY_SHELTER", "SOCIAL_HOTEL", "INSERTION_SHELTER");
    /** Durable housing for the exit and follow-up figures (see the catalogue for why social residence is in). */
    public static final Set<String> DURABLE_HOUSING = Set.of("DURABLE_HOUSING", "SOCIAL_RESIDENCE");
    /** Employment situations that count as "in employment" at a follow-up contact. */
    public static final Set<String> EMPLOYED = Set.of("CDI", "CDD_6_MONTHS_OR_MORE", "CDD_UNDER_6_MONTHS",
            "TEMPORARY_WORK", "SELF_EMPLOYED", "OTHER_IAE");
    public static final String NOT_REACHED = "NOT_REACHED";
    public static final String UNKNOWN = "UNKNOWN";

    private Situations() {
    }
}
