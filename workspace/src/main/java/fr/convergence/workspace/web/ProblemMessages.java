package fr.convergence.workspace.web;

import fr.convergence.workspace.rules.ProgrammeRules;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * A service's refusal in plain French, keyed by the rule it names. Numbers come from the programme's rules where the
 * message quotes one. A rule not in the table falls back to a general sentence (never the service's English detail).
 */
@Component
public class ProblemMessages {

    private final Map<String, String> messages = new HashMap<>();

    public ProblemMessages(ProgrammeRules rules) {
        messages.put("phc-weekly-hours-range", "En PHC, les heures hebdomadaires vont de "
                + rules.phcMinWeeklyHours() + " h à " + rules.phcMaxWeeklyHours() + " h.");
        messages.put("weekly-hours-range", "Les heures hebdomadaires sont supérieures à 0 h et d'au plus "
                + rules.maxWeeklyHours() + " h.");
        messages.put("weekly-hours-standard-minimum", "En Convergence, un contrat compte au moins "
                + rules.standardMinWeeklyHours() + " h par semaine, sauf dérogation.");
        messages.put("weekly-hours-change", "Ces heures hebdomadaires sont déjà celles du contrat.");
        messages.put("contract-max-length", "Un contrat dure au plus " + rules.contractMaxMonths()
                + " mois : choisissez une fin prévue plus proche.");
        messages.put("pathway-max-length", "Le parcours complet (PHC compris) ne peut pas dépasser "
                + rules.pathwayMaxMonths() + " mois.");
        messages.put("phc-max-length", "La phase PHC dure au plus " + rules.phcMaxMonths() + " mois.");
        messages.put("extension-forward", "La nouvelle fin prévue doit être postérieure à la fin prévue actuelle.");
        messages.put("extension-max-length", "Une prolongation ajoute au plus "
                + rules.extensionMaxMonths() + " mois par décision.");
        messages.put("planned-end-after-start", "La fin prévue doit suivre la date de début.");
        messages.put("date-not-in-future", "La date ne peut pas être dans le futur.");
        messages.put("date-after-hiring", "La date ne peut pas précéder l'embauche.");
        messages.put("monthly-hours-range", "Les heures du mois vont de 0 à " + rules.maxMonthlyHours() + " h.");
        messages.put("immersion-days-range", "Une immersion (PMSMP) dure de 1 à "
                + rules.maxImmersionDays() + " jours.");
        messages.put("exit-reason-known", "Choisissez un motif de sortie de la liste.");
        messages.put("follow-up-window", "Le suivi après sortie se tient dans les " + rules.followUpMaxMonths()
                + " mois qui suivent la sortie.");
        messages.put("follow-up-after-exit", "Le suivi après sortie se fait après la sortie (et ne commence qu'une "
                + "fois) : le parcours n'en est pas là.");
        messages.put("follow-up-started", "Aucun suivi après sortie n'est en cours.");
        messages.put("after-exit-only-follow-up", "Le parcours est terminé : seul le suivi après sortie peut encore "
                + "être enregistré.");
        // issue 18: entry profile, accompaniments, housing, follow-up contacts, corrections
        messages.put("correction-reason-required", "Un profil à l'entrée est déjà enregistré : indiquez pourquoi vous "
                + "le corrigez.");
        messages.put("accompaniment-participants", "Cochez au moins un rôle ayant pris part à l'accompagnement.");
        messages.put("housing-situation-change", "C'est déjà la situation de logement enregistrée.");
        messages.put("follow-up-closed", "Le suivi après sortie est terminé : plus rien ne peut être enregistré.");
        messages.put("correction-target-exists", "Ce parcours n'a pas cet événement : rechargez la page.");
        messages.put("correction-target-type", "Cet événement ne se corrige pas ainsi (heures du mois, changement "
                + "d'ACI, correction).");
        messages.put("correction-changes-date", "C'est déjà la date de cet événement.");
        messages.put("hiring-before-events", "L'embauche ne peut pas être datée après des événements du parcours.");
        messages.put("exit-before-follow-up", "La sortie ne peut pas être datée après le suivi déjà enregistré.");
        messages.put("exit-cancel-window", "Une sortie s'annule au plus " + rules.exitCancelWindowDays()
                + " jours après sa date : ce délai est passé.");
        messages.put("exit-cancel-before-follow-up", "Le suivi après sortie a commencé : la sortie ne peut plus être "
                + "annulée.");
        messages.put("exit-cancel-needs-exit", "Aucune sortie à annuler : le parcours est en cours.");
        messages.put("monthly-hours-series-size", "Trop de mois en une fois : enregistrez-les en plusieurs fois.");
        messages.put("monthly-hours-series-unique", "Un même mois apparaît deux fois.");
        messages.put("transition-from-phc", "Seul un parcours en PHC peut passer en Convergence.");
        messages.put("barrier-open", "Ce frein n'est pas ouvert (ou l'est déjà) dans ce domaine.");
        messages.put("barrier-lifted-after-assessed", "Un frein est levé après avoir été identifié.");
        messages.put("training-open", "Aucune formation ouverte ne porte cet identifiant.");
        messages.put("training-id-unique", "Une formation porte déjà cet identifiant.");
        messages.put("one-open-pathway", "Cette personne a déjà un parcours en cours.");
        messages.put("minimum-age", "La personne doit avoir au moins 16 ans.");
        messages.put("maximum-age", "La date de naissance semble erronée (plus de 100 ans).");
        messages.put("unknown-aci", "Cet atelier et chantier d'insertion n'existe pas.");
        messages.put("territory-not-yours", "Vous ne pouvez enregistrer que pour votre propre ACI.");
        messages.put("role-not-allowed", "Votre rôle ne permet pas cette action.");
        messages.put("concurrent-update", "Le parcours vient d'être modifié par ailleurs : réessayez.");
        messages.put("idempotency-key-reused", "Ce formulaire a déjà été envoyé avec d'autres valeurs : rechargez "
                + "la page pour en saisir un nouveau.");
        messages.put("idempotency-key-in-progress", "Ce formulaire est en cours d'envoi : patientez quelques "
                + "secondes puis rechargez la page.");
        messages.put("required", "Ce champ est obligatoire.");
        messages.put("validation", "Cette valeur n'est pas valide.");
        messages.put("malformed", "Cette valeur n'est pas au bon format.");
        messages.put("code-format", "Utilisez de 1 à 64 lettres, chiffres ou signes _ . / -");
        messages.put("month-format", "Indiquez un mois au format MM/AAAA.");
        // partnership-service
        messages.put("date-in-future", "La date ne peut pas être dans le futur.");
        messages.put("date-before-previous-step", "La date ne peut pas précéder l'étape précédente de l'orientation.");
        messages.put("date-before-member-start", "Le départ ne peut pas précéder l'arrivée dans le groupe.");
        messages.put("partner-does-not-cover-domain", "Ce partenaire ne travaille pas dans ce domaine.");
        messages.put("no-agreement-in-force", "Aucune convention en cours avec ce partenaire pour ce domaine : "
                + "choisissez un partenaire conventionné.");
        messages.put("agreement-expired", "La convention avec ce partenaire est échue.");
        messages.put("unknown-partner", "Ce partenaire n'est pas dans le réseau du territoire.");
        messages.put("unknown-outcome", "Choisissez une issue de la liste.");
        messages.put("participant-exited", "La personne est sortie de son parcours : plus d'orientation possible.");
        messages.put("referral-transition", "L'orientation n'en est plus à cette étape : rechargez la page.");
        messages.put("one-referent-at-a-time", "Le groupe a déjà un·e CIP référent·e : enregistrez d'abord son départ.");
        messages.put("partner-needs-a-domain", "Cochez au moins un domaine.");
        messages.put("agreement-needs-a-scope", "Cochez au moins un domaine couvert.");
        messages.put("scope-outside-partner-domains", "La convention ne couvre que des domaines du partenaire.");
        messages.put("agreement-ends-before-start", "La fin de la convention suit son début.");
        messages.put("agreement-already-ended", "Cette convention est déjà terminée.");
        messages.put("member-already-left", "Ce membre a déjà quitté le groupe.");
        messages.put("dead-letter-still-failing", "L'événement ne peut toujours pas être traité : il reste en attente "
                + "avec sa nouvelle cause.");
        messages.put("dead-letter-not-parked", "Cet événement a déjà été traité.");
        // participant-service
        messages.put("move-within-territory", "Choisissez une ACI du même territoire.");
        messages.put("same-aci", "La personne est déjà suivie dans cette ACI.");
        messages.put("aci-not-in-programme", "Cette ACI n'est pas (ou plus) dans le programme à cette date.");
        messages.put("participant-erased", "Les données de cette personne ont été effacées.");
        messages.put("erased", "Les données de cette personne ont été effacées.");
        messages.put("siret-checksum", "Ce numéro SIRET n'est pas valide (14 chiffres, clé de contrôle).");
        messages.put("territory-exists", "Ce code de territoire existe déjà.");
        messages.put("Pattern:code", "En minuscules, chiffres et tirets, de 2 à 40 caractères.");
        messages.put("ValidSiret", "Ce numéro SIRET n'est pas valide (14 chiffres, clé de contrôle).");
        messages.put("aci-leaves-after-joining", "La date de sortie du programme suit la date d'entrée.");
        messages.put("aci-runs-a-programme", "Une ACI porte au moins un programme.");
        messages.put("NotEmpty", "Choisissez au moins une valeur.");
        messages.put("one-local-coordination", "Le territoire a déjà une ACI porteuse de la coordination locale.");
        messages.put("Pattern:contactPhone", "Indiquez un numéro de téléphone, par exemple 01 23 45 67 89.");
        // reporting-service
        messages.put("rebuild-running", "Une reconstruction est déjà en cours : suivez sa progression ci-dessous.");
        // Bean Validation constraint names, as the services' 400 answers give them for each field
        messages.put("Email", "Indiquez une adresse électronique valide, par exemple nom@exemple.fr.");
        messages.put("Pattern", "Cette valeur n'a pas le format attendu.");
        messages.put("Pattern:phone", "Indiquez un numéro de téléphone, par exemple 06 12 34 56 78.");
        messages.put("Pattern:firstName", "Le prénom tient sur une ligne, sans caractère de contrôle.");
        messages.put("Pattern:lastName", "Le nom tient sur une ligne, sans caractère de contrôle.");
        messages.put("Size", "Cette valeur est trop longue.");
        messages.put("NotBlank", "Ce champ est obligatoire.");
        messages.put("NotNull", "Ce champ est obligatoire.");
        messages.put("Past", "La date doit être passée.");
    }

    public String of(String rule) {
        return of(rule, null);
    }

    /** The message for a rule broken on a field: a field-specific wording first ("Pattern:phone"), then the rule's. */
    public String of(String rule, String field) {
        String m = rule == null ? null : field != null && messages.containsKey(rule + ":" + field)
                ? messages.get(rule + ":" + field) : messages.get(rule);
        return m != null ? m : "Le service a refusé cette valeur.";
    }
}
