package fr.convergence.reporting.indicators;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The French wording of every code a person may read in a report (issue 19 item 3): one place, served to the
 * dashboard ({@code GET /api/reporting/labels}) and used by the exports and frozen reports, so that a code such as
 * {@code RIGHTS_ADMINISTRATIVE} is never what someone reads. A code not listed here is shown as it is.
 */
public final class Labels {

    /** The code of an unknown value (age band not received, housing at exit not given). */
    public static final String UNKNOWN = "UNKNOWN";

    /** The contract's age bands (participant-event v1 ParticipantRegistered.ageBand), in order. */
    public static final Map<String, String> AGE_BANDS = ordered(
            "<26", "Moins de 26 ans", "26-34", "26 à 34 ans", "35-44", "35 à 44 ans", "45-54", "45 à 54 ans",
            "55+", "55 ans et plus", UNKNOWN, "Non renseignée");

    public static final Map<String, String> BARRIER_DOMAINS = ordered(
            "HOUSING", "Logement", "HEALTH", "Santé", "MOBILITY", "Mobilité", "LANGUAGE_LITERACY",
            "Langue, lecture, écriture", "RIGHTS_ADMINISTRATIVE", "Droits, démarches administratives", "JUSTICE",
            "Justice", "DEBT_FINANCE", "Dettes, budget", "FAMILY_CHILDCARE", "Famille, garde d'enfants", "DIGITAL",
            "Numérique", "ADDICTION", "Addictions", "EMPLOYMENT_PROJECT", "Projet professionnel");

    public static final Map<String, String> HOUSING = ordered(
            "STREET", "Rue", "MAKESHIFT", "Abri de fortune (squat, campement, véhicule)", "EMERGENCY_SHELTER",
            "Hébergement d'urgence", "SOCIAL_HOTEL", "Hôtel social", "INSERTION_SHELTER",
            "Centre d'hébergement et de réinsertion sociale (CHRS)", "HOSTED_BY_THIRD_PARTY", "Hébergé·e par un tiers",
            "INSTITUTION", "Institution (hôpital, prison…)", "SOCIAL_RESIDENCE", "Résidence sociale, pension de famille",
            "DURABLE_HOUSING", "Logement durable", UNKNOWN, "Non renseignée");

    /** The exit-reason table of pathway-service's programme rules (the same wording as the workspace). */
    public static final Map<String, String> EXIT_REASONS = ordered(
            "CDI", "CDI", "CDI_AIDED", "CDI aidé", "CDD_6_MONTHS_OR_MORE", "CDD de 6 mois ou plus",
            "BUSINESS_CREATION", "Création d'entreprise", "CIVIL_SERVICE", "Fonction publique", "CDD_UNDER_6_MONTHS",
            "CDD de moins de 6 mois", "AIDED_FIXED_TERM_CONTRACT", "Contrat aidé à durée déterminée",
            "QUALIFYING_TRAINING", "Formation qualifiante", "OTHER_IAE_STRUCTURE", "Autre structure d'insertion (IAE)",
            "RETIREMENT", "Retraite", "UNEMPLOYED", "Recherche d'emploi", "INACTIVE", "Inactivité", "NO_NEWS",
            "Sans nouvelles", "DISMISSAL", "Licenciement", "DEATH", "Décès", "LONG_SICK_LEAVE",
            "Arrêt maladie de longue durée", "JUDICIAL_DECISION", "Décision judiciaire", "TRANSFER", "Transfert",
            "?", "Non renseigné");

    public static final Map<String, String> REFERRAL_DOMAINS = ordered(
            "EMPLOYMENT", "Emploi", "HOUSING", "Logement", "HEALTH", "Santé", "RIGHTS", "Droits", "TRAINING",
            "Formation", "MOBILITY", "Mobilité", "DEBT", "Dettes", "JUSTICE", "Justice", "ADDICTION", "Addictions",
            "CHILDCARE", "Garde d'enfants", "DIGITAL", "Numérique", "LANGUAGE", "Langue", "?", "Non renseigné");

    public static final Map<String, String> REFERRAL_STATUS = ordered(
            "PROPOSED", "Proposée", "ACCEPTED", "Acceptée", "DECLINED", "Refusée", "COMPLETED", "Réalisée",
            "CANCELLED", "Annulée");

    public static final Map<String, String> PROGRAMMES = ordered(
            "PHC", "Premières Heures en Chantier (PHC)", "CVG", "Convergence (CVG)");

    /** The kinds of funder of the programme (issue 19 item 2: funding agreements' targets). */
    public static final Map<String, String> FUNDERS = ordered(
            "DGCS", "Direction générale de la cohésion sociale (DGCS)",
            "DGEFP", "Délégation générale à l'emploi et à la formation professionnelle (DGEFP)",
            "DIHAL", "Délégation interministérielle à l'hébergement et à l'accès au logement (DIHAL)",
            "CITY", "Ville", "DEPARTMENT", "Département", "ARS", "Agence régionale de santé (ARS)",
            "FOUNDATION", "Fondation");

    /** The roles of the platform's tokens, as a report says who closed it. */
    public static final Map<String, String> ROLES = ordered(
            "cip", "conseiller·ère en insertion professionnelle", "partnership-officer", "chargé·e de partenariat",
            "coordinator", "coordination territoriale", "national-analyst", "équipe nationale", "auditor", "audit",
            "admin", "administration", "evaluator", "évaluation");

    private Labels() {
    }

    /** Every list, by name, as the dashboard reads it. */
    public static Map<String, Map<String, String>> all() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        all.put("ageBands", AGE_BANDS);
        all.put("barrierDomains", BARRIER_DOMAINS);
        all.put("housing", HOUSING);
        all.put("exitReasons", EXIT_REASONS);
        all.put("exitCategories", exitCategories());
        all.put("referralDomains", REFERRAL_DOMAINS);
        all.put("referralStatus", REFERRAL_STATUS);
        all.put("programmes", PROGRAMMES);
        all.put("funders", FUNDERS);
        return all;
    }

    public static Map<String, String> exitCategories() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ExitCategory c : ExitCategory.values()) {
            m.put(c.name(), c.label());
        }
        return m;
    }

    /** The label of {@code code} in {@code labels}, the code itself when it has none. */
    public static String of(Map<String, String> labels, String code) {
        return code == null ? null : labels.getOrDefault(code, code);
    }

    /** A referral's "STATUS / outcome" key with the status in French. */
    public static String referralOutcome(String key) {
        if (key == null) {
            return null;
        }
        int slash = key.indexOf(" / ");
        return slash < 0 ? of(REFERRAL_STATUS, key) : of(REFERRAL_STATUS, key.substring(0, slash)) + key.substring(slash);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
