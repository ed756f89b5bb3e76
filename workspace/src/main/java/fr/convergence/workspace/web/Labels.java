package fr.convergence.workspace.web;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every code the services speak, in the French the workspace shows (WORKSPACE.md's words). One place: a page never
 * prints a code. Templates call it as {@code @labels}; an unknown code shows as "Autre (code)" rather than
 * vanishing, so a new code is visible and gets its label here.
 */
@Component("labels")
public class Labels {

    public static final Map<String, String> PROGRAMMES = ordered(
            "PHC", "Premières Heures en Chantier",
            "CVG", "Convergence");
    /** Short forms for tags in tables. */
    public static final Map<String, String> PROGRAMME_TAGS = ordered("PHC", "PHC", "CVG", "Convergence");
    public static final Map<String, String> PATHWAY_STATUSES = ordered(
            "ACTIVE", "En parcours",
            "EXITED", "Sorti·e",
            "FOLLOW_UP", "Suivi après sortie",
            "CLOSED", "Parcours clos",
            "NOT_HIRED", "Pas encore embauché·e");
    public static final Map<String, String> BARRIER_DOMAINS = ordered(
            "HOUSING", "Logement",
            "HEALTH", "Santé",
            "MOBILITY", "Mobilité",
            "LANGUAGE_LITERACY", "Langue et savoirs de base",
            "RIGHTS_ADMINISTRATIVE", "Droits et démarches administratives",
            "JUSTICE", "Justice",
            "DEBT_FINANCE", "Dettes et budget",
            "FAMILY_CHILDCARE", "Famille et garde d'enfants",
            "DIGITAL", "Numérique",
            "ADDICTION", "Addictions",
            "EMPLOYMENT_PROJECT", "Projet professionnel");
    /** partnership-service's partner domains (what a need or a referral is about). */
    public static final Map<String, String> PARTNER_DOMAINS = ordered(
            "EMPLOYMENT", "Emploi", "HOUSING", "Logement", "HEALTH", "Santé", "RIGHTS", "Accès aux droits",
            "TRAINING", "Formation", "MOBILITY", "Mobilité", "DEBT", "Dettes et budget", "JUSTICE", "Justice",
            "ADDICTION", "Addictions", "CHILDCARE", "Garde d'enfants", "DIGITAL", "Numérique",
            "LANGUAGE", "Langue");
    public static final Map<String, String> FOLLOW_UP_ROLES = ordered(
            "CIP", "CIP référent·e", "SOCIAL_WORKER", "Travailleur·se social·e",
            "PARTNERSHIP_OFFICER", "Chargé·e de partenariat");
    public static final Map<String, String> NEED_STATUSES = ordered("OPEN", "Ouvert", "CLOSED", "Clos");
    public static final Map<String, String> REFERRAL_STATUSES = ordered(
            "PROPOSED", "Orientation proposée", "ACCEPTED", "Orientation acceptée", "DECLINED", "Orientation refusée",
            "COMPLETED", "Orientation aboutie", "CANCELLED", "Orientation annulée");
    public static final Map<String, String> INTENSITIES = ordered(
            "LOW", "Faible", "MEDIUM", "Moyenne", "HIGH", "Forte");
    public static final Map<String, String> HANDLINGS = ordered(
            "INTERNAL", "Par l'ACI",
            "PARTNER", "Par un partenaire",
            "BOTH", "Par l'ACI et un partenaire");
    public static final Map<String, String> HOUSING_KINDS = ordered(
            "DURABLE_HOUSING", "Logement durable",
            "SOCIAL_RESIDENCE", "Résidence sociale",
            "SHELTER", "Hébergement d'urgence");
    public static final Map<String, String> RIGHTS = ordered(
            "RSA", "RSA",
            "AAH", "AAH (allocation aux adultes handicapés)",
            "CSS", "Complémentaire santé solidaire",
            "AME", "Aide médicale de l'État",
            "HEALTH_INSURANCE", "Assurance maladie",
            "HOUSING_BENEFIT", "Aide au logement",
            "ACTIVITY_BONUS", "Prime d'activité",
            "IDENTITY_DOCUMENT", "Pièce d'identité",
            "RESIDENCE_PERMIT", "Titre de séjour",
            "BANK_ACCOUNT", "Compte bancaire",
            "OTHER", "Autre droit");
    /** Where the person lives (pathway-service's HousingSituation): the entry profile, changes, the exit, follow-up. */
    public static final Map<String, String> HOUSING_SITUATIONS = ordered(
            "STREET", "À la rue",
            "MAKESHIFT", "Habitat de fortune (squat, campement, véhicule)",
            "EMERGENCY_SHELTER", "Hébergement d'urgence (115)",
            "SOCIAL_HOTEL", "Hôtel social",
            "INSERTION_SHELTER", "Hébergement d'insertion (CHRS)",
            "HOSTED_BY_THIRD_PARTY", "Hébergé·e chez un tiers (famille, amis)",
            "INSTITUTION", "Établissement (hôpital, détention, soins)",
            "SOCIAL_RESIDENCE", "Résidence sociale, pension de famille",
            "DURABLE_HOUSING", "Logement durable (locataire ou propriétaire)",
            "UNKNOWN", "Situation inconnue");
    /** Time without housing / without work at entry. */
    public static final Map<String, String> DURATION_BANDS = ordered(
            "NOT_APPLICABLE", "Sans objet",
            "UNDER_6_MONTHS", "Moins de 6 mois",
            "MONTHS_6_TO_12", "De 6 mois à 1 an",
            "YEARS_1_TO_2", "De 1 à 2 ans",
            "YEARS_2_TO_5", "De 2 à 5 ans",
            "OVER_5_YEARS", "Plus de 5 ans",
            "UNKNOWN", "Durée inconnue");
    /** Who sent the person to the ACI. */
    public static final Map<String, String> REFERRAL_SOURCES = ordered(
            "STREET_OUTREACH", "Maraude, équipe mobile",
            "SIAO", "SIAO",
            "DAY_CENTRE", "Accueil de jour",
            "SHELTER", "Centre d'hébergement (travailleur·se social·e)",
            "PRISON_RELEASE", "Sortie de détention (SPIP)",
            "OTHER_IAE", "Autre structure d'insertion (IAE)",
            "SOCIAL_SERVICES", "Service social (CCAS, département)",
            "HEALTH_SERVICE", "Service de santé (PASS, CMP, CSAPA)",
            "EMPLOYMENT_SERVICE", "France Travail, mission locale",
            "SELF", "De sa propre initiative",
            "OTHER", "Autre orienteur");
    public static final Map<String, String> HEALTH_COVERS = ordered(
            "NONE", "Aucune couverture santé",
            "BASIC_ONLY", "Assurance maladie sans complémentaire",
            "BASIC_AND_COMPLEMENTARY", "Assurance maladie et complémentaire",
            "CSS", "Complémentaire santé solidaire (CSS)",
            "AME", "Aide médicale de l'État (AME)",
            "UNKNOWN", "Couverture inconnue");
    /** The accompaniment log: an interview, an accompanied visit, a case conference. */
    public static final Map<String, String> ACCOMPANIMENT_KINDS = ordered(
            "INTERVIEW", "Entretien individuel",
            "VISIT_MEDICAL", "Accompagnement physique : rendez-vous de soins",
            "VISIT_ADMINISTRATIVE", "Accompagnement physique : démarche administrative",
            "VISIT_HOUSING", "Accompagnement physique : logement ou hébergement",
            "VISIT_JUSTICE", "Accompagnement physique : démarche de justice",
            "CASE_CONFERENCE", "Réunion de concertation (groupe de suivi)");
    public static final Map<String, String> SESSION_LENGTHS = ordered(
            "UNDER_30_MINUTES", "Moins de 30 minutes",
            "MINUTES_30_TO_60", "De 30 minutes à 1 heure",
            "HOURS_1_TO_2", "De 1 à 2 heures",
            "HALF_DAY", "Une demi-journée",
            "FULL_DAY", "Une journée");
    /** Who took part in an accompaniment: roles, never names. */
    public static final Map<String, String> SUPPORT_ROLES = ordered(
            "PARTICIPANT", "Le ou la salarié·e",
            "CIP", "CIP",
            "ENCADRANT", "Encadrant·e technique",
            "SOCIAL_WORKER", "Travailleur·se social·e",
            "HEALTH_PROFESSIONAL", "Professionnel·le de santé",
            "HOUSING_WORKER", "Intervenant·e logement ou hébergement",
            "JUSTICE_WORKER", "Intervenant·e justice (SPIP)",
            "EMPLOYMENT_ADVISER", "Conseiller·ère emploi",
            "PARTNER_OFFICER", "Chargé·e de partenariat",
            "COORDINATOR", "Coordinateur·rice");
    /** The situation found at a follow-up contact after the exit. */
    public static final Map<String, String> EMPLOYMENT_SITUATIONS = ordered(
            "CDI", "En CDI",
            "CDD_6_MONTHS_OR_MORE", "En CDD de 6 mois ou plus",
            "CDD_UNDER_6_MONTHS", "En CDD de moins de 6 mois",
            "TEMPORARY_WORK", "En intérim",
            "SELF_EMPLOYED", "À son compte",
            "OTHER_IAE", "Dans une autre structure d'insertion (IAE)",
            "TRAINING", "En formation",
            "JOB_SEEKING", "En recherche d'emploi",
            "INACTIVE", "Sans activité",
            "NOT_REACHED", "Pas joint·e");
    public static final Map<String, String> CORRECTION_REASONS = ordered(
            "DATA_ENTRY_ERROR", "Erreur de saisie",
            "LATE_INFORMATION", "Information reçue tardivement",
            "DOCUMENT_RECEIVED", "Justificatif reçu",
            "WRONG_PATHWAY", "Enregistré sur le mauvais parcours",
            "EXIT_DID_NOT_HAPPEN", "La sortie n'a pas eu lieu",
            "OTHER", "Autre raison");
    /** pathway-service's event types, as a correction names the event it corrects. */
    public static final Map<String, String> PATHWAY_EVENTS = ordered(
            "ParticipantHired", "Embauche",
            "WeeklyHoursChanged", "Heures hebdomadaires",
            "ProgrammeTransitioned", "Passage en Convergence",
            "PathwayExtended", "Prolongation",
            "BarrierAssessed", "Frein identifié",
            "BarrierLifted", "Frein levé",
            "HousingSecured", "Logement",
            "HealthCareAccessed", "Accès aux soins",
            "RightsOpened", "Ouverture de droits",
            "TrainingStarted", "Entrée en formation",
            "TrainingCompleted", "Fin de formation",
            "ImmersionDone", "Immersion (PMSMP)",
            "MonthlyHoursReported", "Heures du mois",
            "ParticipantExited", "Sortie",
            "PathwayTransferred", "Changement d'ACI",
            "FollowUpStarted", "Début du suivi après sortie",
            "FollowUpEnded", "Fin du suivi après sortie",
            "EntryProfileRecorded", "Profil à l'entrée",
            "AccompanimentRecorded", "Accompagnement",
            "HousingSituationChanged", "Situation de logement",
            "FollowUpContactRecorded", "Contact de suivi",
            "EventDateCorrected", "Correction de date",
            "ExitCancelled", "Annulation de la sortie");
    public static final Map<String, String> EXTENSION_REASONS = ordered(
            "PARTICULARLY_SIGNIFICANT_DIFFICULTIES", "Difficultés particulièrement importantes",
            "TRAINING_IN_PROGRESS", "Formation en cours",
            "HOUSING_PENDING", "Logement en attente",
            "HEALTH_CARE_IN_PROGRESS", "Soins en cours",
            "EXIT_PROJECT_IN_PROGRESS", "Projet de sortie en cours",
            "OTHER", "Autre motif");
    public static final Map<String, String> EXIT_REASONS = ordered(
            "CDI", "CDI",
            "CDI_AIDED", "CDI aidé",
            "CDD_6_MONTHS_OR_MORE", "CDD de 6 mois ou plus",
            "BUSINESS_CREATION", "Création d'entreprise",
            "CIVIL_SERVICE", "Fonction publique",
            "CDD_UNDER_6_MONTHS", "CDD de moins de 6 mois",
            "AIDED_FIXED_TERM_CONTRACT", "Contrat aidé à durée déterminée",
            "QUALIFYING_TRAINING", "Formation qualifiante",
            "OTHER_IAE_STRUCTURE", "Autre structure d'insertion (IAE)",
            "RETIREMENT", "Retraite",
            "UNEMPLOYED", "Recherche d'emploi",
            "INACTIVE", "Inactivité",
            "NO_NEWS", "Sans nouvelles",
            "DISMISSAL", "Licenciement",
            "DEATH", "Décès",
            "LONG_SICK_LEAVE", "Arrêt maladie de longue durée",
            "JUDICIAL_DECISION", "Décision judiciaire",
            "TRANSFER", "Transfert");
    public static final Map<String, String> EXIT_CATEGORIES = ordered(
            "DURABLE_EMPLOYMENT", "Emploi durable",
            "TRANSITION_EMPLOYMENT", "Emploi de transition",
            "POSITIVE_EXIT", "Sortie positive",
            "OTHER_EXIT", "Autre sortie",
            "WITHDRAWN", "Sortie neutralisée");
    /** partnership-service's outcome codes of a completed referral (partnership-reference.yml). */
    public static final Map<String, String> REFERRAL_OUTCOMES = ordered(
            "HOUSED", "Relogé·e", "SHELTERED", "Hébergé·e", "CARE_STARTED", "Soins engagés",
            "RIGHTS_OPENED", "Droits ouverts", "TRAINING_STARTED", "Entrée en formation", "JOB_FOUND", "Emploi trouvé",
            "DEBT_PLAN_AGREED", "Plan de règlement des dettes", "SUPPORT_STARTED", "Accompagnement engagé",
            "NOT_ELIGIBLE", "Non éligible", "NO_SHOW", "Ne s'est pas présenté·e", "OTHER", "Autre issue");
    /** participant-service's person statuses. */
    public static final Map<String, String> PERSON_STATUSES = ordered(
            "ACTIVE", "Suivi·e", "ERASED", "Données effacées");
    /** The services whose events make up an auditor's history. */
    public static final Map<String, String> SOURCES = ordered(
            "participant-service", "Identité", "pathway-service", "Parcours", "partnership-service", "Partenariats");
    /** participant-service's integration events (participant-event.v1) as an auditor's timeline names them. */
    public static final Map<String, String> PARTICIPANT_EVENTS = ordered(
            "ParticipantRegistered", "Inscription", "ParticipantMoved", "Changement d'ACI",
            "ParticipantContactRectified", "Coordonnées corrigées", "ParticipantErased", "Effacement des données",
            "TerritoryCreated", "Territoire créé", "TerritoryChanged", "Territoire modifié",
            "AciCreated", "ACI créée", "AciChanged", "ACI modifiée");
    /** partnership-service's integration events (partnership-event.v1). */
    public static final Map<String, String> PARTNERSHIP_EVENTS = ordered(
            "ReferralProposed", "Orientation proposée", "ReferralAccepted", "Orientation acceptée",
            "ReferralDeclined", "Orientation refusée", "ReferralCompleted", "Orientation aboutie",
            "ReferralCancelled", "Orientation annulée", "PartnerRegistered", "Partenaire enregistré",
            "PartnerChanged", "Partenaire modifié", "AgreementSigned", "Convention signée",
            "AgreementEnded", "Convention terminée");
    /** reporting-service's rebuild states. */
    public static final Map<String, String> REBUILD_STATES = ordered(
            "STARTING", "Démarrage", "RUNNING", "En cours", "DONE", "Terminée", "FAILED", "Échec");
    /** Why a consumer parked an event (reporting-service's codes; partnership-service gives a sentence). */
    public static final Map<String, String> DEAD_LETTER_REASONS = ordered(
            "territory-mismatch", "Événement d'un autre territoire que son flux",
            "invalid-event", "Événement illisible ou incomplet",
            "unusable", "Événement inapplicable (personne ou ACI)");
    public static final Map<String, String> TERRITORIES = ordered(
            "paris", "Paris", "lyon", "Lyon", "lille", "Lille", "nantes", "Nantes", "strasbourg", "Strasbourg",
            "rouen", "Rouen", "charente", "Charente", "marseille", "Marseille");

    public String programme(String code) {
        return label(PROGRAMMES, code);
    }

    public String programmeTag(String code) {
        return label(PROGRAMME_TAGS, code);
    }

    public String status(String code) {
        return label(PATHWAY_STATUSES, code);
    }

    public String barrier(String code) {
        return label(BARRIER_DOMAINS, code);
    }

    public String intensity(String code) {
        return label(INTENSITIES, code);
    }

    public String handling(String code) {
        return label(HANDLINGS, code);
    }

    public String exitReason(String code) {
        return label(EXIT_REASONS, code);
    }

    public String exitCategory(String code) {
        return label(EXIT_CATEGORIES, code);
    }

    public String housingSituation(String code) {
        return label(HOUSING_SITUATIONS, code);
    }

    public String durationBand(String code) {
        return label(DURATION_BANDS, code);
    }

    public String referralSource(String code) {
        return label(REFERRAL_SOURCES, code);
    }

    public String healthCover(String code) {
        return label(HEALTH_COVERS, code);
    }

    public String right(String code) {
        return label(RIGHTS, code);
    }

    public String accompanimentKind(String code) {
        return label(ACCOMPANIMENT_KINDS, code);
    }

    public String sessionLength(String code) {
        return label(SESSION_LENGTHS, code);
    }

    public String supportRole(String code) {
        return label(SUPPORT_ROLES, code);
    }

    public String employmentSituation(String code) {
        return label(EMPLOYMENT_SITUATIONS, code);
    }

    public String correctionReason(String code) {
        return label(CORRECTION_REASONS, code);
    }

    public String pathwayEvent(String type) {
        return label(PATHWAY_EVENTS, type);
    }

    public String partnerDomain(String code) {
        return label(PARTNER_DOMAINS, code);
    }

    public String needStatus(String code) {
        return label(NEED_STATUSES, code);
    }

    public String referralStatus(String code) {
        return label(REFERRAL_STATUSES, code);
    }

    public String referralOutcome(String code) {
        return label(REFERRAL_OUTCOMES, code);
    }

    public String personStatus(String code) {
        return label(PERSON_STATUSES, code);
    }

    public String followUpRole(String code) {
        return label(FOLLOW_UP_ROLES, code);
    }

    public String source(String code) {
        return label(SOURCES, code);
    }

    public String rebuildState(String code) {
        return label(REBUILD_STATES, code);
    }

    /** A parked event's cause: the French label of a known code, otherwise the service's own sentence as is. */
    public String deadLetterReason(String reason) {
        return DEAD_LETTER_REASONS.getOrDefault(reason, reason == null ? "" : reason);
    }

    /** An ISO instant as the day and time in Paris: 12/03/2026 à 14:05. */
    public String instant(String iso) {
        if (iso == null || iso.isBlank() || "null".equals(iso)) {
            return "";
        }
        try {
            java.time.ZonedDateTime t = java.time.Instant.parse(iso).atZone(FrenchDates.PARIS);
            return FrenchDates.format(t.toLocalDate()) + " à " + String.format("%02d:%02d", t.getHour(), t.getMinute());
        } catch (java.time.format.DateTimeParseException e) {
            return date(iso);
        }
    }

    /** 1234567 → "1 234 567" (French grouping). */
    public String count(long n) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRANCE).format(n).replace('\u202f', ' ')
                .replace('\u00a0', ' ');
    }

    public String territory(String code) {
        return label(TERRITORIES, code);
    }

    /** "aci-paris-1" → "ACI 1 (Paris)": the ids are structured, the names live in participant-service. */
    public String aci(String aciId) {
        if (aciId == null) {
            return "";
        }
        String[] parts = aciId.split("-");
        if (parts.length == 3 && parts[0].equals("aci")) {
            return "ACI " + parts[2] + " (" + territory(parts[1]) + ")";
        }
        return aciId;
    }

    /** "2026-03-12" → "12/03/2026"; empty for no date. */
    public String date(String iso) {
        if (iso == null || iso.isBlank() || "null".equals(iso)) {
            return "";
        }
        java.time.LocalDate d = FrenchDates.parseDate(iso);
        return d == null ? iso : FrenchDates.format(d);
    }

    /** A dash for a field left empty, so that an empty cell is not read as missing data. */
    public String orDash(String s) {
        return s == null || s.isBlank() || "null".equals(s) ? "—" : s;
    }

    /** 24.5 → "24,5" (French decimal comma, at most one decimal). */
    public static String decimal(double value) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(java.util.Locale.FRANCE);
        f.setMaximumFractionDigits(1);
        f.setGroupingUsed(false);
        return f.format(value);
    }

    /** 24.5 → "24,5 h". */
    public String hours(Double h) {
        if (h == null) {
            return "";
        }
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(java.util.Locale.FRANCE);
        f.setMaximumFractionDigits(1);
        return f.format(h) + " h";
    }

    public static String label(Map<String, String> table, String code) {
        if (code == null || code.isBlank() || "null".equals(code)) {
            return "";
        }
        String label = table.get(code);
        return label != null ? label : "Autre (" + code + ")";
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
