package fr.convergence.workspace;

import fr.convergence.workspace.security.FormTokens;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.PartnershipsApi;
import fr.convergence.workspace.services.PathwaysApi;
import fr.convergence.workspace.services.ServiceProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The coordinator's pages with the services replaced: Mon territoire (needs waiting, a person found by name), a
 * person's follow-up group, a move to another ACI of the territory (its ACI offered by name, the current one not),
 * and erasure: the confirmation names what will be destroyed, and nothing is erased without it.
 */
class CoordinationPagesTest extends ServicesReplacedPageTest {


    private static final String ID = "PSN-ABCDEFGH2345";

    static RequestPostProcessor coordinator() {
        return jwt().jwt(j -> j.subject("coordinator-paris").claim("role", "coordinator").claim("territory", "paris"));
    }

    private JsonNode node(String text) {
        return json.readTree(text);
    }

    @BeforeEach
    void person() {
        when(participants.read(any(), eq(ID), eq("territory-coordination"))).thenReturn(node("""
                {"participantId":"%s","aciId":"aci-paris-1","referentId":"cip-aci-paris-1","firstName":"Jeanne",
                 "lastName":"<i>Dupont</i>","phone":"0612345678","email":"","erased":false}""".formatted(ID)));
        when(participants.territory(any(), eq("paris"))).thenReturn(node("""
                {"code":"paris","name":"Paris","acis":[{"id":"aci-paris-1","name":"Atelier Un"},{"id":"aci-paris-2","name":"Atelier Deux"}]}"""));
        when(partnerships.needsSummary(any())).thenReturn(node("""
                {"HOUSING":{"0-7":1,"8-30":2,"31-90":3,"91+":4}}"""));
    }

    @Test
    void theHomeCountsWhatWaitsAndFindsAPersonByName() throws Exception {
        when(participants.byName(any(), eq("paris"), eq("Dupont"), eq(null), eq("territory-coordination")))
                .thenReturn(List.of(node("""
                        {"participantId":"%s","aciId":"aci-paris-1","status":"ACTIVE","firstName":"Jeanne","lastName":"Dupont"}""".formatted(ID))));
        String home = mvc.perform(get("/espace/territoire").with(coordinator())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("10 besoin(s) ouvert(s)", "7 ouvert(s) depuis plus de 30 jours", "/api/reporting/dashboard",
                "Réseau de partenaires");
        String key = tokens.newFormKey();
        String found = mvc.perform(post("/espace/territoire").with(coordinator()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("coordinator-paris", key)).param("lastName", "Dupont"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains("/espace/personnes/" + ID, "Jeanne Dupont");
    }

    @Test
    void thePersonsPageShowsTheFollowUpGroupWithRoles() throws Exception {
        when(partnerships.followUpGroup(any(), eq(ID))).thenReturn(node("""
                {"members":[{"memberId":"M-1","role":"SOCIAL_WORKER","name":"Léa <b>Martin</b>","organisation":"CHRS Nord","startsOn":"2026-01-10"},
                            {"memberId":"M-2","role":"CIP","name":"Paul","startsOn":"2025-01-10","endsOn":"2025-12-31"}]}"""));
        String page = mvc.perform(get("/espace/personnes/" + ID).with(coordinator())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Jeanne &lt;i&gt;Dupont&lt;/i&gt;", "Atelier Un", "Travailleur·se social·e",
                "Léa &lt;b&gt;Martin&lt;/b&gt;", "CHRS Nord", "31/12/2025", "/groupe/M-1/depart", "Changer d'ACI")
                .doesNotContain("/groupe/M-2/depart", ">SOCIAL_WORKER<");
    }

    @Test
    void aMoveOffersTheOtherAcisByNameAndSendsTheChoice() throws Exception {
        String form = mvc.perform(get("/espace/personnes/" + ID + "/changement-aci").with(coordinator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Atelier Deux").doesNotContain(">Atelier Un<");
        String key = tokens.newFormKey();
        mvc.perform(post("/espace/personnes/" + ID + "/changement-aci").with(coordinator()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("coordinator-paris", key)).param("aciId", "aci-paris-2")
                        .param("referentId", "cip-aci-paris-2"))
                .andExpect(redirectedUrl("/espace/personnes/" + ID + "?enregistre=changement-aci"));
        verify(participants).move(any(), eq(ID), eq(Map.of("aciId", "aci-paris-2", "referentId", "cip-aci-paris-2")), eq(key));
    }

    @Test
    void aRefusedMoveIsShownNextToTheAci() throws Exception {
        String key = tokens.newFormKey();
        when(participants.move(any(), eq(ID), anyMap(), eq(key))).thenThrow(new ServiceProblem(422, "aci-not-in-programme",
                "aciId", "left", List.of()));
        String refused = mvc.perform(post("/espace/personnes/" + ID + "/changement-aci").with(coordinator())
                        .param("_formKey", key).param("_csrf", tokens.csrfFor("coordinator-paris", key)).param("aciId", "aci-paris-2"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("aciId-erreur", "pas (ou plus) dans le programme");
    }

    @Test
    void erasureNamesWhatWillBeDestroyedAndNeedsTheConfirmation() throws Exception {
        String confirm = mvc.perform(get("/espace/personnes/" + ID + "/effacement").with(coordinator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("Ce qui sera détruit", "le nom et le prénom (Jeanne &lt;i&gt;Dupont&lt;/i&gt;)",
                "la date de naissance", "le numéro de téléphone", "Effacer définitivement")
                .doesNotContain("l&#39;adresse électronique");
        String key = tokens.newFormKey();
        String refused = mvc.perform(post("/espace/personnes/" + ID + "/effacement").with(coordinator())
                        .param("_formKey", key).param("_csrf", tokens.csrfFor("coordinator-paris", key)))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Cochez la case pour confirmer");
        verify(participants, never()).erase(any(), anyString(), anyString());
        mvc.perform(post("/espace/personnes/" + ID + "/effacement").with(coordinator()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("coordinator-paris", key)).param("confirm", "true"))
                .andExpect(redirectedUrl("/espace/personnes/" + ID + "?enregistre=effacement"));
        verify(participants).erase(any(), eq(ID), eq(key));
    }

    /** The territory searched is the token's, whatever the form says: the workspace never widens a search. */
    @Test
    void aSearchStaysInTheCoordinatorsOwnTerritory() throws Exception {
        String key = tokens.newFormKey();
        mvc.perform(post("/espace/territoire").with(coordinator()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("coordinator-paris", key)).param("lastName", "Dupont")
                        .param("territory", "lyon"))
                .andExpect(status().isOk());
        verify(participants).byName(any(), eq("paris"), eq("Dupont"), eq(null), eq("territory-coordination"));
        verify(participants, never()).byName(any(), eq("lyon"), anyString(), any(), anyString());
    }

    /** A person the services do not show this coordinator (another territory's) is "Page introuvable", nothing else. */
    @Test
    void anotherTerritorysPersonIsNotFound() throws Exception {
        when(participants.read(any(), eq("PSN-LYONLYONLYON"), eq("territory-coordination")))
                .thenThrow(new ServiceProblem(404, "not-found", null, "no", List.of()));
        String page = mvc.perform(get("/espace/personnes/PSN-LYONLYONLYON").with(coordinator()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Page introuvable");
        verify(partnerships, never()).followUpGroup(any(), eq("PSN-LYONLYONLYON"));
    }

    @Test
    void theCoordinatorAddsAPartnerWithItsDomainsAndContactAndARefusalLandsNextToTheDomains() throws Exception {
        String key = tokens.newFormKey();
        mvc.perform(post("/espace/reseau/nouveau-partenaire").with(coordinator()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("coordinator-paris", key)).param("name", "Foyer Nord")
                        .param("domain_HOUSING", "true").param("domain_HEALTH", "true").param("contactName", "Accueil")
                        .param("contactEmail", "accueil@foyer.example"))
                .andExpect(redirectedUrl("/espace/reseau?enregistre=partenaire"));
        verify(partnerships).registerPartner(any(), eq(Map.of("name", "Foyer Nord", "domains", List.of("HOUSING", "HEALTH"),
                "contacts", List.of(Map.of("name", "Accueil", "email", "accueil@foyer.example")))), eq(key));
        String second = tokens.newFormKey();
        when(partnerships.registerPartner(any(), anyMap(), eq(second))).thenThrow(new ServiceProblem(422,
                "partner-needs-a-domain", "domains", "no domain", List.of()));
        String refused = mvc.perform(post("/espace/reseau/nouveau-partenaire").with(coordinator()).param("_formKey", second)
                        .param("_csrf", tokens.csrfFor("coordinator-paris", second)).param("name", "Foyer Nord"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("domain_EMPLOYMENT-erreur", "Cochez au moins un domaine.", "value=\"Foyer Nord\"");
    }

    @Test
    void anAgreementOffersOnlyThePartnersDomainsAndSendsItsScopeAndDates() throws Exception {
        when(partnerships.partner(any(), eq("P-1"))).thenReturn(node("""
                {"id":"P-1","name":"Foyer Nord","domains":["HOUSING"],"contacts":[],"agreements":[]}"""));
        String form = mvc.perform(get("/espace/reseau/P-1/convention").with(coordinator())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Couvre : Logement", "Signer une convention — Foyer Nord").doesNotContain("Couvre : Santé");
        String key = tokens.newFormKey();
        mvc.perform(post("/espace/reseau/P-1/convention").with(coordinator()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("coordinator-paris", key)).param("startsOn", "01/01/2026")
                        .param("endsOn", "31/12/2026").param("domain_HOUSING", "true"))
                .andExpect(redirectedUrl("/espace/reseau?enregistre=convention"));
        verify(partnerships).signAgreement(any(), eq("P-1"), eq(Map.of("startsOn", "2026-01-01", "endsOn", "2026-12-31",
                "scope", List.of("HOUSING"))), eq(key));
    }
}
