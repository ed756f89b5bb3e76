package fr.convergence.workspace.commands;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.web.Field;
import fr.convergence.workspace.web.Labels;

import fr.convergence.workspace.web.FrenchDates;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every pathway command of pathway-service's API, as a French form: the slug in the workspace's URL, the form's
 * heading, the fields (named like the API's, so a refusal lands next to its field), the API path relative to the
 * pathway (a {placeholder} is filled from the field of that name and left out of the body), and what the person's
 * page says once it is recorded. {@code afterExit} commands are the ones a pathway accepts once exited.
 */
public enum PathwayCommand {
    WEEKLY_HOURS("heures-hebdomadaires", "Heures hebdomadaires", "weekly-hours",
            "Les nouvelles heures hebdomadaires sont enregistrées.", Offered.ACTIVE,
            Field.date("effectiveDate", "Date d'effet"),
            Field.number("weeklyHours", "Heures par semaine", "Nombre d'heures, par exemple 24 ou 24,5")),
    TRANSITION("passage-convergence", "Passage PHC → Convergence", "transition",
            "Le passage en Convergence est enregistré.", Offered.ACTIVE,
            Field.date("date", "Date du passage"),
            Field.date("plannedEnd", "Fin prévue du contrat Convergence"),
            Field.number("weeklyHours", "Heures par semaine", "Nombre d'heures, par exemple 26"),
            Field.checkbox("hoursDerogation", "Dérogation sur le nombre d'heures", "Moins d'heures que le minimum, sur décision")),
    EXTENSION("prolongation", "Prolongation", "extensions",
            "La prolongation est enregistrée.", Offered.ACTIVE,
            Field.date("decisionDate", "Date de la décision"),
            Field.date("newPlannedEnd", "Nouvelle fin prévue"),
            Field.select("reason", "Motif de la prolongation", Labels.EXTENSION_REASONS),
            Field.text("decisionReference", "Référence de la décision", "Lettres, chiffres et signes _ . / -", true)),
    BARRIER("frein-identifie", "Frein identifié", "barriers",
            "Le frein est enregistré.", Offered.ACTIVE,
            Field.date("date", "Date du diagnostic"),
            Field.select("domain", "Domaine du frein", Labels.BARRIER_DOMAINS),
            Field.select("intensity", "Intensité", Labels.INTENSITIES),
            Field.select("handling", "Prise en charge", Labels.HANDLINGS)),
    BARRIER_LIFTED("frein-leve", "Frein levé", "barriers/{domain}/lift",
            "La levée du frein est enregistrée.", Offered.ACTIVE,
            Field.select("domain", "Domaine du frein levé", Labels.BARRIER_DOMAINS),
            Field.date("date", "Date de la levée")),
    HEALTH_CARE("acces-aux-soins", "Accès aux soins", "health-care",
            "L'accès aux soins est enregistré.", Offered.ALONG,
            Field.date("date", "Date")),
    RIGHTS("ouverture-de-droits", "Ouverture de droits", "rights",
            "L'ouverture de droits est enregistrée.", Offered.ALONG,
            Field.date("date", "Date d'ouverture"),
            Field.select("right", "Droit ouvert", Labels.RIGHTS)),
    TRAINING_START("formation", "Entrée en formation", "trainings",
            "L'entrée en formation est enregistrée.", Offered.ACTIVE,
            Field.date("date", "Date d'entrée"),
            Field.text("trainingId", "Identifiant de la formation", "Lettres, chiffres et signes _ . / -, sans nom de personne", true),
            Field.checkbox("qualifying", "Formation qualifiante", null)),
    TRAINING_COMPLETION("fin-de-formation", "Fin de formation", "trainings/{trainingId}/completion",
            "La fin de formation est enregistrée.", Offered.ACTIVE,
            Field.text("trainingId", "Identifiant de la formation", "Celui donné à l'entrée en formation", true),
            Field.date("date", "Date de fin"),
            Field.checkbox("certified", "Certification obtenue", null)),
    IMMERSION("immersion", "Immersion (PMSMP)", "immersions",
            "L'immersion est enregistrée.", Offered.ACTIVE,
            Field.date("date", "Date de début"),
            Field.integer("days", "Nombre de jours", "Nombre entier de jours")),
    MONTHLY_HOURS("heures-du-mois", "Heures travaillées du mois", "monthly-hours",
            "Les heures du mois sont enregistrées.", Offered.ACTIVE,
            Field.month("month", "Mois"),
            Field.number("hours", "Heures travaillées", "Nombre d'heures du mois, par exemple 98,5")),
    EXIT("sortie", "Sortie", "exit",
            "La sortie est enregistrée.", Offered.ACTIVE,
            Field.date("date", "Date de sortie"),
            Field.select("reason", "Motif de sortie", Labels.EXIT_REASONS),
            Field.optionalSelect("housingAtExit", "Situation de logement à la sortie",
                    "Laissée vide : la dernière situation connue", Labels.HOUSING_SITUATIONS)),
    FOLLOW_UP_START("debut-suivi", "Début du suivi après sortie", "follow-up/start",
            "Le début du suivi après sortie est enregistré.", Offered.EXITED,
            Field.date("date", "Date de début du suivi")),
    FOLLOW_UP_END("fin-suivi", "Fin du suivi après sortie", "follow-up/end",
            "La fin du suivi après sortie est enregistrée.", Offered.FOLLOW_UP,
            Field.date("date", "Date de fin du suivi")),
    ENTRY_PROFILE("profil-entree", "Profil à l'entrée", "entry-profile",
            "Le profil à l'entrée est enregistré.", Offered.ACTIVE,
            Field.date("date", "Date du recueil"),
            Field.select("housing", "Situation de logement à l'entrée", Labels.HOUSING_SITUATIONS),
            Field.select("withoutHousing", "Depuis combien de temps sans logement", Labels.DURATION_BANDS),
            Field.select("referredBy", "Orienté·e vers l'ACI par", Labels.REFERRAL_SOURCES),
            Field.select("healthCover", "Couverture santé à l'entrée", Labels.HEALTH_COVERS),
            Field.checkboxes("rightsAtEntry", "Droits ouverts à l'entrée", "Cochez ceux que la personne a déjà",
                    Labels.RIGHTS, false),
            Field.select("withoutWork", "Depuis combien de temps sans emploi", Labels.DURATION_BANDS),
            Field.optionalSelect("correctionReason", "Raison de la correction",
                    "Seulement pour corriger un profil déjà enregistré", Labels.CORRECTION_REASONS)),
    ACCOMPANIMENT("accompagnement", "Entretien ou accompagnement", "accompaniments",
            "L'accompagnement est enregistré.", Offered.ALONG,
            Field.date("date", "Date"),
            Field.select("kind", "Nature", Labels.ACCOMPANIMENT_KINDS),
            Field.select("length", "Durée", Labels.SESSION_LENGTHS),
            Field.checkboxes("participants", "Qui y a pris part", "Des rôles, jamais de noms", Labels.SUPPORT_ROLES, true)),
    // one housing action: a move into a housing solution is also recorded as that solution secured by the service
    HOUSING_SITUATION("situation-logement", "Changement de situation de logement", "housing-situation",
            "La nouvelle situation de logement est enregistrée.", Offered.ALONG,
            Field.date("date", "Date du changement"),
            Field.select("situation", "Nouvelle situation de logement", Labels.HOUSING_SITUATIONS)),
    FOLLOW_UP_CONTACT("contact-suivi", "Contact de suivi après sortie", "follow-up/contacts",
            "Le contact de suivi est enregistré.", Offered.AFTER_EXIT,
            Field.date("date", "Date du contact"),
            Field.select("employment", "Situation d'emploi", Labels.EMPLOYMENT_SITUATIONS),
            Field.select("housing", "Situation de logement", Labels.HOUSING_SITUATIONS),
            Field.optionalSelect("newDifficulty", "Nouvelle difficulté", "Un frein apparu depuis la sortie, s'il y en a un",
                    Labels.BARRIER_DOMAINS)),
    DATE_CORRECTION("corriger-date", "Corriger la date d'un événement", "corrections/date",
            "La date est corrigée ; l'historique garde la date d'origine et la correction.", Offered.ALWAYS,
            Set.of(StaffRole.CIP, StaffRole.COORDINATOR),
            Field.numberedSelect("sequence", "Événement à corriger", "Tel qu'il figure dans l'historique"),
            Field.date("rightDate", "Bonne date"),
            Field.select("reason", "Raison de la correction", Labels.CORRECTION_REASONS)),
    EXIT_CANCELLATION("annuler-sortie", "Annuler la sortie", "exit/cancellation",
            "La sortie est annulée : le parcours est de nouveau en cours.", Offered.AFTER_EXIT,
            Set.of(StaffRole.COORDINATOR),
            Field.select("reason", "Raison de l'annulation", Labels.CORRECTION_REASONS),
            Field.confirm("confirm", "Je confirme l'annulation de cette sortie"));

    /** The pathway statuses a command is offered in (the service decides in the end). */
    public enum Offered {
        ACTIVE("ACTIVE"), EXITED("EXITED"), FOLLOW_UP("FOLLOW_UP"), AFTER_EXIT("EXITED", "FOLLOW_UP"),
        ALONG("ACTIVE", "EXITED", "FOLLOW_UP"), ALWAYS("ACTIVE", "EXITED", "FOLLOW_UP", "CLOSED");

        private final Set<String> statuses;

        Offered(String... statuses) {
            this.statuses = Set.of(statuses);
        }
    }

    private final String slug;
    private final String heading;
    private final String apiPath;
    private final String done;
    private final Offered offered;
    private final Set<StaffRole> roles;
    private final List<Field> fields;

    PathwayCommand(String slug, String heading, String apiPath, String done, Offered offered, Field... fields) {
        this(slug, heading, apiPath, done, offered, Set.of(StaffRole.CIP), fields);
    }

    PathwayCommand(String slug, String heading, String apiPath, String done, Offered offered, Set<StaffRole> roles,
                   Field... fields) {
        this.slug = slug;
        this.heading = heading;
        this.apiPath = apiPath;
        this.done = done;
        this.offered = offered;
        this.roles = roles;
        this.fields = List.of(fields);
    }

    public String slug() {
        return slug;
    }

    public String heading() {
        return heading;
    }

    public String done() {
        return done;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The fields as this pathway's form shows them (see {@link #fieldsFor(JsonNode, JsonNode)}), without its events. */
    public List<Field> fieldsFor(JsonNode pathway) {
        return fieldsFor(pathway, null);
    }

    /**
     * The fields as this pathway's form shows them: lifting a barrier offers only the barriers open on it (the
     * service would refuse any other with barrier-open); the entry profile asks why only when it corrects one
     * already recorded (then it must say why); correcting a date offers the pathway's events that can be corrected.
     */
    public List<Field> fieldsFor(JsonNode pathway, JsonNode events) {
        return switch (this) {
            case BARRIER_LIFTED -> {
                Map<String, String> open = new LinkedHashMap<>();
                pathway.path("openBarriers").properties().forEach(e -> open.put(e.getKey(), Labels.label(Labels.BARRIER_DOMAINS, e.getKey())));
                yield replace("domain", f -> f.withOptions(open));
            }
            case ENTRY_PROFILE -> hasProfile(pathway) ? replace("correctionReason", f -> f.withRequired(true))
                    : fields.stream().filter(f -> !f.name().equals("correctionReason")).toList();
            case DATE_CORRECTION -> replace("sequence", f -> f.withOptions(correctable(events)));
            default -> fields;
        };
    }

    /** Whether the form needs the pathway's events (to offer them). */
    public boolean needsEvents() {
        return this == DATE_CORRECTION;
    }

    /** The heading as this pathway's form and button show it: an existing profile is corrected, not recorded. */
    public String headingFor(JsonNode pathway) {
        return this == ENTRY_PROFILE && hasProfile(pathway) ? "Corriger le profil à l'entrée" : heading;
    }

    /** What the form shows typed in before anyone types: the profile being corrected. */
    public Map<String, String> initialFor(JsonNode pathway) {
        if (this != ENTRY_PROFILE || !hasProfile(pathway)) {
            return Map.of();
        }
        JsonNode p = pathway.path("entryProfile");
        Map<String, String> initial = new LinkedHashMap<>();
        for (String f : List.of("housing", "withoutHousing", "referredBy", "healthCover", "withoutWork")) {
            initial.put(f, p.path(f).asString(""));
        }
        List<String> rights = new ArrayList<>();
        p.path("rightsAtEntry").forEach(r -> rights.add(r.asString()));
        initial.put("rightsAtEntry", String.join(",", rights));
        String on = p.path("recordedOn").asString("");
        initial.put("date", on.isBlank() || "null".equals(on) ? "" : FrenchDates.format(java.time.LocalDate.parse(on)));
        return initial;
    }

    /** One French paragraph naming what the form does, when it is more than its heading says; else null. */
    public String introFor(JsonNode pathway, Labels labels, fr.convergence.workspace.rules.ProgrammeRules rules) {
        return switch (this) {
            case ENTRY_PROFILE -> hasProfile(pathway)
                    ? "Un profil à l'entrée est déjà enregistré (le " + labels.date(pathway.path("entryProfile").path("recordedOn").asString(""))
                    + ") : il est repris ci-dessous. L'enregistrer à nouveau le corrige ; indiquez pourquoi. "
                    + "Le profil d'origine reste dans l'historique."
                    : "Où en était la personne à son arrivée : des réponses codées, sans détail de santé.";
            case ACCOMPANIMENT -> "Un entretien, un accompagnement physique vers les soins, les démarches, le logement ou la justice, "
                    + "ou une réunion de concertation. Indiquez les rôles de qui y a pris part, jamais leurs noms.";
            case FOLLOW_UP_CONTACT -> "Le contact compte pour l'échéance de suivi la plus proche de sa date ("
                    + months(rules.followUpContactMonths()) + " mois après la sortie).";
            case DATE_CORRECTION -> "L'événement n'est pas réécrit : l'historique garde la date d'origine et montre la "
                    + "correction, qui l'a faite et pourquoi ; les indicateurs prennent la bonne date. Les heures du mois, "
                    + "les changements d'ACI et les corrections ne se corrigent pas ainsi.";
            case EXIT_CANCELLATION -> "La sortie du " + labels.date(pathway.path("exitedOn").asString(""))
                    + (pathway.path("exitReason").asString("").isBlank() ? "" : " (" + labels.exitReason(pathway.path("exitReason").asString()) + ")")
                    + " sera annulée : le parcours redevient « en parcours » comme si cette sortie n'avait pas eu lieu, "
                    + "elle ne compte plus parmi les sorties ni dans les indicateurs, et une nouvelle sortie pourra être "
                    + "enregistrée. La sortie et son annulation restent dans l'historique."
                    + (pathway.path("exitCancellableUntil").asString("").isBlank() || "null".equals(pathway.path("exitCancellableUntil").asString(""))
                    ? "" : " Annulation possible jusqu'au " + labels.date(pathway.path("exitCancellableUntil").asString()) + ".");
            default -> null;
        };
    }

    /** [1, 3, 6, 12] → "1, 3, 6 ou 12" (programme-rules.yml's follow-up-contact-months). */
    private static String months(List<Integer> months) {
        List<String> m = months.stream().map(String::valueOf).toList();
        return m.size() < 2 ? String.join("", m) : String.join(", ", m.subList(0, m.size() - 1)) + " ou " + m.get(m.size() - 1);
    }

    /** A profile recorded on this pathway (the view's {@code entryProfile}, null until there is one). */
    public static boolean hasProfile(JsonNode pathway) {
        return pathway != null && pathway.path("entryProfile").isObject();
    }

    /** Event types a date correction does not take (the service refuses them). */
    static final Set<String> NOT_CORRECTABLE = Set.of("MonthlyHoursReported", "PathwayTransferred", "EventDateCorrected",
            "ExitCancelled");

    /** The pathway's events a date correction may name, newest first, as "12/03/2026 — Embauche (n° 1)". */
    private static Map<String, String> correctable(JsonNode events) {
        Map<String, String> options = new LinkedHashMap<>();
        if (events == null) {
            return options;
        }
        for (JsonNode e : events) {
            String type = e.path("type").asString("");
            if (NOT_CORRECTABLE.contains(type) || !e.path("sequence").canConvertToLong()) {
                continue;
            }
            String on = e.path("occurredOn").asString("");
            options.put(String.valueOf(e.path("sequence").asLong()),
                    (on.isBlank() ? "" : FrenchDates.format(java.time.LocalDate.parse(on)) + " — ")
                            + Labels.label(Labels.PATHWAY_EVENTS, type) + " (n° " + e.path("sequence").asLong() + ")");
        }
        return options;
    }

    private List<Field> replace(String name, java.util.function.UnaryOperator<Field> change) {
        return fields.stream().map(f -> f.name().equals(name) ? change.apply(f) : f).toList();
    }

    /** Offered to a pathway of this status. */
    public boolean offeredWhen(String status) {
        return offered.statuses.contains(status);
    }

    /** The roles whose pages offer it (the services check again: this never widens what they accept). */
    public boolean forRole(StaffMember me) {
        return roles.stream().anyMatch(me::is);
    }

    public static Optional<PathwayCommand> bySlug(String slug) {
        return Arrays.stream(values()).filter(c -> c.slug.equals(slug)).findFirst();
    }

    /** The API path with its placeholders filled from the body (which then loses those fields). */
    public String path(Map<String, Object> body) {
        String path = apiPath;
        for (Field f : fields) {
            String placeholder = "{" + f.name() + "}";
            if (path.contains(placeholder)) {
                Object value = body.remove(f.name());
                path = path.replace(placeholder, java.net.URLEncoder.encode(String.valueOf(value),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return path;
    }
}
