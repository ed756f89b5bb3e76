package fr.convergence.reporting;

import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.Http;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BadParameterTest extends ReportingIntegrationTest {

    private void assertRejected(String path, String field) {
        Http.Response response = analyst.get(path);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.field()).isEqualTo(field);
    }

    @Test
    void aMonthThatIsNotYearDashMonthIsRejectedNamingFrom() {
        assertRejected("/api/reporting/national?from=2026-13", "from");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRejectedNamingTo() {
        assertRejected("/api/reporting/national?from=2026-05&to=2026-01", "to");
    }

    @Test
    void anUnknownProgrammeIsRejectedNamingProgramme() {
        assertRejected("/api/reporting/national?programme=XYZ", "programme");
    }

    @Test
    void aMalformedTerritoryCodeIsRejectedNamingCode() {
        assertRejected("/api/reporting/territories/PARIS!", "code");
    }

    @Test
    void anExportWithABadMonthIsRejectedNamingTo() {
        assertRejected("/api/reporting/exports/indicators.xlsx?to=march", "to");
    }

    /** Refused by Tomcat (encoded slash or NUL, over-long line) or Spring Security's firewall (encoded ';'). */
    @Test
    void aUrlRefusedBeforeAnyControllerStillAnswersProblemJson() {
        for (String path : List.of("/api/reporting/territories/a%2Fb", "/api/reporting/territories/%00",
                "/api/reporting/territories/a%3Bb", "/api/reporting/territories/" + "a".repeat(10_000))) {
            Http.Response response = analyst.get(path);
            assertThat(response.status()).as(path.substring(0, Math.min(60, path.length()))).isEqualTo(400);
            assertThat(response.isProblem()).as(response.raw()).isTrue();
            assertThat(response.rule()).isEqualTo("malformed");
        }
    }

    @Test
    void theOpenApiDocumentDoesNotPublishTheCallerAsAParameter() {
        assertThat(anonymous.get("/v3/api-docs").raw()).doesNotContain("\"name\":\"caller\"");
    }
}
