package fr.convergence.reporting.evaluation;

import fr.convergence.reporting.indicators.Labels;
import fr.convergence.reporting.projection.PathwayFacts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The evaluation extract's variables, in order, with their dictionary entries (issue 19 item 5). Only coded values,
 * counts, months (never a day: no exact date, a birth date even less) and keyed pseudonyms: no name, no free text. A
 * value that should be a code but is not one (a free text typed somewhere) is written {@code NON_CODE}, never as is.
 * No ACI column: with the age band and the months, a small ACI would single people out.
 */
public final class EvaluationColumns {

    static final String NOT_CODED = "NON_CODE";

    public static final List<EvaluationColumn> ALL = List.of(
            col("id_parcours", "Identifiant pseudonymisé du parcours", "pseudonyme", "P + 20 caractères hexadécimaux",
                    "Empreinte à clé (HMAC-SHA256) de l'identifiant du parcours : stable d'un téléchargement à l'autre, "
                            + "impossible à relier à l'identifiant de la plateforme sans la clé.", PathwayRow::pathwayPseudonym),
            col("id_personne", "Identifiant pseudonymisé de la personne", "pseudonyme", "S + 20 caractères hexadécimaux",
                    "Même empreinte pour la personne : relie les parcours successifs d'une même personne ; vide pour "
                            + "un parcours enregistré avant que la plateforme ne le transmette.", PathwayRow::personPseudonym),
            col("territoire", "Territoire", "texte codé", "code du territoire (paris, lyon…)",
                    "Territoire du parcours.", r -> r.facts().territory),
            col("tranche_age", "Tranche d'âge", "texte codé", String.join(", ", Labels.AGE_BANDS.keySet()),
                    "Tranche d'âge déclarée à l'inscription ; UNKNOWN sans inscription reçue ou après effacement. "
                            + "Jamais de date de naissance.", r -> Labels.AGE_BANDS.containsKey(r.ageBand()) ? r.ageBand() : Labels.UNKNOWN),
            col("programme_entree", "Programme à l'entrée", "texte codé", "PHC, CVG",
                    "Programme du contrat d'embauche.", r -> code(r.facts().entryProgramme)),
            col("programme_actuel", "Programme actuel ou à la sortie", "texte codé", "PHC, CVG",
                    "Programme en cours (ou à la sortie).", r -> code(r.facts().programme)),
            col("passage_phc_cvg", "Passage de PHC à Convergence", "0/1", "0, 1",
                    "1 si le parcours est passé de PHC à CVG.", r -> flag(r.facts().transitionDate)),
            col("mois_entree", "Mois d'embauche", "mois (AAAA-MM)", "AAAA-MM",
                    "Mois de l'embauche (jamais le jour).", r -> month(r.facts().entryDate)),
            col("mois_passage_cvg", "Mois du passage en CVG", "mois (AAAA-MM)", "AAAA-MM ou vide",
                    "Mois du passage de PHC à CVG.", r -> month(r.facts().transitionDate)),
            col("mois_sortie", "Mois de sortie", "mois (AAAA-MM)", "AAAA-MM ou vide",
                    "Mois de la sortie en vigueur (une sortie annulée n'y figure pas) ; vide si le parcours continue.",
                    r -> month(r.facts().exitDate)),
            col("duree_mois", "Durée du parcours (mois)", "nombre", "mois",
                    "Durée déclarée à la sortie, ou mois écoulés de l'embauche au jour de l'extraction si le parcours "
                            + "continue.", EvaluationColumns::months),
            col("parcours_en_cours", "Parcours en cours", "0/1", "0, 1", "1 si le parcours n'est pas sorti.",
                    r -> r.facts().exitDate == null ? 1 : 0),
            col("heures_hebdo_entree", "Heures hebdomadaires à l'embauche", "nombre", "heures par semaine",
                    "Horaire du contrat d'embauche.", r -> r.facts().hoursSteps.isEmpty() ? null
                            : r.facts().hoursSteps.get(0).hours()),
            col("heures_hebdo_actuelles", "Heures hebdomadaires actuelles ou à la sortie", "nombre", "heures par semaine",
                    "Dernier horaire en vigueur.", r -> r.facts().weeklyHours),
            col("heures_travaillees", "Heures travaillées", "nombre", "heures",
                    "Somme des heures déclarées mois par mois (MonthlyHoursReported).",
                    r -> r.facts().hoursByMonth.values().stream().mapToDouble(Double::doubleValue).sum()),
            col("prolongations", "Prolongations", "nombre", "décisions", "Décisions de prolongation du parcours.",
                    r -> r.facts().extensions.size()),
            col("logement_entree", "Situation de logement à l'entrée", "texte codé", codes(Labels.HOUSING),
                    "Profil d'entrée en vigueur (le dernier enregistré ; une correction remplace le précédent).",
                    r -> r.facts().entryProfile == null ? null : code(r.facts().entryProfile.housing())),
            col("sans_logement_depuis", "Sans logement depuis", "texte codé",
                    "NOT_APPLICABLE, UNDER_6_MONTHS, MONTHS_6_TO_12, YEARS_1_TO_2, YEARS_2_TO_5, OVER_5_YEARS, UNKNOWN",
                    "Durée sans logement à l'entrée.",
                    r -> r.facts().entryProfile == null ? null : code(r.facts().entryProfile.withoutHousing())),
            col("orientation_par", "Orienté·e par", "texte codé",
                    "STREET_OUTREACH, SIAO, DAY_CENTRE, SHELTER, PRISON_RELEASE, OTHER_IAE, SOCIAL_SERVICES, "
                            + "HEALTH_SERVICE, EMPLOYMENT_SERVICE, SELF, OTHER", "Qui a orienté la personne vers l'ACI.",
                    r -> r.facts().entryProfile == null ? null : code(r.facts().entryProfile.referredBy())),
            col("couverture_sante_entree", "Couverture santé à l'entrée", "texte codé",
                    "NONE, BASIC_ONLY, BASIC_AND_COMPLEMENTARY, CSS, AME, UNKNOWN",
                    "Couverture maladie à l'entrée (seule donnée de santé de l'extrait).",
                    r -> r.facts().entryProfile == null ? null : code(r.facts().entryProfile.healthCover())),
            col("sans_emploi_depuis", "Sans emploi depuis", "texte codé",
                    "NOT_APPLICABLE, UNDER_6_MONTHS, MONTHS_6_TO_12, YEARS_1_TO_2, YEARS_2_TO_5, OVER_5_YEARS, UNKNOWN",
                    "Durée sans emploi à l'entrée.",
                    r -> r.facts().entryProfile == null ? null : code(r.facts().entryProfile.withoutWork())),
            col("freins", "Freins périphériques évalués", "texte codé", codes(Labels.BARRIER_DOMAINS) + " (séparés par |)",
                    "Domaines des freins évalués pendant le parcours.", r -> codes(r.facts().barriers.keySet())),
            col("freins_avec_partenaire", "Freins traités avec un partenaire", "nombre", "domaines",
                    "Domaines dont le frein est traité par un partenaire (PARTNER ou BOTH).",
                    r -> r.facts().barriers.values().stream().filter(h -> "PARTNER".equals(h) || "BOTH".equals(h)).count()),
            col("freins_leves", "Freins levés", "texte codé", codes(Labels.BARRIER_DOMAINS) + " (séparés par |)",
                    "Domaines dont un frein a été levé.", r -> codes(r.facts().barriersLifted.keySet())),
            col("acces_logement_durable", "Accès à un logement durable", "0/1", "0, 1",
                    "1 si un accès à un logement durable a été enregistré pendant le parcours.",
                    r -> flag(r.facts().durableHousingDate)),
            col("acces_soins", "Accès aux soins", "0/1", "0, 1", "1 si un accès aux soins a été enregistré.",
                    r -> flag(r.facts().healthCareDate)),
            col("ouverture_droits", "Ouverture de droits", "0/1", "0, 1", "1 si une ouverture de droits a été enregistrée.",
                    r -> flag(r.facts().rightsOpenedDate)),
            col("formation_commencee", "Formation commencée", "0/1", "0, 1", "1 si une formation a commencé.",
                    r -> flag(r.facts().trainingStartedDate)),
            col("formation_terminee", "Formation terminée", "0/1", "0, 1", "1 si une formation a été terminée.",
                    r -> flag(r.facts().trainingCompletedDate)),
            col("immersions", "Immersions", "nombre", "immersions", "Immersions réalisées.",
                    r -> r.facts().immersions.size()),
            col("entretiens", "Entretiens", "nombre", "actes", "Entretiens enregistrés (AccompanimentRecorded INTERVIEW).",
                    r -> acts(r.facts(), "INTERVIEW")),
            col("accompagnements_physiques", "Accompagnements physiques", "nombre", "actes",
                    "Accompagnements physiques (VISIT_MEDICAL, VISIT_ADMINISTRATIVE, VISIT_HOUSING, VISIT_JUSTICE).",
                    r -> acts(r.facts(), "VISIT_")),
            col("reunions_synthese", "Réunions de synthèse", "nombre", "actes", "Réunions de synthèse (CASE_CONFERENCE).",
                    r -> acts(r.facts(), "CASE_CONFERENCE")),
            col("situation_logement_actuelle", "Situation de logement actuelle", "texte codé", codes(Labels.HOUSING),
                    "Dernière situation de logement enregistrée (HousingSituationChanged).",
                    r -> code(r.facts().housingSituation)),
            col("categorie_sortie", "Catégorie de sortie", "texte codé", codes(Labels.exitCategories()),
                    "Typologie nationale de la sortie en vigueur.", r -> code(r.facts().exitCategory)),
            col("motif_sortie", "Motif de sortie", "texte codé", codes(Labels.EXIT_REASONS),
                    "Motif de la table des motifs ; NON_CODE si le motif enregistré n'est pas un code.",
                    r -> code(r.facts().exitReason)),
            col("logement_sortie", "Situation de logement à la sortie", "texte codé", codes(Labels.HOUSING),
                    "Situation de logement déclarée à la sortie ; vide si non renseignée.", r -> code(r.facts().housingAtExit)),
            col("suivi_6_mois_emploi", "Emploi au contact de suivi à 6 mois", "texte codé",
                    "CDI, CDD_6_MONTHS_OR_MORE, CDD_UNDER_6_MONTHS, TEMPORARY_WORK, SELF_EMPLOYED, OTHER_IAE, TRAINING, "
                            + "JOB_SEEKING, INACTIVE, NOT_REACHED", "Situation d'emploi au contact de suivi à 6 mois.",
                    r -> followUp(r.facts(), "6", true)),
            col("suivi_6_mois_logement", "Logement au contact de suivi à 6 mois", "texte codé", codes(Labels.HOUSING),
                    "Situation de logement au contact de suivi à 6 mois.", r -> followUp(r.facts(), "6", false)),
            col("suivi_12_mois_emploi", "Emploi au contact de suivi à 12 mois", "texte codé",
                    "comme à 6 mois", "Situation d'emploi au contact de suivi à 12 mois.", r -> followUp(r.facts(), "12", true)),
            col("suivi_12_mois_logement", "Logement au contact de suivi à 12 mois", "texte codé", codes(Labels.HOUSING),
                    "Situation de logement au contact de suivi à 12 mois.", r -> followUp(r.facts(), "12", false)));

    private EvaluationColumns() {
    }

    private static EvaluationColumn col(String name, String label, String type, String values, String definition,
                                        Function<PathwayRow, Object> value) {
        return new EvaluationColumn(name, label, type, values, definition, value);
    }

    /** A code as the contract writes them, or {@link #NOT_CODED}: free text never leaves. */
    static String code(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.matches("[A-Z][A-Z0-9_]{0,60}") ? value : NOT_CODED;
    }

    private static String codes(Map<String, String> labels) {
        return String.join(", ", labels.keySet());
    }

    private static String codes(java.util.Collection<String> values) {
        return String.join("|", new TreeSet<>(values.stream().map(EvaluationColumns::code).filter(Objects::nonNull).toList()));
    }

    private static int flag(String date) {
        return date == null ? 0 : 1;
    }

    private static String month(String date) {
        return date == null || date.length() < 7 ? null : date.substring(0, 7);
    }

    private static Integer months(PathwayRow r) {
        PathwayFacts f = r.facts();
        if (f.exitDate != null && f.monthsInPathway != null) {
            return f.monthsInPathway;
        }
        if (f.entryDate == null) {
            return null;
        }
        LocalDate end = f.exitDate != null ? LocalDate.parse(f.exitDate) : r.asOf();
        return (int) Math.max(0, ChronoUnit.MONTHS.between(LocalDate.parse(f.entryDate), end));
    }

    private static long acts(PathwayFacts f, String prefix) {
        return f.accompaniments.stream().filter(a -> a.code() != null && a.code().startsWith(prefix)).count();
    }

    private static String followUp(PathwayFacts f, String milestone, boolean employment) {
        PathwayFacts.FollowUpContact c = f.followUpContacts.get(milestone);
        return c == null ? null : code(employment ? c.employment() : c.housing());
    }
}
