package fr.convergence.workspace;

import fr.convergence.workspace.security.FormTokens;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.PartnershipsApi;
import fr.convergence.workspace.services.PathwaysApi;
import fr.convergence.workspace.services.ServiceProblem;
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
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The partnership officer's pages with the services replaced: the needs queue (bands, ACI names and contacts from
 * the reference data, hostile text escaped, codes never shown), proposing a partner (a refusal next to its field,
 * the form's key sent as Idempotency-Key) and a referral's steps.
 */
class PartnershipPagesTest extends ServicesReplacedPageTest {



    static RequestPostProcessor cdp() {
        return jwt().jwt(j -> j.subject("cdp-paris").claim("role", "partnership-officer").claim("territory", "paris"));
    }

    private JsonNode node(String text) {
        return json.readTree(text);
    }

    private void queue(String aciName) {
        when(partnerships.openNeeds(any(), isNull())).thenReturn(List.of(
                node("""
                        {"participantId":"PSN-OLD","barrierDomain":"HOUSING","partnerDomain":"HOUSING","intensity":"HIGH",
                         "openedOn":"2026-01-02","daysOpen":120,"aciId":"aci-paris-1","assessedBy":"cip-aci-paris-1"}"""),
                node("""
                        {"participantId":"PSN-NEW","barrierDomain":"HEALTH","partnerDomain":"HEALTH","intensity":"LOW",
                         "openedOn":"2026-05-01","daysOpen":3,"aciId":"aci-paris-2","assessedBy":"cip-aci-paris-2"}""")));
        when(partnerships.needsSummary(any())).thenReturn(node("""
                {"HOUSING":{"0-7":0,"8-30":0,"31-90":0,"91+":1},"HEALTH":{"0-7":1,"8-30":0,"31-90":0,"91+":0},
                 "MOBILITY":{"0-7":0,"8-30":0,"31-90":0,"91+":0}}"""));
        when(participants.territory(any(), eq("paris"))).thenReturn(node("""
                {"code":"paris","name":"Paris","acis":[
                  {"id":"aci-paris-1","name":%s,"siret":"1","programmes":["PHC"],"contactEmail":"accueil@aci1.fr","contactPhone":"01 23 45 67 89"},
                  {"id":"aci-paris-2","name":"Atelier Deux","siret":"2","programmes":["CVG"]}]}""".formatted(json.writeValueAsString(aciName))));
    }

    @Test
    void theQueueShowsEachNeedWithItsAciReferentAndContactOldestFirst() throws Exception {
        queue("<b>Atelier</b> Un");
        String page = mvc.perform(get("/espace/besoins").with(cdp())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Besoins à traiter", "Logement", "Santé", "Plus de 90 jours", "120 jour(s)",
                "&lt;b&gt;Atelier&lt;/b&gt; Un", "cip-aci-paris-1", "mailto:accueil@aci1.fr", "01 23 45 67 89",
                "Atelier Deux", "Contact non renseigné", "Proposer un partenaire")
                .doesNotContain("<b>Atelier</b>", ">HOUSING<", ">HIGH<");
        String summary = page.substring(page.indexOf("id=\"synthese\""), page.indexOf("</table>", page.indexOf("id=\"synthese\"")));
        assertThat(summary).as("only the domains with an open need").contains("Logement", "Santé").doesNotContain("Mobilité");
        assertThat(page.indexOf("PSN-OLD")).isLessThan(page.indexOf("PSN-NEW"));
    }

    @Test
    void theQueueFiltersByAgeBandAndStillShowsWithoutReferenceData() throws Exception {
        queue("Atelier Un");
        when(participants.territory(any(), eq("paris"))).thenThrow(new ServiceProblem(503, "unavailable", null, "down", List.of()));
        String page = mvc.perform(get("/espace/besoins?anciennete=0-7").with(cdp())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("PSN-NEW", "ACI 2 (Paris)", "ne sont pas disponibles").doesNotContain("PSN-OLD");
    }

    @Test
    void proposingAPartnerSendsTheFormsKeyAndShowsARefusalNextToThePartner() throws Exception {
        when(partnerships.partners(any(), eq("HOUSING"))).thenReturn(List.of(node("""
                {"partnerId":"P-1","name":"Toit <i>d'abord</i>","domains":["HOUSING"],"inAgreement":[]}""")));
        String form = mvc.perform(get("/espace/orientations/nouvelle?personne=PSN-OLD&domaine=HOUSING").with(cdp()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Toit &lt;i&gt;d&#39;abord&lt;/i&gt; (sans convention en cours pour ce domaine)",
                "Proposer un partenaire — PSN-OLD");
        String key = tokens.newFormKey();
        when(partnerships.propose(any(), anyMap(), eq(key))).thenThrow(new ServiceProblem(422, "no-agreement-in-force",
                "partnerId", "no agreement", List.of(new ServiceProblem.FieldError("partnerId", "no-agreement-in-force", "x"))));
        String refused = mvc.perform(post("/espace/orientations/nouvelle?personne=PSN-OLD&domaine=HOUSING").with(cdp())
                        .param("_formKey", key).param("_csrf", tokens.csrfFor("cdp-paris", key))
                        .param("partnerId", "P-1").param("proposedOn", "02/03/2026"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("partnerId-erreur", "Aucune convention en cours avec ce partenaire", "value=\"02/03/2026\"");

        String second = tokens.newFormKey();
        mvc.perform(post("/espace/orientations/nouvelle?personne=PSN-OLD&domaine=HOUSING").with(cdp())
                        .param("_formKey", second).param("_csrf", tokens.csrfFor("cdp-paris", second))
                        .param("partnerId", "P-1").param("proposedOn", "02/03/2026"))
                .andExpect(redirectedUrl("/espace/orientations/PSN-OLD?enregistre=orientation"));
        verify(partnerships).propose(any(), eq(Map.of("participantId", "PSN-OLD", "domain", "HOUSING",
                "partnerId", "P-1", "proposedOn", "2026-03-02")), eq(second));
    }

    @Test
    void aForgedProposalReachesNoService() throws Exception {
        mvc.perform(post("/espace/orientations/nouvelle?personne=PSN-OLD&domaine=HOUSING").with(cdp())
                .param("_formKey", "k").param("_csrf", "forged").param("partnerId", "P-1"))
                .andExpect(status().isForbidden());
        verify(partnerships, never()).propose(any(), anyMap(), anyString());
        verify(partnerships, never()).partners(any(), any());
    }

    @Test
    void aPersonsReferralsOfferOnlyTheStepsTheServiceWouldTake() throws Exception {
        when(partnerships.needs(any(), eq("PSN-OLD"))).thenReturn(node("""
                {"participantId":"PSN-OLD","needs":[{"barrierDomain":"HOUSING","partnerDomain":"HOUSING","status":"OPEN","openedOn":"2026-01-02"}]}"""));
        when(partnerships.partners(any(), isNull())).thenReturn(List.of(node("""
                {"partnerId":"P-1","name":"Toit d'abord","domains":["HOUSING"],"inAgreement":["HOUSING"]}""")));
        when(partnerships.referrals(any(), eq("PSN-OLD"))).thenReturn(node("""
                [{"referralId":"R-2","partnerId":"P-1","domain":"HOUSING","status":"ACCEPTED","proposedOn":"2026-02-01","updatedOn":"2026-02-03"},
                 {"referralId":"R-1","partnerId":"P-1","domain":"HOUSING","status":"COMPLETED","outcome":"HOUSED","proposedOn":"2026-01-05","updatedOn":"2026-01-20"}]"""));
        String page = mvc.perform(get("/espace/orientations/PSN-OLD?enregistre=accept").with(cdp()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Orientation acceptée", "Orientation aboutie", "Issue : Relogé·e",
                "/espace/orientations/PSN-OLD/R-2/aboutir", "/espace/orientations/PSN-OLD/R-2/annuler",
                "L&#39;orientation est enregistrée comme acceptée.")
                .doesNotContain("/R-2/accepter", "/R-1/", ">ACCEPTED<", ">HOUSED<");
    }

    @Test
    void completingAReferralSendsTheOutcomeWithTheFormsKey() throws Exception {
        when(partnerships.referral(any(), eq("R-2"))).thenReturn(node("""
                {"id":"R-2","participantId":"PSN-OLD","domain":"HOUSING","status":"ACCEPTED","history":[{"status":"PROPOSED","on":"2026-02-01"}]}"""));
        when(partnerships.outcomes(any())).thenReturn(List.of("HOUSED", "OTHER"));
        String key = tokens.newFormKey();
        mvc.perform(post("/espace/orientations/PSN-OLD/R-2/aboutir").with(cdp()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("cdp-paris", key)).param("date", "03/03/2026").param("outcome", "HOUSED"))
                .andExpect(redirectedUrl("/espace/orientations/PSN-OLD?enregistre=complete"));
        verify(partnerships).step(any(), eq("R-2"), eq("complete"), eq(Map.of("date", "2026-03-03", "outcome", "HOUSED")), eq(key));
    }

    /** Issue 21 finding 8: a decline reason is chosen among the service's codes (French labels), never typed. */
    @Test
    void decliningOffersTheServicesReasonCodesAndSendsTheCode() throws Exception {
        when(partnerships.referral(any(), eq("R-3"))).thenReturn(node("""
                {"id":"R-3","participantId":"PSN-OLD","domain":"HOUSING","status":"PROPOSED","history":[{"status":"PROPOSED","on":"2026-02-01"}]}"""));
        when(partnerships.reasons(any(), eq("decline"))).thenReturn(new java.util.LinkedHashMap<>(Map.of(
                "FULL", "Plus de place chez le partenaire")));
        String form = mvc.perform(get("/espace/orientations/PSN-OLD/R-3/refuser").with(cdp()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<select", "value=\"FULL\"", "Plus de place chez le partenaire")
                .doesNotContain("Une phrase");
        String key = tokens.newFormKey();
        mvc.perform(post("/espace/orientations/PSN-OLD/R-3/refuser").with(cdp()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("cdp-paris", key)).param("date", "03/03/2026").param("reason", "FULL"))
                .andExpect(redirectedUrl("/espace/orientations/PSN-OLD?enregistre=decline"));
        verify(partnerships).step(any(), eq("R-3"), eq("decline"), eq(Map.of("date", "2026-03-03", "reason", "FULL")), eq(key));
    }

    @Test
    void anotherPersonsReferralInTheAddressIsNotFound() throws Exception {
        when(partnerships.referral(any(), eq("R-9"))).thenReturn(node("""
                {"id":"R-9","participantId":"PSN-OTHER","domain":"HOUSING","status":"PROPOSED","history":[]}"""));
        mvc.perform(get("/espace/orientations/PSN-OLD/R-9/accepter").with(cdp())).andExpect(status().isNotFound());
    }

    /** The coordinator reads the same queue, without the proposal the service would refuse them. */
    @Test
    void theCoordinatorReadsTheQueueWithoutProposing() throws Exception {
        queue("Atelier Un");
        String page = mvc.perform(get("/espace/besoins").with(jwt().jwt(j -> j.subject("coordinator-paris")
                        .claim("role", "coordinator").claim("territory", "paris"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("PSN-OLD", "Atelier Un").doesNotContain("/espace/orientations/nouvelle");
    }
}
