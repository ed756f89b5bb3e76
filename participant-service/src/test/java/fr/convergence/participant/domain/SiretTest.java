package fr.convergence.participant.domain;

import fr.convergence.kit.problem.RuleViolation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiretTest {

    @Test
    void acceptsAValidLuhnSiret() {
        assertThat(Siret.isValid("73282932000074")).isTrue();
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertThat(Siret.isValid("73282932000075")).isFalse();
    }

    @Test
    void refusesAnythingButFourteenDigits() {
        assertThat(Siret.isValid("7328293200007")).isFalse();
        assertThat(Siret.isValid("7328293200007A")).isFalse();
        assertThat(Siret.isValid(null)).isFalse();
    }

    @Test
    void acceptsLaPosteEstablishmentsByTheirDigitSumRuleNotLuhn() {
        assertThat(Siret.isValid("35600000000001")).isTrue();  // digit sum 15, fails Luhn
        assertThat(Siret.isValid("35600000000014")).isFalse(); // passes Luhn, digit sum 19
    }

    @Test
    void constructingAnInvalidSiretIsARuleViolationNamingTheField() {
        assertThatThrownBy(() -> new Siret("12345678901234"))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("siret"));
    }
}
