package fr.convergence.workspace.rules;

import java.time.LocalDate;

/**
 * Something about one person that needs action soon.
 *
 * @param kind     which alert
 * @param due      the date it is about (planned end, the contract's maximum length, end of the follow-up window, PHC
 *                 hours review, the day a need's wait for a referral passed its limit)
 * @param severity {@code error} when the date has passed or is within a week, {@code warning} otherwise (DSFR badge)
 * @param label    what the badge says, in French; the kind's own wording unless a rule's number belongs in it
 */
public record Alert(Kind kind, LocalDate due, String severity, String label) {

    public Alert(Kind kind, LocalDate due, String severity) {
        this(kind, due, severity, kind.label());
    }

    public enum Kind {
        PLANNED_END("Fin de contrat prévue proche"),
        CONTRACT_LENGTH("Durée maximale du contrat bientôt atteinte"),
        FOLLOW_UP_WINDOW("Fenêtre de suivi après sortie bientôt close"),
        PHC_HOURS_REVIEW("Heures PHC à revoir"),
        NEED_WITHOUT_REFERRAL("Frein sans orientation vers un partenaire"),
        FOLLOW_UP_CONTACT_DUE("Contact de suivi à faire");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
