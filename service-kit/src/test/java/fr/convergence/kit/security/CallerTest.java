package fr.convergence.kit.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees which territory and ACI: the object-level rule every service applies. */
class CallerTest {

    @Test
    void aciStaffSeeTheirOwnAciOnly() {
        Caller cip = new Caller("u", Role.CIP, "paris", "aci-paris-1");
        assertThat(cip.seesAci("paris", "aci-paris-1")).isTrue();
        assertThat(cip.seesAci("paris", "aci-paris-2")).isFalse();
        assertThat(cip.seesAci("lyon", "aci-paris-1")).isFalse();
        assertThat(cip.national()).isFalse();
    }

    @Test
    void aCoordinatorSeesEveryAciOfTheirTerritoryOnly() {
        Caller coordinator = new Caller("u", Role.COORDINATOR, "paris", null);
        assertThat(coordinator.seesAci("paris", "aci-paris-7")).isTrue();
        assertThat(coordinator.seesTerritory("lyon")).isFalse();
    }

    @Test
    void nationalRolesWithoutTerritorySeeEverything() {
        assertThat(new Caller("u", Role.NATIONAL_ANALYST, null, null).seesAci("lyon", "aci-lyon-1")).isTrue();
        assertThat(new Caller("u", Role.AUDITOR, null, null).national()).isTrue();
    }

    @Test
    void theEvaluatorIsNationalOnlyWhenItsTokenSaysSo() {
        Caller evaluator = new Caller("evaluator", Role.EVALUATOR, null, null, true);
        assertThat(evaluator.national()).isTrue();
        assertThat(evaluator.aciStaff()).isFalse();
        assertThat(new Caller("evaluator", Role.EVALUATOR, null, null, false).national()).isFalse();
        assertThat(Role.fromClaim("evaluator")).contains(Role.EVALUATOR);
        assertThat(Role.EVALUATOR.authority()).isEqualTo("ROLE_EVALUATOR");
    }

    @Test
    void aTerritorialAuditorSeesTheirTerritoryOnly() {
        Caller auditor = new Caller("u", Role.AUDITOR, "lyon", null);
        assertThat(auditor.national()).isFalse();
        assertThat(auditor.seesTerritory("lyon")).isTrue();
        assertThat(auditor.seesTerritory("paris")).isFalse();
    }

    @Test
    void aTerritorialRoleWhoseTokenLacksItsTerritorySeesNothing() {
        Caller broken = new Caller("u", Role.COORDINATOR, null, null);
        assertThat(broken.national()).isFalse();
        assertThat(broken.seesTerritory("paris")).isFalse();
        Caller cipWithoutAci = new Caller("u", Role.CIP, "paris", null);
        assertThat(cipWithoutAci.seesAci("paris", "aci-paris-1")).isFalse();
    }

    @Test
    void anAuditorOrAnalystWhoseTokenLostItsTerritoryIsNotNationalAndSeesNothing() {
        for (Role role : new Role[] {Role.AUDITOR, Role.NATIONAL_ANALYST, Role.ADMIN}) {
            Caller lost = new Caller("auditor-paris", role, null, null, false);
            assertThat(lost.national()).as(role.name()).isFalse();
            assertThat(lost.seesTerritory("paris")).as(role.name()).isFalse();
            assertThat(lost.seesAci("lyon", "aci-lyon-1")).as(role.name()).isFalse();
        }
    }
}
