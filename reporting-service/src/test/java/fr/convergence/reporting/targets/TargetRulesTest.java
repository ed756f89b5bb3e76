package fr.convergence.reporting.targets;

import fr.convergence.kit.web.ApiException;
import fr.convergence.reporting.indicators.Target;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every rule a target keeps, each refusal naming its field and rule (issue 19 item 2). */
class TargetRulesTest {

    private static final TargetRequest GOOD = new TargetRequest("CITY", "Ville de Paris", "Convention 2026", "paris",
            null, null, "2026-01", "2026-12", "entrees", 120.0);

    private static TargetRequest with(String field, Object value) {
        return new TargetRequest(
                field.equals("funderKind") ? (String) value : GOOD.funderKind(),
                field.equals("funderName") ? (String) value : GOOD.funderName(),
                field.equals("agreement") ? (String) value : GOOD.agreement(),
                field.equals("territory") ? (String) value : GOOD.territory(),
                field.equals("aciId") ? (String) value : GOOD.aciId(),
                field.equals("programme") ? (String) value : GOOD.programme(),
                field.equals("from") ? (String) value : GOOD.from(),
                field.equals("to") ? (String) value : GOOD.to(),
                field.equals("indicator") ? (String) value : GOOD.indicator(),
                field.equals("target") ? (Double) value : GOOD.target());
    }

    private static Target check(TargetRequest request) {
        return TargetRules.check("paris-2026", request, (territory, aci) -> territory.equals("paris")
                && (aci == null || aci.equals("aci-paris-1")));
    }

    private static void refused(TargetRequest request, String field, String rule) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> check(request));
        assertThat(e).as(field + " " + rule).isNotNull();
        assertThat(e.status().value()).isEqualTo(400);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.rule()).isEqualTo(rule);
    }

    @Test
    void aGoodTargetIsKeptAsSent() {
        Target t = check(GOOD);
        assertThat(t).isEqualTo(new Target("paris-2026", "CITY", "Ville de Paris", "Convention 2026", "paris", null,
                null, "2026-01", "2026-12", "entrees", 120.0));
        assertThat(t.level()).isEqualTo("TERRITORY");
        assertThat(check(with("aciId", "aci-paris-1")).level()).isEqualTo("ACI");
        assertThat(check(with("territory", null)).level()).isEqualTo("NATIONAL");
        TargetRequest share = new TargetRequest("ARS", "ARS Île-de-France", "CPOM", "paris", null, "CVG", "2026-01",
                "2026-12", "sorties_vers_emploi", 0.4);
        assertThat(check(share).target()).isEqualTo(0.4);
    }

    @Test
    void eachBrokenRuleIsRefusedNamingItsFieldAndRule() {
        refused(with("indicator", "nope"), "indicator", "unknown-indicator");
        refused(with("indicator", null), "indicator", "unknown-indicator");
        // a breakdown has no single value to compare with a target
        refused(with("indicator", "personnes_accompagnees_par_tranche_d_age"), "indicator", "unknown-indicator");
        refused(with("from", "2026-13"), "from", "bad-period");
        refused(with("to", "2026"), "to", "bad-period");
        refused(with("to", "2025-12"), "to", "bad-period");
        refused(with("to", "2040-01"), "to", "bad-period");
        refused(with("target", -1.0), "target", "negative-target");
        refused(with("target", null), "target", "missing-target");
        refused(with("target", Double.NaN), "target", "missing-target");
        refused(with("indicator", "taux_sorties_dynamiques"), "target", "share-above-one");
        refused(with("territory", "lyon"), "territory", "unknown-scope");
        refused(with("territory", "Paris!"), "territory", "unknown-scope");
        refused(with("aciId", "aci-lyon-1"), "aciId", "unknown-scope");
        refused(new TargetRequest("CITY", "V", "A", null, "aci-paris-1", null, "2026-01", "2026-12", "entrees", 1.0),
                "aciId", "unknown-scope");
        refused(with("funderKind", "BANK"), "funderKind", "unknown-funder");
        refused(with("funderName", " "), "funderName", "missing-funderName");
        refused(with("agreement", "x".repeat(121)), "agreement", "bad-text");
        refused(with("programme", "ABC"), "programme", "unknown-programme");
        ApiException badId = catchThrowableOfType(ApiException.class,
                () -> TargetRules.check("Bad Id", GOOD, (t, a) -> true));
        assertThat(badId.field()).isEqualTo("id");
    }
}
