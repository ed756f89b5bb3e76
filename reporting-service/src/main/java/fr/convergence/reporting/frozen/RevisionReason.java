package fr.convergence.reporting.frozen;

import fr.convergence.kit.web.ApiException;

import java.util.Arrays;
import java.util.Locale;

/** Why a version was issued: a short code for the record, a French label for the reader. */
public enum RevisionReason {
    INITIAL("Clôture initiale"),
    LATE_EVENTS("Événements saisis après la clôture"),
    CORRECTIONS("Corrections de saisie"),
    METHOD_CHANGE("Changement de méthode de calcul"),
    OTHER("Autre motif (voir la note)");

    private final String label;

    RevisionReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static RevisionReason parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("reason", "reason must be one of "
                        + Arrays.toString(values())));
    }
}
