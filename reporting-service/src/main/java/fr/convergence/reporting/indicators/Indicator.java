package fr.convergence.reporting.indicators;

/**
 * The catalogue of national indicators: each one is defined here, once, with its French label and its
 * definition. The API, the exports, the dashboard and the README all take their wording from this enum, so
 * that an evaluator reads the same definition everywhere.
 */
public enum Indicator {
    ENTERED("entrees", "Entrées",
            "Parcours embauchés (ParticipantHired) dont la date d'embauche tombe dans la période."),
    EXITED("sorties", "Sorties",
            "Parcours sortis (ParticipantExited) dont la date de sortie tombe dans la période."),
    PRESENT("presents_fin_de_mois", "Présents en fin de mois",
            "Stock au dernier jour du mois : entrées cumulées − sorties cumulées depuis le début des flux "
                    + "(avec un filtre de programme, les passages PHC → CVG sortent du stock PHC et entrent dans le stock CVG ; une personne changée d'ACI sort du stock de l'ancienne et entre dans celui de la nouvelle, son entrée restant comptée dans l'ACI d'embauche)."),
    EXITS_BY_CATEGORY("sorties_par_categorie", "Sorties par catégorie",
            "Sorties de la période réparties selon la typologie nationale (emploi durable, emploi de transition, "
                    + "sortie positive, autre sortie, retrait)."),
    EXITS_BY_REASON("sorties_par_motif", "Sorties par motif", "Sorties de la période réparties par motif déclaré."),
    DYNAMIC_EXIT_RATE("taux_sorties_dynamiques", "Taux de sorties dynamiques",
            "(emploi durable + emploi de transition + sorties positives) / (toutes les sorties − retraits), "
                    + "sur les sorties de la période ; vide si le dénominateur est nul."),
    DURABLE_HOUSING("logement_durable", "Accès au logement durable",
            "Personnes dont le premier accès à un logement durable (HousingSecured, DURABLE_HOUSING) tombe dans la période."),
    HEALTH_CARE("acces_aux_soins", "Accès aux soins",
            "Personnes dont le premier accès aux soins (HealthCareAccessed) tombe dans la période."),
    RIGHTS_OPENED("ouverture_de_droits", "Ouverture de droits",
            "Personnes dont la première ouverture de droits (RightsOpened) tombe dans la période."),
    TRAINING_STARTED("formations_commencees", "Formations commencées",
            "Personnes dont la première entrée en formation (TrainingStarted) tombe dans la période."),
    TRAINING_COMPLETED("formations_terminees", "Formations terminées",
            "Personnes dont la première formation terminée (TrainingCompleted) tombe dans la période."),
    BARRIER_PEOPLE("freins_personnes", "Personnes avec au moins un frein",
            "Personnes dont le premier frein périphérique évalué (BarrierAssessed) l'a été dans la période."),
    BARRIER_INTERNAL("freins_traites_en_interne", "Freins traités en interne",
            "Parmi elles, personnes ayant au moins un frein traité par l'ACI (INTERNAL ou BOTH)."),
    BARRIER_PARTNER("freins_traites_par_partenaire", "Freins traités par un partenaire",
            "Parmi elles, personnes ayant au moins un frein traité par un partenaire (PARTNER ou BOTH)."),
    BARRIERS_BY_DOMAIN("freins_par_domaine", "Freins par domaine",
            "Nombre de personnes concernées par chaque domaine de frein, parmi les personnes ci-dessus."),
    MEDIAN_LENGTH("duree_mediane_mois", "Durée médiane des parcours (mois)",
            "Médiane de la durée en mois (monthsInPathway) des parcours sortis dans la période."),
    SHARE_BEYOND_24("part_au_dela_24_mois", "Part des parcours de plus de 24 mois",
            "Part des parcours sortis dans la période dont la durée dépasse 24 mois."),
    PHC_TO_CVG("passages_phc_cvg", "Passages PHC → CVG",
            "Transitions de programme PHC → CVG (ProgrammeTransitioned) dont la date tombe dans la période."),
    PHC_CURRENT_HOURS("heures_phc_actuelles", "Répartition des heures hebdomadaires PHC actuelles",
            "Pour les personnes actuellement en PHC (non sorties, non passées en CVG), nombre de personnes par "
                    + "horaire hebdomadaire en vigueur, quelle que soit la période."),
    PHC_HOURS_BY_MONTH_SINCE_ENTRY("heures_phc_par_mois_d_anciennete", "Heures hebdomadaires PHC moyennes par mois depuis l'entrée",
            "Pour les personnes entrées en PHC dans la période : moyenne de l'horaire hebdomadaire en vigueur à la "
                    + "fin du k-ième mois depuis l'entrée (k = 0 : mois d'entrée), tant qu'elles sont en PHC."),
    REFERRALS_BY_DOMAIN("orientations_par_domaine", "Orientations par domaine",
            "Orientations vers un partenaire proposées dans la période, par domaine."),
    REFERRALS_BY_OUTCOME("orientations_par_issue", "Orientations par issue",
            "Orientations proposées dans la période, par dernier statut connu (et issue si renseignée)."),
    HOURS_WORKED("heures_travaillees", "Heures travaillées",
            "Somme des heures déclarées (MonthlyHoursReported) pour les mois de la période ; une nouvelle "
                    + "déclaration du même mois remplace la précédente."),
    PEOPLE_SUPPORTED("personnes_accompagnees", "Personnes accompagnées dans la période",
            "Personnes dont le parcours a été actif au moins un jour de la période (présentes à la fin du mois qui la "
                    + "précède, ou entrées, passées dans le programme ou arrivées dans l'ACI pendant la période), comptées "
                    + "une fois : la file active, pas seulement les entrées."),
    PERSON_MONTHS("mois_personnes", "Mois-personnes en parcours",
            "Somme, sur chaque mois de la période, des personnes dont le parcours a été actif ce mois-là (présentes à la "
                    + "fin du mois précédent ou entrées dans le mois) : dénominateur de l'intensité de l'accompagnement."),
    FROM_STREET("part_venant_de_la_rue", "Part venant de la rue",
            "Parmi les personnes accompagnées dans la période qui ont un profil d'entrée (EntryProfileRecorded ; le "
                    + "dernier enregistré fait foi, une correction remplace le précédent), part dont la situation de "
                    + "logement à l'entrée relève du groupe rue (STREET, MAKESHIFT) ; numérateur et dénominateur donnés."),
    FROM_SHELTER("part_venant_d_un_hebergement", "Part venant d'un hébergement",
            "Même dénominateur, part dont la situation de logement à l'entrée relève du groupe hébergement "
                    + "(EMERGENCY_SHELTER, SOCIAL_HOTEL, INSERTION_SHELTER)."),
    INTERVIEWS_PER_PERSON_MONTH("entretiens_par_mois_personne", "Entretiens par mois-personne",
            "Entretiens (AccompanimentRecorded INTERVIEW) datés dans la période et pendant le parcours (au plus tard "
                    + "le jour de la sortie), divisés par les mois-personnes en parcours de la période."),
    VISITS_PER_PERSON_MONTH("accompagnements_physiques_par_mois_personne", "Accompagnements physiques par mois-personne",
            "Accompagnements physiques (AccompanimentRecorded VISIT_MEDICAL, VISIT_ADMINISTRATIVE, VISIT_HOUSING, "
                    + "VISIT_JUSTICE) datés dans la période et pendant le parcours, divisés par les mois-personnes en "
                    + "parcours de la période."),
    CASE_CONFERENCES("reunions_de_synthese", "Réunions de synthèse",
            "Réunions de synthèse avec le groupe de suivi (AccompanimentRecorded CASE_CONFERENCE) datées dans la "
                    + "période et pendant le parcours."),
    EXITS_BY_HOUSING("sorties_par_logement", "Sorties par situation de logement",
            "Sorties de la période réparties par situation de logement à la sortie (housingAtExit ; UNKNOWN quand "
                    + "elle n'est pas renseignée)."),
    EXITS_TO_DURABLE_HOUSING("sorties_vers_logement_durable", "Sorties vers un logement durable",
            "Parmi les sorties de la période dont la situation de logement à la sortie est connue (renseignée et "
                    + "différente de UNKNOWN), part sortie en logement durable : DURABLE_HOUSING ou SOCIAL_RESIDENCE. "
                    + "La résidence sociale (dont pension de famille) est comptée comme logement parce qu'elle relève "
                    + "du logement (titre d'occupation, aide au logement) et non de l'hébergement, selon la séparation "
                    + "logement / hébergement des statistiques publiques ; la répartition par situation permet de la "
                    + "compter à part."),
    EXITS_TO_SHELTER("sorties_vers_hebergement", "Sorties vers un hébergement",
            "Même dénominateur, part sortie en hébergement (EMERGENCY_SHELTER, SOCIAL_HOTEL, INSERTION_SHELTER)."),
    EMPLOYED_6_MONTHS("en_emploi_6_mois", "En emploi 6 mois après la sortie",
            "Cohorte : sorties de la période. Parmi les personnes jointes au contact de suivi à 6 mois "
                    + "(FollowUpContactRecorded, milestoneMonths 6 ; le dernier contact du jalon fait foi), part en "
                    + "emploi (CDI, CDD_6_MONTHS_OR_MORE, CDD_UNDER_6_MONTHS, TEMPORARY_WORK, SELF_EMPLOYED, OTHER_IAE) ; "
                    + "les personnes non jointes (NOT_REACHED) sont hors du dénominateur et comptées à part, comme les "
                    + "sorties sans contact enregistré."),
    HOUSED_6_MONTHS("logees_6_mois", "Logées 6 mois après la sortie",
            "Même cohorte et même dénominateur, part en logement durable (DURABLE_HOUSING ou SOCIAL_RESIDENCE) au "
                    + "contact de suivi à 6 mois."),
    EMPLOYED_12_MONTHS("en_emploi_12_mois", "En emploi 12 mois après la sortie",
            "Comme à 6 mois, au contact de suivi à 12 mois (milestoneMonths 12)."),
    HOUSED_12_MONTHS("logees_12_mois", "Logées 12 mois après la sortie",
            "Comme à 6 mois, au contact de suivi à 12 mois (milestoneMonths 12)."),
    BARRIERS_LIFTED_BY_DOMAIN("freins_leves_par_domaine", "Freins levés par domaine",
            "Par domaine, personnes dont un frein de ce domaine a été levé (BarrierLifted) dans la période, la "
                    + "première levée du domaine faisant foi."),
    EXTENSIONS("prolongations", "Prolongations accordées",
            "Décisions de prolongation du parcours (PathwayExtended) datées dans la période."),
    IMMERSIONS("immersions", "Immersions",
            "Immersions réalisées (ImmersionDone) datées dans la période."),
    IMMERSION_DAYS("jours_d_immersion", "Jours d'immersion",
            "Somme des jours (data.days) des immersions réalisées dans la période."),
    ACI_COUNT("nombre_aci", "Nombre d'ACI",
            "ACI du périmètre (tous, ou ceux du territoire) dans le programme au moins un jour de la période, d'après "
                    + "le référentiel du flux participant (AciCreated, AciChanged) : entré (joinedOn absent ou au plus "
                    + "tard le dernier jour) et pas encore sorti (leftOn absent ou au plus tôt le premier jour), qu'il "
                    + "ait ou non des parcours."),
    AGE_BANDS("personnes_accompagnees_par_tranche_d_age", "Personnes accompagnées par tranche d'âge",
            "Personnes accompagnées dans la période, réparties selon la tranche d'âge déclarée à l'inscription "
                    + "(ParticipantRegistered.ageBand : moins de 26 ans, 26-34, 35-44, 45-54, 55 ans et plus ; "
                    + "« non renseignée » sans inscription reçue ou après effacement). Jamais de date de naissance."),
    EXITS_TO_EMPLOYMENT("sorties_vers_emploi", "Sorties vers l'emploi",
            "Numérateur : sorties de la période en emploi durable ou en emploi de transition ; dénominateur : "
                    + "sorties de la période hors retraits (comme le taux de sorties dynamiques, sans les sorties "
                    + "positives)."),
    EXITS_TO_HOUSING_OR_SHELTER("sorties_vers_logement_ou_hebergement", "Sorties vers un logement ou un hébergement",
            "Numérateur : sorties de la période en logement durable, résidence sociale ou hébergement "
                    + "(EMERGENCY_SHELTER, SOCIAL_HOTEL, INSERTION_SHELTER) ; dénominateur : sorties de la période dont "
                    + "la situation de logement à la sortie est connue. Somme des deux parts précédentes.");

    private final String id;
    private final String label;
    private final String definition;

    Indicator(String id, String label, String definition) {
        this.id = id;
        this.label = label;
        this.definition = definition;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String definition() {
        return definition;
    }
}
