package fr.convergence.participant.domain;

import fr.convergence.kit.problem.RuleViolation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TerritoryTest {

    static Aci aci(String id, boolean coordination) {
        return new Aci(id, "ACI " + id, new Siret("73282932000074"), Set.of(Programme.PHC), coordination);
    }

    @Test
    void refusesASecondAciCarryingTheLocalCoordination() {
        Territory t = new Territory("somme", "Somme", List.of(aci("aci-somme-1", true)), 1);
        assertThatThrownBy(() -> t.withNewAci(aci(t.nextAciId(), true)))
                .isInstanceOf(RuleViolation.class).hasFieldOrPropertyWithValue("rule", "one-local-coordination");
    }

    @Test
    void neverReusesAnAciNumber() {
        Territory t = new Territory("somme", "Somme", List.of(aci("aci-somme-1", false)), 3);
        assertThat(t.nextAciId()).isEqualTo("aci-somme-4");
    }

    @Test
    void refusesAnAciRunningNoProgramme() {
        assertThatThrownBy(() -> new Aci("aci-x-1", "x", new Siret("73282932000074"), Set.of(), false))
                .isInstanceOf(RuleViolation.class).hasFieldOrPropertyWithValue("field", "programmes");
    }

    @Test
    void takesPeopleInOnlyBetweenJoiningAndLeavingTheProgramme() {
        Aci aci = new Aci("aci-x-1", "x", new Siret("73282932000074"), Set.of(Programme.PHC), false,
                LocalDate.of(2024, 3, 1), LocalDate.of(2026, 9, 30), AciContact.NONE);
        assertThat(aci.inProgrammeOn(LocalDate.of(2024, 2, 29))).isFalse();
        assertThat(aci.inProgrammeOn(LocalDate.of(2024, 3, 1))).isTrue();
        assertThat(aci.inProgrammeOn(LocalDate.of(2026, 9, 29))).isTrue();
        assertThat(aci.inProgrammeOn(LocalDate.of(2026, 9, 30))).isFalse();
    }

    @Test
    void refusesLeavingTheProgrammeOnOrBeforeTheDayOfJoining() {
        assertThatThrownBy(() -> new Aci("aci-x-1", "x", new Siret("73282932000074"), Set.of(Programme.PHC), false,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), null))
                .isInstanceOf(RuleViolation.class).hasFieldOrPropertyWithValue("field", "leftOn");
    }
}
