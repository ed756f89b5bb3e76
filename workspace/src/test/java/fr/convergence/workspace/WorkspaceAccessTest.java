package fr.convergence.workspace;

import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.PathwaysApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The workspace's own access table: which role reaches which page. The services decide on the data (their access
 * matrices); this checks that the workspace adds no door — ACI pages for ACI staff only, every page behind a token,
 * every form post behind its CSRF token. Services are mocked to answer empty.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorkspaceAccessTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ParticipantsApi participants;
    @MockitoBean
    PathwaysApi pathways;
    @MockitoBean
    fr.convergence.workspace.services.PartnershipsApi partnerships;
    @MockitoBean
    fr.convergence.workspace.services.AuditApi audit;
    @MockitoBean
    fr.convergence.workspace.services.ReportingApi reporting;
    @MockitoBean
    fr.convergence.workspace.services.DeadLetterSources deadLetters;

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    static RequestPostProcessor as(String role) {
        return switch (role) {
            case "anonymous" -> request -> request;
            case "cip", "encadrant" -> jwt().jwt(j -> j.subject(role + "-paris-1").claim("role", role)
                    .claim("territory", "paris").claim("aci", "aci-paris-1"));
            case "national-analyst", "admin", "evaluator" -> jwt().jwt(j -> j.subject(role).claim("role", role));
            default -> jwt().jwt(j -> j.subject(role + "-paris").claim("role", role).claim("territory", "paris"));
        };
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
            "GET, /, anonymous, 401",
            "GET, /espace/salaries, anonymous, 401",
            "GET, /espace/static/dsfr/dsfr.min.css, anonymous, 200",
            "GET, /actuator/health, anonymous, 200",
            "GET, /espace/salaries, cip, 200",
            "GET, /espace/salaries, encadrant, 403",
            "GET, /espace/salaries, coordinator, 403",
            "GET, /espace/salaries, partnership-officer, 403",
            "GET, /espace/salaries, auditor, 403",
            "GET, /espace/salaries, national-analyst, 403",
            "GET, /espace/salaries, admin, 403",
            "GET, /espace/salaries/nouveau, cip, 200",
            "GET, /espace/salaries/nouveau, encadrant, 403",
            "GET, /espace/salaries/nouveau, coordinator, 403",
            "GET, /espace/salaries/PSN-1, encadrant, 403",
            "GET, /espace/salaries/PSN-1, coordinator, 403",
            "GET, /espace/salaries/PSN-1/coordonnees, coordinator, 403",
            "GET, /espace/salaries/PSN-1/parcours/PW-1/sortie, encadrant, 403",
            "GET, /espace/salaries/PSN-1/parcours/PW-1/sortie, auditor, 403",
            // issue 18: cancelling an exit is the coordinator's alone, a date correction the CIP's and hers
            "GET, /espace/salaries/PSN-1/parcours/PW-1/annuler-sortie, cip, 403",
            "GET, /espace/personnes/PSN-1/parcours/PW-1/annuler-sortie, cip, 403",
            "GET, /espace/personnes/PSN-1/parcours/PW-1/corriger-date, encadrant, 403",
            "GET, /espace/personnes/PSN-1/parcours/PW-1/annuler-sortie, partnership-officer, 403",
            "GET, /espace/personnes/PSN-1/parcours/PW-1/annuler-sortie, auditor, 403",
            "GET, /espace/personnes/PSN-1/parcours/PW-1/annuler-sortie, admin, 403",
            "GET, /espace/personnes/PSN-1/parcours/PW-1/heures-hebdomadaires, coordinator, 403",
            "POST, /espace/personnes/PSN-1/parcours/PW-1/annuler-sortie, coordinator, 403",
            "POST, /espace/personnes/PSN-1/parcours/PW-1/annuler-sortie, anonymous, 401",
            "GET, /espace/heures, encadrant, 200",
            "GET, /espace/heures, cip, 200",
            "GET, /espace/heures, coordinator, 403",
            "GET, /espace/heures, national-analyst, 403",
            "GET, /espace/accueil, coordinator, 200",
            "GET, /espace/accueil, admin, 200",
            "POST, /espace/salaries/nouveau, cip, 403",
            "POST, /espace/salaries/PSN-1/parcours/PW-1/sortie, cip, 403",
            "POST, /espace/salaries/PSN-1/coordonnees, cip, 403",
            "POST, /espace/heures, encadrant, 403",
            "POST, /espace/salaries/nouveau, anonymous, 401",
            // issue 17: the partnership officer's pages (the coordinator reads them too; ACI staff, auditors,
            // analysts and the administrator do not)
            "GET, /espace/besoins, partnership-officer, 200",
            "GET, /espace/besoins, coordinator, 200",
            "GET, /espace/besoins, cip, 403",
            "GET, /espace/besoins, auditor, 403",
            "GET, /espace/besoins, national-analyst, 403",
            "GET, /espace/besoins, admin, 403",
            "GET, /espace/besoins, anonymous, 401",
            "GET, /espace/partenaires, partnership-officer, 200",
            "GET, /espace/partenaires, coordinator, 200",
            "GET, /espace/partenaires, encadrant, 403",
            "GET, /espace/partenaires, admin, 403",
            "GET, /espace/orientations/PSN-1, partnership-officer, 200",
            "GET, /espace/orientations/PSN-1, coordinator, 200",
            "GET, /espace/orientations/PSN-1, cip, 403",
            "GET, /espace/orientations/PSN-1, auditor, 403",
            "GET, /espace/orientations/PSN-1, admin, 403",
            "GET, /espace/orientations/nouvelle?personne=PSN-1&domaine=HOUSING, partnership-officer, 200",
            "GET, /espace/orientations/nouvelle?personne=PSN-1&domaine=HOUSING, coordinator, 403",
            "GET, /espace/orientations/nouvelle?personne=PSN-1&domaine=HOUSING, cip, 403",
            "GET, /espace/orientations/PSN-1/R-1/annuler, coordinator, 403",
            "POST, /espace/orientations/nouvelle?personne=PSN-1&domaine=HOUSING, partnership-officer, 403",
            "POST, /espace/orientations/PSN-1/R-1/accepter, partnership-officer, 403",
            "POST, /espace/orientations/PSN-1/R-1/accepter, coordinator, 403",
            // the auditor's pages: auditors only (the services then keep a territory's auditor to its people)
            "GET, /espace/audit, auditor, 200",
            "GET, /espace/audit, coordinator, 403",
            "GET, /espace/audit, partnership-officer, 403",
            "GET, /espace/audit, cip, 403",
            "GET, /espace/audit, admin, 403",
            "GET, /espace/audit, national-analyst, 403",
            "GET, /espace/audit/PSN-1, auditor, 200",
            "GET, /espace/audit/PSN-1, coordinator, 403",
            "GET, /espace/audit/PSN-1, admin, 403",
            "GET, /espace/audit/PSN-1, cip, 403",
            "POST, /espace/audit, auditor, 403",
            "POST, /espace/audit, anonymous, 401",
            // the coordinator's pages
            "GET, /espace/territoire, coordinator, 200",
            "GET, /espace/territoire, partnership-officer, 403",
            "GET, /espace/territoire, cip, 403",
            "GET, /espace/territoire, auditor, 403",
            "GET, /espace/territoire, admin, 403",
            "GET, /espace/reseau, coordinator, 200",
            "GET, /espace/reseau, partnership-officer, 403",
            "GET, /espace/reseau, admin, 403",
            "GET, /espace/personnes/PSN-1, coordinator, 200",
            "GET, /espace/personnes/PSN-1, cip, 403",
            "GET, /espace/personnes/PSN-1, partnership-officer, 403",
            "GET, /espace/personnes/PSN-1, auditor, 403",
            "GET, /espace/personnes/PSN-1, admin, 403",
            "GET, /espace/personnes/PSN-1/effacement, coordinator, 200",
            "GET, /espace/personnes/PSN-1/effacement, cip, 403",
            "GET, /espace/personnes/PSN-1/effacement, admin, 403",
            "GET, /espace/personnes/PSN-1/changement-aci, coordinator, 200",
            "GET, /espace/personnes/PSN-1/changement-aci, partnership-officer, 403",
            "POST, /espace/personnes/PSN-1/effacement, coordinator, 403",
            "POST, /espace/personnes/PSN-1/changement-aci, coordinator, 403",
            "POST, /espace/personnes/PSN-1/groupe/nouveau, coordinator, 403",
            "POST, /espace/territoire, coordinator, 403",
            "GET, /espace/reseau/nouveau-partenaire, coordinator, 200",
            "GET, /espace/reseau/nouveau-partenaire, partnership-officer, 403",
            "GET, /espace/reseau/nouveau-partenaire, admin, 403",
            "POST, /espace/reseau/nouveau-partenaire, coordinator, 403",
            "POST, /espace/reseau/P-1/convention, coordinator, 403",
            "GET, /espace/reseau/P-1/convention, partnership-officer, 403",
            // the administrator's pages: the administrator only, and nothing there reads personal data
            "GET, /espace/administration, admin, 200",
            "GET, /espace/administration, coordinator, 403",
            "GET, /espace/administration, national-analyst, 403",
            "GET, /espace/administration/referentiel, admin, 200",
            "GET, /espace/administration/referentiel, coordinator, 403",
            "GET, /espace/administration/referentiel, cip, 403",
            "GET, /espace/administration/lettres-mortes, admin, 200",
            "GET, /espace/administration/lettres-mortes, coordinator, 403",
            "GET, /espace/administration/lettres-mortes, auditor, 403",
            "GET, /espace/administration/reconstructions, admin, 200",
            "GET, /espace/administration/reconstructions, national-analyst, 403",
            "GET, /espace/administration/reconstructions/progression, admin, 200",
            "GET, /espace/administration/reconstructions/progression, coordinator, 403",
            "POST, /espace/administration/reconstructions, admin, 403",
            "POST, /espace/administration/lettres-mortes/rejeu, admin, 403",
            "POST, /espace/administration/referentiel/paris/aci/nouvelle, admin, 403",
            "GET, /espace/administration/referentiel/nouveau-territoire, admin, 200",
            "GET, /espace/administration/referentiel/nouveau-territoire, coordinator, 403",
            "POST, /espace/administration/referentiel/nouveau-territoire, admin, 403",
            // and the administrator reaches no page of people
            "GET, /espace/salaries, admin, 403",
            "GET, /espace/personnes/PSN-1, admin, 403",
            "GET, /espace/audit/PSN-1, admin, 403",
            "GET, /espace/orientations/PSN-1, admin, 403",
            // issue 19: the external evaluator's page (the national team reads it too); no other page for them
            "GET, /espace/evaluation, evaluator, 200",
            "GET, /espace/evaluation, national-analyst, 200",
            "GET, /espace/evaluation, cip, 403",
            "GET, /espace/evaluation, coordinator, 403",
            "GET, /espace/evaluation, auditor, 403",
            "GET, /espace/evaluation, admin, 403",
            "GET, /, evaluator, 302",
            "GET, /espace/salaries, evaluator, 403",
            "GET, /espace/personnes/PSN-1, evaluator, 403",
            "GET, /espace/audit/PSN-1, evaluator, 403",
            "GET, /espace/besoins, evaluator, 403",
            "GET, /espace/administration, evaluator, 403",
    })
    void eachRoleReachesOnlyItsPages(String method, String path, String role, int expected) throws Exception {
        when(participants.ofAci(any(), any())).thenReturn(List.of());
        when(participants.ofAci(any(), any(), any())).thenReturn(List.of());
        when(pathways.ofAci(any(), any())).thenReturn(List.of());
        when(pathways.readAll(any(), any())).thenReturn(List.of());
        when(partnerships.needsSummary(any())).thenReturn(JSON.createObjectNode());
        when(partnerships.needs(any(), any())).thenReturn(JSON.createObjectNode());
        when(partnerships.referrals(any(), any())).thenReturn(JSON.createArrayNode());
        when(participants.territory(any(), any())).thenReturn(JSON.createObjectNode());
        when(participants.read(any(), any(), any())).thenReturn(JSON.createObjectNode());
        when(participants.accessLog(any(), any())).thenReturn(JSON.createObjectNode());
        when(audit.history(any(), any())).thenReturn(JSON.createObjectNode());
        when(audit.verification(any(), any())).thenReturn(JSON.createObjectNode());
        when(audit.reads(any(), any())).thenReturn(JSON.createArrayNode());
        when(partnerships.followUpGroup(any(), any())).thenReturn(JSON.createObjectNode());
        when(partnerships.officers(any())).thenReturn(JSON.createArrayNode());
        when(participants.territories(any())).thenReturn(JSON.createArrayNode());
        when(reporting.currentRebuild(any())).thenReturn(JSON.createObjectNode());
        // posts carry no CSRF token here: refused (403) before any service is called
        MockHttpServletRequestBuilder request = "POST".equals(method) ? post(path).param("date", "01/01/2026") : get(path);
        mvc.perform(request.with(as(role))).andExpect(status().is(expected));
    }
}
