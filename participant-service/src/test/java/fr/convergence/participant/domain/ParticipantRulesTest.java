package fr.convergence.participant.domain;

import fr.convergence.kit.problem.StateConflict;

import fr.convergence.kit.problem.RuleViolation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParticipantRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    void refusesSomeoneUnderSixteen() {
        assertThatThrownBy(() -> ParticipantRules.checkBirthDate(LocalDate.of(2010, 6, 16), TODAY))
                .isInstanceOf(RuleViolation.class).hasFieldOrPropertyWithValue("rule", "minimum-age");
    }

    @Test
    void acceptsSomeoneSixteenToday() {
        assertThatCode(() -> ParticipantRules.checkBirthDate(LocalDate.of(2010, 6, 15), TODAY)).doesNotThrowAnyException();
    }

    @Test
    void refusesMovingIntoTheSameAci() {
        assertThatThrownBy(() -> ParticipantRules.checkMove(ParticipantStatus.ACTIVE, "paris", "aci-paris-1", "aci-paris-1"))
                .isInstanceOf(StateConflict.class).hasFieldOrPropertyWithValue("rule", "same-aci");
    }

    @Test
    void refusesMovingAnErasedParticipant() {
        assertThatThrownBy(() -> ParticipantRules.checkMove(ParticipantStatus.ERASED, "paris", "aci-paris-1", "aci-paris-2"))
                .isInstanceOf(StateConflict.class).hasFieldOrPropertyWithValue("rule", "erased");
    }

    @Test
    void refusesMovingToAnotherTerritory() {
        assertThatThrownBy(() -> ParticipantRules.checkMove(ParticipantStatus.ACTIVE, "paris", "aci-paris-1", "aci-lyon-1"))
                .isInstanceOf(RuleViolation.class).hasFieldOrPropertyWithValue("rule", "move-within-territory");
    }
}
