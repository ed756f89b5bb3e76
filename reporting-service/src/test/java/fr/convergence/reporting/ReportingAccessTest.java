package fr.convergence.reporting;

import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scope rules the access matrix's two columns cannot express: another ACI of the CIP's own territory, national
 * exports, territorial auditors, tokens that lack their territory, and what {@code /scope} tells each role.
 */
class ReportingAccessTest extends ReportingIntegrationTest {

    private static void assertRefused(Http.Response response, String rule) {
        assertThat(response.status()).as(response.raw()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.rule()).isEqualTo(rule);
    }

    private static List<String> views(JsonNode scope) {
        return StreamSupport.stream(scope.path("views").spliterator(), false).map(JsonNode::asString).toList();
    }

    @Test
    void aCipReadsTheirOwnAciOnlyNotAnotherAciOfTheSameTerritory() {
        String t = territory("aci");
        publish(PathwayStream.hired(t, "aci-1", "CVG", "2037-01-10", 20),
                PathwayStream.hired(t, "aci-2", "CVG", "2037-01-11", 20));
        awaitView("/api/reporting/territories/" + t, v -> v.path("totals").path("entered").asLong() == 2);
        Http cip = as("cip", t, "aci-1");

        Http.Response own = cip.get("/api/reporting/territories/" + t + "/acis/aci-1");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().path("totals").path("entered").asLong()).isEqualTo(1);
        assertRefused(cip.get("/api/reporting/territories/" + t + "/acis/aci-2"), "aci-not-yours");
        assertRefused(cip.get("/api/reporting/territories/lyon/acis/aci-1"), "territory-not-yours");
        assertRefused(cip.get("/api/reporting/territories/" + t), "role-not-allowed");
        // the coordinator of that territory reads both ACIs
        Http coordinator = as("coordinator", t, null);
        assertThat(coordinator.get("/api/reporting/territories/" + t + "/acis/aci-2").body()
                .path("totals").path("entered").asLong()).isEqualTo(1);
    }

    @Test
    void aCoordinatorExportsTheirOwnTerritoryButNotTheNationalFigures() {
        Http coordinator = as("coordinator", "paris", null);

        assertThat(coordinator.get("/api/reporting/exports/indicators.csv?territory=paris").status()).isEqualTo(200);
        assertThat(coordinator.get("/api/reporting/exports/indicators.csv?territory=paris&aciId=aci-paris-1")
                .status()).isEqualTo(200);
        assertRefused(coordinator.get("/api/reporting/exports/indicators.csv"), "national-scope-required");
        assertRefused(coordinator.get("/api/reporting/exports/indicators.xlsx"), "national-scope-required");
        assertRefused(coordinator.get("/api/reporting/exports/indicators.xlsx?territory=lyon"), "territory-not-yours");
        assertThat(analyst.get("/api/reporting/exports/indicators.csv").status()).isEqualTo(200);
        assertRefused(as("partnership-officer", "paris", null)
                .get("/api/reporting/exports/indicators.csv?territory=paris"), "role-not-allowed");
    }

    @Test
    void anAuditorOfOneTerritoryReadsThatTerritoryOnly() {
        Http auditor = as("auditor", "paris", null);

        assertThat(auditor.get("/api/reporting/territories/paris").status()).isEqualTo(200);
        assertThat(auditor.get("/api/reporting/territories/paris/acis/aci-paris-1").status()).isEqualTo(200);
        assertRefused(auditor.get("/api/reporting/territories/lyon"), "territory-not-yours");
        assertRefused(auditor.get("/api/reporting/national"), "national-scope-required");
        assertRefused(auditor.get("/api/reporting/territories"), "national-scope-required");
    }

    @Test
    void aTerritorialRoleWhoseTokenLacksItsTerritorySeesNothingRatherThanEverything() {
        assertRefused(as("coordinator", null, null).get("/api/reporting/territories/paris"), "territory-not-yours");
        assertRefused(as("partnership-officer", null, null).get("/api/reporting/national"), "role-not-allowed");
        assertRefused(as("cip", "paris", null).get("/api/reporting/territories/paris/acis/aci-paris-1"),
                "aci-not-yours");
        assertThat(views(get(as("coordinator", null, null), "/api/reporting/scope"))).containsExactly("indicators");
    }

    @Test
    void anAuditorOrAnalystTokenThatLostItsTerritoryIsNotNational() {
        for (String role : new String[] {"auditor", "national-analyst"}) {
            Http lost = anonymous.as(TestIssuer.get().withoutTerritory(role + "-paris", role));
            Http.Response national = lost.get("/api/reporting/national");
            assertThat(national.status()).as(role + " " + national.raw()).isEqualTo(403);
            assertThat(lost.get("/api/reporting/territories/paris").status()).as(role).isEqualTo(403);
        }
        // the same roles with the national claim the identity provider gives national staff
        assertThat(as("auditor", null, null).get("/api/reporting/national").status()).isEqualTo(200);
    }

    @Test
    void theScopeTellsEachRoleWhatItMayView() {
        JsonNode coordinator = get(as("coordinator", "paris", null), "/api/reporting/scope");
        assertThat(coordinator.path("role").asString()).isEqualTo("coordinator");
        assertThat(coordinator.path("national").asBoolean()).isFalse();
        assertThat(coordinator.path("territory").asString()).isEqualTo("paris");
        assertThat(coordinator.path("aci").isNull()).isTrue();
        assertThat(views(coordinator)).containsExactly("indicators", "territory", "aci", "exports");

        JsonNode officer = get(as("partnership-officer", "paris", null), "/api/reporting/scope");
        assertThat(views(officer)).containsExactly("indicators", "territory");

        JsonNode cip = get(as("cip", "paris", "aci-paris-1"), "/api/reporting/scope");
        assertThat(cip.path("territory").asString()).isEqualTo("paris");
        assertThat(cip.path("aci").asString()).isEqualTo("aci-paris-1");
        assertThat(views(cip)).containsExactly("indicators", "aci");

        JsonNode national = get(analyst, "/api/reporting/scope");
        assertThat(national.path("national").asBoolean()).isTrue();
        assertThat(national.path("territory").isNull()).isTrue();
        assertThat(views(national)).containsExactly("indicators", "national", "territories", "territory", "aci",
                "exports");
        assertThat(views(get(as("auditor", null, null), "/api/reporting/scope"))).isEqualTo(views(national));

        assertThat(views(get(admin, "/api/reporting/scope"))).containsExactly("indicators", "operations");
    }

    /**
     * Issue 19 item 6: a project lead of the national team following several territories (a portfolio token) reads
     * each of them and no other, gets no national view, and — being the national team — sees an ACI's small counts
     * hidden, as the national analyst does.
     */
    @Test
    void aProjectLeadFollowingSeveralTerritoriesReadsEachWithSmallCountsHiddenAndNoOther() {
        String north = territory("nord");
        String coast = territory("cote");
        publish(PathwayStream.hired(north, "aci-1", "CVG", "2037-02-10", 20),
                PathwayStream.hired(north, "aci-2", "CVG", "2037-02-11", 20),
                PathwayStream.hired(coast, "aci-1", "CVG", "2037-02-12", 20));
        awaitView("/api/reporting/territories/" + north, v -> v.path("totals").path("entered").asLong() == 2);
        awaitView("/api/reporting/territories/" + coast, v -> v.path("totals").path("entered").asLong() == 1);
        Http lead = anonymous.as(TestIssuer.get().portfolio("projet-nord", "national-analyst", north, coast));

        Http.Response own = lead.get("/api/reporting/territories/" + north);
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.body().path("totals").path("entered").asLong()).isEqualTo(2);
        own.body().path("breakdown").forEach(row ->
                assertThat(row.path("entered").isNull()).as("one person in an ACI: hidden from the national team").isTrue());
        assertThat(lead.get("/api/reporting/territories/" + coast + "/acis/aci-1").status()).isEqualTo(200);
        assertRefused(lead.get("/api/reporting/territories/lyon"), "territory-not-yours");
        assertRefused(lead.get("/api/reporting/national"), "national-scope-required");
        // the territory's own coordinator reads the same rows as they are
        as("coordinator", north, null).get("/api/reporting/territories/" + north).body().path("breakdown")
                .forEach(row -> assertThat(row.path("entered").asLong()).isEqualTo(1));

        JsonNode scope = get(lead, "/api/reporting/scope");
        assertThat(scope.path("national").asBoolean()).isFalse();
        assertThat(StreamSupport.stream(scope.path("territories").spliterator(), false).map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder(north, coast);
        assertThat(views(scope)).containsExactly("indicators", "territory", "aci", "exports");
    }
}
