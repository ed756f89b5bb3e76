package fr.convergence.workspace;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The external evaluator's page (issue 19 item 5): the evaluator lands on it, it says what the extract holds and
 * that each download is logged, and its links go straight to reporting-service through the gateway (never boosted,
 * so the browser downloads the file with the person's own session). And the header of a project lead who follows
 * several territories (issue 19 item 6) names them all, never "National".
 */
class EvaluationPageTest extends ServicesReplacedPageTest {

    static RequestPostProcessor evaluator() {
        return jwt().jwt(j -> j.subject("evaluator").claim("role", "evaluator").claim("national", true)
                .claim("name", "Évaluation externe"));
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int status)
            throws Exception {
        return mvc.perform(request).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is(status))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theEvaluatorLandsOnTheExtractPage() throws Exception {
        mvc.perform(get("/").with(evaluator())).andExpect(redirectedUrl("/espace/evaluation"));
    }

    @Test
    void thePageOffersTheExtractAndItsDictionaryFromReportingService() throws Exception {
        String page = page(get("/espace/evaluation").with(evaluator()), 200);
        assertThat(page).contains("<h1>Extraction pour l'évaluation</h1>", "Évaluation externe",
                "href=\"/api/reporting/exports/evaluation.csv\"", "href=\"/api/reporting/exports/evaluation.xlsx\"",
                "href=\"/api/reporting/exports/evaluation-dictionary.csv\"", "hx-boost=\"false\"",
                "Aucun nom, aucune date de naissance exacte, aucun texte libre", "Chaque téléchargement",
                "est enregistré");
    }

    @Test
    void aProjectLeadsHeaderNamesEachOfTheirTerritories() throws Exception {
        String page = page(get("/espace/accueil").with(jwt().jwt(j -> j.subject("projet-nord").claim("role", "national-analyst")
                .claim("territories", java.util.List.of("rouen", "lille", "paris")).claim("name", "Projet Nord"))), 200);
        assertThat(page).contains("Projet Nord", "Lille, Paris, Rouen").doesNotContain(">National<");
        // the national team's home leads to the dashboard, the frozen reports and the extract
        assertThat(page).contains("href=\"/api/reporting/dashboard\"", "href=\"/api/reporting/dashboard/rapports\"",
                "href=\"/espace/evaluation\"");
    }
}
