package fr.convergence.partnership.domain;

import fr.convergence.kit.problem.StateConflict;

import fr.convergence.kit.problem.RuleViolation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    static Partner housing() {
        return Partner.register("p1", "lyon", "Habitat", Set.of(PartnerDomain.HOUSING, PartnerDomain.HEALTH), List.of());
    }

    private static String ruleOf(Runnable action) {
        try {
            action.run();
        } catch (RuleViolation v) {
            return v.rule() + "@" + v.field();
        }
        return "none";
    }

    @Test
    void refusesADomainThePartnerDoesNotCover() {
        Partner p = housing().signAgreement("a", TODAY.minusYears(1), null, Set.of(PartnerDomain.HOUSING));
        assertThat(ruleOf(() -> p.checkCanReceive(PartnerDomain.DEBT, TODAY))).isEqualTo("partner-does-not-cover-domain@domain");
    }

    @Test
    void refusesWhenTheAgreementExpired() {
        Partner p = housing().signAgreement("a", TODAY.minusYears(2), TODAY.minusDays(1), Set.of(PartnerDomain.HOUSING));
        assertThat(ruleOf(() -> p.checkCanReceive(PartnerDomain.HOUSING, TODAY))).isEqualTo("agreement-expired@partnerId");
    }

    @Test
    void refusesWhenNoAgreementCoversTheDomain() {
        Partner p = housing().signAgreement("a", TODAY.minusYears(1), null, Set.of(PartnerDomain.HOUSING));
        assertThat(ruleOf(() -> p.checkCanReceive(PartnerDomain.HEALTH, TODAY))).isEqualTo("no-agreement-in-force@partnerId");
    }

    @Test
    void acceptsWithinAnAgreementInForce() {
        Partner p = housing().signAgreement("a", TODAY.minusYears(1), TODAY, Set.of(PartnerDomain.HOUSING));
        assertThat(ruleOf(() -> p.checkCanReceive(PartnerDomain.HOUSING, TODAY))).isEqualTo("none");
    }

    @Test
    void anEndedAgreementStopsCoveringAfterItsEndDate() {
        Partner p = housing().signAgreement("a", TODAY.minusYears(1), TODAY.plusYears(1), Set.of(PartnerDomain.HOUSING))
                .endAgreement("a", TODAY.minusDays(3), TODAY);
        assertThat(ruleOf(() -> p.checkCanReceive(PartnerDomain.HOUSING, TODAY.minusDays(3)))).isEqualTo("none");
        assertThat(ruleOf(() -> p.checkCanReceive(PartnerDomain.HOUSING, TODAY))).isEqualTo("agreement-expired@partnerId");
    }

    @Test
    void anAgreementScopeMustBeWithinThePartnersDomains() {
        assertThat(ruleOf(() -> housing().signAgreement("a", TODAY, null, Set.of(PartnerDomain.JUSTICE))))
                .isEqualTo("scope-outside-partner-domains@scope");
    }

    @Test
    void anAgreementCannotEndBeforeItStarts() {
        assertThat(ruleOf(() -> housing().signAgreement("a", TODAY, TODAY.minusDays(1), Set.of(PartnerDomain.HOUSING))))
                .isEqualTo("agreement-ends-before-start@endsOn");
    }

    @Test
    void endingAnAgreementTwiceIsAConflict() {
        Partner p = housing().signAgreement("a", TODAY.minusYears(1), null, Set.of(PartnerDomain.HOUSING))
                .endAgreement("a", TODAY, TODAY);
        assertThatThrownBy(() -> p.endAgreement("a", TODAY, TODAY)).isInstanceOf(StateConflict.class);
    }

    @Test
    void aDomainUnderAnAgreementInForceCannotBeDropped() {
        Partner p = housing().signAgreement("a", TODAY.minusYears(1), null, Set.of(PartnerDomain.HOUSING));
        assertThat(ruleOf(() -> p.change("Habitat", Set.of(PartnerDomain.HEALTH), List.of(), TODAY)))
                .isEqualTo("domain-under-agreement@domains");
    }

    @Test
    void theMappingTableMapsBarrierDomainsAndAcceptsPartnerDomains() {
        DomainMapping mapping = new DomainMapping(Map.of("LANGUAGE_LITERACY", "LANGUAGE", "DEBT_FINANCE", "DEBT"));
        assertThat(mapping.partnerDomainOf("LANGUAGE_LITERACY")).contains(PartnerDomain.LANGUAGE);
        assertThat(mapping.resolve("DEBT_FINANCE")).contains(PartnerDomain.DEBT);
        assertThat(mapping.resolve("EMPLOYMENT")).contains(PartnerDomain.EMPLOYMENT);
        assertThat(mapping.partnerDomainOf("TELEPORTATION")).isEmpty();
    }

    @Test
    void anOlderPathwayEventNeverOverridesANeed() {
        Need open = Need.assessed(null, "HOUSING", PartnerDomain.HOUSING, "HIGH", "PARTNER", TODAY, "pw", 5,
                java.time.Instant.parse("2026-06-15T10:00:00Z"), "cip-aci-lyon-1").orElseThrow();
        assertThat(open.isOlderThan("pw", 4, null)).isFalse();
        assertThat(open.isOlderThan("pw", 6, null)).isTrue();
    }

    @Test
    void anInternalReassessmentClosesAnOpenNeed() {
        Need open = Need.assessed(null, "HOUSING", PartnerDomain.HOUSING, "HIGH", "PARTNER", TODAY.minusDays(9), "pw", 0,
                null, "cip-aci-lyon-1").orElseThrow();
        Need after = Need.assessed(open, "HOUSING", PartnerDomain.HOUSING, "LOW", "INTERNAL", TODAY, "pw", 1, null, "cip-aci-lyon-1")
                .orElseThrow();
        assertThat(after.status()).isEqualTo(NeedStatus.CLOSED);
        assertThat(after.closeReason()).isEqualTo("HANDLED_INTERNALLY");
        Need reassessed = Need.assessed(open, "HOUSING", PartnerDomain.HOUSING, "LOW", "BOTH", TODAY, "pw", 1, null, "cip-aci-lyon-2")
                .orElseThrow();
        assertThat(reassessed.openedOn()).isEqualTo(TODAY.minusDays(9));
        assertThat(reassessed.intensity()).isEqualTo("LOW");
        assertThat(reassessed.assessedBy()).isEqualTo("cip-aci-lyon-2");
    }
}
