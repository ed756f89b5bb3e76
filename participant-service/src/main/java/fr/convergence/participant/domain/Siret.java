package fr.convergence.participant.domain;

import fr.convergence.kit.problem.RuleViolation;

/**
 * The SIRET of an ACI: 14 digits whose Luhn checksum holds. The only historical exception is La Poste's
 * establishments (SIREN 356000000), numbered past the Luhn range, whose digit sum is a multiple of 5 instead;
 * without it a real ACI hosted in a post office building would be refused.
 */
public record Siret(String value) {

    private static final String LA_POSTE_SIREN = "356000000";

    public Siret {
        if (!isValid(value)) {
            throw new RuleViolation("siret-checksum", "siret", "a SIRET is 14 digits with a valid Luhn checksum");
        }
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || !candidate.matches("\\d{14}")) {
            return false;
        }
        if (candidate.startsWith(LA_POSTE_SIREN)) {
            int sum = candidate.chars().map(c -> c - '0').sum();
            return sum % 5 == 0;
        }
        return luhn(candidate);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
