package fr.convergence.participant.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * The only form in which a birth date leaves this service. Bands follow the IAE reporting cuts (under 26 is the
 * "young people" public of employment policy) and are wide enough that band + territory + ACI does not single
 * a person out the way an exact date would.
 */
public enum AgeBand {
    UNDER_26("<26"), FROM_26_TO_34("26-34"), FROM_35_TO_44("35-44"), FROM_45_TO_54("45-54"), FROM_55("55+");

    private final String label;

    AgeBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AgeBand of(LocalDate birthDate, LocalDate today) {
        int age = Period.between(birthDate, today).getYears();
        if (age < 26) {
            return UNDER_26;
        }
        if (age < 35) {
            return FROM_26_TO_34;
        }
        if (age < 45) {
            return FROM_35_TO_44;
        }
        if (age < 55) {
            return FROM_45_TO_54;
        }
        return FROM_55;
    }
}
