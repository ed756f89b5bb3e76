package fr.convergence.participant.domain;

import fr.convergence.kit.problem.StateConflict;

import fr.convergence.kit.problem.RuleViolation;

import java.time.LocalDate;
import java.time.Period;

/** Rules on who can be registered and moved (as data-free checks, so they are testable without the service). */
public final class ParticipantRules {

    /** Integration contracts are labour contracts: the minimum working age in France. */
    public static final int MINIMUM_AGE = 16;
    /** Beyond this a birth date is a typing error, not a person. */
    public static final int MAXIMUM_AGE = 100;

    private ParticipantRules() {
    }

    public static void checkBirthDate(LocalDate birthDate, LocalDate today) {
        int age = Period.between(birthDate, today).getYears();
        if (birthDate.isAfter(today) || age < MINIMUM_AGE) {
            throw new RuleViolation("minimum-age", "birthDate",
                    "a participant must be at least " + MINIMUM_AGE + " years old");
        }
        if (age > MAXIMUM_AGE) {
            throw new RuleViolation("birth-date-plausible", "birthDate", "the birth date is implausibly old");
        }
    }

    /**
     * Moves stay within the territory: another territory means another local coordination, another
     * blind-index secret and (in production) another instance, so it is a transfer, not a move.
     */
    public static void checkMove(ParticipantStatus status, String territory, String fromAciId, String toAciId) {
        if (status == ParticipantStatus.ERASED) {
            throw new StateConflict("erased", "an erased participant cannot be moved");
        }
        if (fromAciId.equals(toAciId)) {
            throw new StateConflict("same-aci", "the participant is already in ACI " + toAciId);
        }
        if (!AciId.territoryOf(toAciId).map(territory::equals).orElse(false)) {
            throw new RuleViolation("move-within-territory", "aciId",
                    "ACI " + toAciId + " is not in the participant's territory " + territory);
        }
    }
}
