package fr.convergence.workspace;

import fr.convergence.workspace.security.FormTokens;
import fr.convergence.workspace.services.AuditApi;
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

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
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
 * The auditor's pages with the services replaced: a name search (a POST, names never in the address), the national
 * auditor's id-only search, the file's timeline across services, the verification said plainly (intact, or broken
 * at which event and why), the state on a past day and who read the file.
 */
class AuditPagesTest extends ServicesReplacedPageTest {

    @MockitoBean
    AuditApi audit;

    private static final String ID = "PSN-ABCDEFGH2345";

    static RequestPostProcessor auditor() {
        return jwt().jwt(j -> j.subject("auditor-paris").claim("role", "auditor").claim("territory", "paris"));
    }

    static RequestPostProcessor nationalAuditor() {
        return jwt().jwt(j -> j.subject("auditor").claim("role", "auditor"));
    }

    private JsonNode node(String text) {
        return json.readTree(text);
    }

    @Test
    void aTerritoryAuditorFindsAPersonByNameInAPostAndSeesTheHitsEscaped() throws Exception {
        when(participants.byName(any(), eq("paris"), eq("Dupont"), eq(null), eq("audit"))).thenReturn(List.of(node("""
                {"participantId":"%s","aciId":"aci-paris-1","status":"ACTIVE","firstName":"<script>x</script>","lastName":"Dupont"}"""
                .formatted(ID))));
        String key = tokens.newFormKey();
        String page = mvc.perform(post("/espace/audit").with(auditor()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("auditor-paris", key)).param("lastName", "Dupont"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1 personne(s) trouvée(s)", "&lt;script&gt;x&lt;/script&gt; Dupont", "/espace/audit/" + ID,
                "ACI 1 (Paris)", "Suivi·e").doesNotContain("<script>x</script>");
    }

    @Test
    void theNationalAuditorSearchesByPseudonymousIdOnly() throws Exception {
        String page = mvc.perform(get("/espace/audit").with(nationalAuditor())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("identifiant pseudonyme", "id=\"national\"").doesNotContain("id=\"recherche-nom\"");
        mvc.perform(get("/espace/audit?identifiant=psn-abcdefgh2345").with(nationalAuditor()))
                .andExpect(redirectedUrl("/espace/audit/" + ID));
        String refused = mvc.perform(get("/espace/audit?identifiant=Dupont").with(nationalAuditor()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("identifiant-erreur", "PSN- suivi de 12", "value=\"Dupont\"");
        String key = tokens.newFormKey();
        mvc.perform(post("/espace/audit").with(nationalAuditor()).param("_formKey", key)
                .param("_csrf", tokens.csrfFor("auditor", key)).param("lastName", "Dupont")).andExpect(status().is(422));
        verify(participants, never()).byName(any(), any(), anyString(), any(), anyString());
    }

    private void file(String verification) {
        when(participants.read(any(), eq(ID), eq("audit"))).thenReturn(node("""
                {"participantId":"%s","aciId":"aci-paris-1","firstName":"Jeanne","lastName":"<b>Dupont</b>","erased":false}""".formatted(ID)));
        when(audit.verification(any(), eq(ID))).thenReturn(node(verification));
        when(audit.history(any(), eq(ID))).thenReturn(node("""
                {"items":[
                 {"service":"participant-service","stream":"%s","sequence":1,"type":"ParticipantRegistered","occurredOn":"2026-01-05","recordedAt":"2026-01-05T09:00:00Z","recordedBy":"cip-aci-paris-1","data":{"aciId":"aci-paris-1"}},
                 {"service":"pathway-service","stream":"PW-1","sequence":1,"type":"ParticipantHired","occurredOn":"2026-01-06","recordedAt":"2026-01-06T09:00:00Z","recordedBy":"cip-aci-paris-1","data":{"programme":"PHC","weeklyHours":4,"plannedEnd":"2026-07-06"}},
                 {"service":"pathway-service","stream":"PW-1","sequence":2,"type":"WeeklyHoursChanged","occurredOn":"2026-02-06","recordedAt":"2026-02-06T09:00:00Z","recordedBy":"cip-aci-paris-1","data":{"fromHours":4,"toHours":6}},
                 {"service":"partnership-service","stream":"R-1","sequence":1,"type":"ReferralProposed","occurredOn":"2026-02-07","recordedAt":"2026-02-07T09:00:00Z","recordedBy":"cdp-paris","data":{"domain":"HOUSING"}}]}""".formatted(ID)));
        when(participants.accessLog(any(), eq(ID))).thenReturn(node("""
                {"items":[{"at":"2026-03-01T10:00:00Z","who":"cip-aci-paris-1","role":"cip","purpose":"case-follow-up","action":"read"}]}"""));
        when(audit.reads(any(), eq(ID))).thenReturn(node("""
                [{"at":"2026-03-02T10:00:00Z","auditor":"auditor-paris","what":"history page 0"},
                 {"at":"2026-03-03T10:00:00Z","auditor":"auditor-paris","what":"state as of 2026-02-01"}]"""));
        when(partnerships.historyReads(any(), eq(ID))).thenReturn(node("""
                {"items":[{"at":"2026-03-02T10:00:00Z","by":"auditor-&lt;x&gt;","purpose":"audit"}],"total":1}"""));
    }

    @Test
    void theFileShowsTheHistoryAcrossServicesAnIntactChainAndWhoReadIt() throws Exception {
        file("""
                {"intact":true,"pathways":{"PW-1":{"intact":true,"headHash":"abc123"}}}""");
        String page = mvc.perform(get("/espace/audit/" + ID).with(auditor())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Dossier d&#39;audit — " + ID, "Jeanne &lt;b&gt;Dupont&lt;/b&gt;", "Intégrité vérifiée",
                "Inscription", "Identité", "Embauche", "Heures hebdomadaires", "Orientation proposée", "Partenariats",
                "4 événement(s)", "Lecture de la fiche — suivi du parcours", "État au 01/02/2026", "Historique",
                "/api/audit/participants/" + ID + "/export.pdf", "abc123")
                .doesNotContain("Intégrité rompue", ">ParticipantHired<", "<b>Dupont</b>");
        assertThat(page.indexOf("État au 01/02/2026")).as("newest read first").isLessThan(page.indexOf(">Historique<"));
        // partnership-service's own trail of who read the referrals and follow-up
        assertThat(page).contains("Lectures des orientations et du suivi", "Orientations et suivi — ", "auditor-&amp;lt;x&amp;gt;");
    }

    @Test
    void aBrokenChainSaysAtWhichEventAndWhatDiffers() throws Exception {
        file("""
                {"intact":false,"pathways":{"PW-1":{"intact":false,"firstBrokenSequence":2,"reason":"content does not match its hash (event altered)","headHash":"abc"}}}""");
        String page = mvc.perform(get("/espace/audit/" + ID).with(auditor())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Intégrité rompue", "Parcours PW-1 : rompu à l&#39;événement n° 2",
                "l&#39;événement a été modifié après coup", "Chaîne rompue ici").doesNotContain("Intégrité vérifiée");
        assertThat(page.indexOf("Chaîne rompue ici")).as("the mark is on event 2, after event 1")
                .isGreaterThan(page.indexOf("Embauche"));
    }

    @Test
    void theStateOnAPastDayIsShownAndAFutureOrMalformedDayIsRefusedNextToTheField() throws Exception {
        file("""
                {"intact":true,"pathways":{}}""");
        when(audit.stateAsOf(any(), eq(ID), eq(LocalDate.of(2026, 2, 1)))).thenReturn(node("""
                {"asOf":"2026-02-01","pathways":[{"pathwayId":"PW-1","aciId":"aci-paris-1","programme":"PHC","status":"ACTIVE",
                 "startedOn":"2026-01-06","plannedEnd":"2026-07-06","weeklyHours":4.0,"monthsInPathway":0,
                 "openBarriers":{"HOUSING":{"intensity":"HIGH","handling":"PARTNER"}}}]}"""));
        String page = mvc.perform(get("/espace/audit/" + ID + "?etatAu=01/02/2026").with(auditor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("État des parcours à la fin du 01/02/2026", "Premières Heures en Chantier", "4 h",
                "Logement (par un partenaire)");
        String refused = mvc.perform(get("/espace/audit/" + ID + "?etatAu=31/02/2026").with(auditor()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("etatAu-erreur", "Indiquez une date valide", "value=\"31/02/2026\"");
    }

    @Test
    void aFileTheServicesDoNotShowIsNotFound() throws Exception {
        when(participants.read(any(), eq("PSN-ZZZZZZZZZZZZ"), eq("audit")))
                .thenThrow(new ServiceProblem(404, "not-found", null, "no", List.of()));
        mvc.perform(get("/espace/audit/PSN-ZZZZZZZZZZZZ").with(auditor())).andExpect(status().isNotFound());
    }

    @Test
    void aHistoryLongerThanOnePageSaysItIsCut() throws Exception {
        file("""
                {"intact":true,"pathways":{}}""");
        String whole = mvc.perform(get("/espace/audit/" + ID).with(auditor())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(whole).doesNotContain("historique-tronque");
        // the same four events, now said to be the first page of 1,500 (the stub answers this very node)
        ((tools.jackson.databind.node.ObjectNode) audit.history(null, ID)).put("total", 1500);
        String cut = mvc.perform(get("/espace/audit/" + ID).with(auditor())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(cut).contains("Seuls les 4 premiers événements sur 1500 sont affichés ici");
    }
}
