package fr.convergence.workspace.commands;

import fr.convergence.workspace.web.Field;
import fr.convergence.workspace.web.Labels;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every pathway command of pathway-service's API, as a French form: the slug in the workspace's URL, the form's
 * heading, the fields (named like the API's, so a refusal lands next to its field), the API path relative to the
 * pathway (a {placeholder} is filled from the field of that name and left out of the body), and what the person's
 * page says once it is recorded. {@code afterExit} commands are the ones a pathway accepts once exited.
 */
public enum PathwayCommand {
    WEEKLY_HOURS("heures-hebdomadaires", "Heures hebdomadaires", "weekly-hours",
            "Les nouvelles heures hebdomadaires sont enregistrées.", false,
            Field.date("effectiveDate", "Date d'effet"),
            Field.number("weeklyHours", "Heures par semaine", "Nombre d'heures, par exemple 24 ou 24,5")),
    TRANSITION("passage-convergence", "Passage PHC → Convergence", "transition",
            "Le passage en Convergence est enregistré.", false,
            Field.date("date", "Date du passage"),
            Field.date("plannedEnd", "Fin prévue du contrat Convergence"),
            Field.number("weeklyHours", "Heures par semaine", "Nombre d'heures, par exemple 26"),
            Field.checkbox("hoursDerogation", "Dérogation sur le nombre d'heures", "Moins d'heures que le minimum, sur décision")),
    EXTENSION("prolongation", "Prolongation", "extensions",
            "La prolongation est enregistrée.", false,
            Field.date("decisionDate", "Date de la décision"),
            Field.date("newPlannedEnd", "Nouvelle fin prévue"),
            Field.select("reason", "Motif de la prolongation", Labels.EXTENSION_REASONS),
            Field.text("decisionReference", "Référence de la décision", "Lettres, chiffres et signes _ . / -", true)),
    BARRIER("frein-identifie", "Frein identifié", "barriers",
            "Le frein est enregistré.", false,
            Field.date("date", "Date du diagnostic"),
            Field.select("domain", "Domaine du frein", Labels.BARRIER_DOMAINS),
            Field.select("intensity", "Intensité", Labels.INTENSITIES),
            Field.select("handling", "Prise en charge", Labels.HANDLINGS)),
    BARRIER_LIFTED("frein-leve", "Frein levé", "barriers/{domain}/lift",
            "La levée du frein est enregistrée.", false,
            Field.select("domain", "Domaine du frein levé", Labels.BARRIER_DOMAINS),
            Field.date("date", "Date de la levée")),
    HOUSING("logement", "Logement", "housing",
            "La solution de logement est enregistrée.", false,
            Field.date("date", "Date"),
            Field.select("kind", "Type de logement", Labels.HOUSING_KINDS)),
    HEALTH_CARE("acces-aux-soins", "Accès aux soins", "health-care",
            "L'accès aux soins est enregistré.", false,
            Field.date("date", "Date")),
    RIGHTS("ouverture-de-droits", "Ouverture de droits", "rights",
            "L'ouverture de droits est enregistrée.", false,
            Field.date("date", "Date d'ouverture"),
            Field.select("right", "Droit ouvert", Labels.RIGHTS)),
    TRAINING_START("formation", "Entrée en formation", "trainings",
            "L'entrée en formation est enregistrée.", false,
            Field.date("date", "Date d'entrée"),
            Field.text("trainingId", "Identifiant de la formation", "Lettres, chiffres et signes _ . / -, sans nom de personne", true),
            Field.checkbox("qualifying", "Formation qualifiante", null)),
    TRAINING_COMPLETION("fin-de-formation", "Fin de formation", "trainings/{trainingId}/completion",
            "La fin de formation est enregistrée.", false,
            Field.text("trainingId", "Identifiant de la formation", "Celui donné à l'entrée en formation", true),
            Field.date("date", "Date de fin"),
            Field.checkbox("certified", "Certification obtenue", null)),
    IMMERSION("immersion", "Immersion (PMSMP)", "immersions",
            "L'immersion est enregistrée.", false,
            Field.date("date", "Date de début"),
            Field.integer("days", "Nombre de jours", "Nombre entier de jours")),
    MONTHLY_HOURS("heures-du-mois", "Heures travaillées du mois", "monthly-hours",
            "Les heures du mois sont enregistrées.", false,
            Field.month("month", "Mois"),
            Field.number("hours", "Heures travaillées", "Nombre d'heures du mois, par exemple 98,5")),
    EXIT("sortie", "Sortie", "exit",
            "La sortie est enregistrée.", false,
            Field.date("date", "Date de sortie"),
            Field.select("reason", "Motif de sortie", Labels.EXIT_REASONS)),
    FOLLOW_UP_START("debut-suivi", "Début du suivi après sortie", "follow-up/start",
            "Le début du suivi après sortie est enregistré.", true,
            Field.date("date", "Date de début du suivi")),
    FOLLOW_UP_END("fin-suivi", "Fin du suivi après sortie", "follow-up/end",
            "La fin du suivi après sortie est enregistrée.", true,
            Field.date("date", "Date de fin du suivi"));

    private final String slug;
    private final String heading;
    private final String apiPath;
    private final String done;
    private final boolean afterExit;
    private final List<Field> fields;

    PathwayCommand(String slug, String heading, String apiPath, String done, boolean afterExit, Field... fields) {
        this.slug = slug;
        this.heading = heading;
        this.apiPath = apiPath;
        this.done = done;
        this.afterExit = afterExit;
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

    /**
     * The fields as this pathway's form shows them: lifting a barrier offers only the barriers open on it (the
     * service would refuse any other with barrier-open).
     */
    public List<Field> fieldsFor(tools.jackson.databind.JsonNode pathway) {
        if (this != BARRIER_LIFTED) {
            return fields;
        }
        Map<String, String> open = new java.util.LinkedHashMap<>();
        pathway.path("openBarriers").properties().forEach(e -> open.put(e.getKey(), Labels.label(Labels.BARRIER_DOMAINS, e.getKey())));
        return fields.stream().map(f -> f.name().equals("domain")
                ? new Field(f.name(), f.label(), f.hint(), f.kind(), open, f.required()) : f).toList();
    }

    /** Offered while the pathway is active (false) or once exited (true). */
    public boolean afterExit() {
        return afterExit;
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
