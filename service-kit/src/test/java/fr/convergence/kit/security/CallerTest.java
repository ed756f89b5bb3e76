package fr.convergence.kit.security;

import fr.convergence.kit.web.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static final Set<String> NORD = Set.of("rouen", "paris", "lille");

    @Test
    void aPortfolioSeesEachOfItsTerritoriesAndNoOther() {
        Caller lead = new Caller("projet-nord", Role.NATIONAL_ANALYST, NORD, null, false);
        assertThat(lead.territories()).containsExactly("lille", "paris", "rouen");
        assertThat(lead.portfolio()).isTrue();
        assertThat(lead.national()).isFalse();
        assertThat(lead.territory()).as("no single territory to default to").isNull();
        for (String t : NORD) {
            assertThat(lead.seesTerritory(t)).as(t).isTrue();
            assertThat(lead.seesAci(t, "aci-" + t + "-1")).as(t).isTrue();
        }
        assertThat(lead.seesTerritory("lyon")).isFalse();
        assertThat(lead.seesAci("lyon", "aci-lyon-1")).isFalse();
        assertThat(lead.seesTerritory(null)).isFalse();
    }

    @Test
    void aPortfolioIsNeverNationalEvenIfItsTokenSaysSo() {
        Caller analyst = new Caller("u", Role.NATIONAL_ANALYST, NORD, null, true);
        assertThat(analyst.national()).isFalse();
        assertThat(analyst.seesTerritory("lyon")).isFalse();
    }

    @Test
    void aWriteByAPortfolioMustNameItsTerritory() {
        Caller coordinator = new Caller("u", Role.COORDINATOR, NORD, null, false);
        assertThatThrownBy(() -> coordinator.territoryFor(null)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.field()).isEqualTo("territory");
            assertThat(e.rule()).isEqualTo(Caller.TERRITORY_REQUIRED);
        });
        assertThat(coordinator.territoryFor("rouen")).isEqualTo("rouen");
        // naming is not seeing: the service still checks the named one, as for anyone
        assertThat(coordinator.territoryFor("lyon")).isEqualTo("lyon");
        assertThat(coordinator.seesTerritory("lyon")).isFalse();
        assertThat(new Caller("u", Role.COORDINATOR, "paris", null).territoryFor(null)).isEqualTo("paris");
        assertThat(new Caller("u", Role.NATIONAL_ANALYST, null, null).territoryFor(null)).isNull();
    }

    @Test
    void anEmptySetIsNoTerritoryAtAll() {
        Caller none = new Caller("u", Role.COORDINATOR, Set.of(), null, false);
        assertThat(none.territory()).isNull();
        assertThat(none.portfolio()).isFalse();
        assertThat(none.seesTerritory("paris")).isFalse();
        assertThat(new Caller("u", Role.COORDINATOR, null, null, false).territories()).isEmpty();
    }

    @Test
    void aciStaffWithSeveralTerritoriesSeeNothing() {
        // an ACI lies in one territory: a portfolio token for ACI staff is misconfigured and fails closed
        Caller cip = new Caller("u", Role.CIP, Set.of("paris", "lyon"), "aci-paris-1", false);
        assertThat(cip.seesAci("paris", "aci-paris-1")).isFalse();
        assertThat(cip.seesAci("lyon", "aci-paris-1")).isFalse();
    }
}
