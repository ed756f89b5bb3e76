package fr.convergence.workspace;

import fr.convergence.workspace.security.FormTokens;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.PathwaysApi;
import fr.convergence.workspace.services.ServiceProblem;
import fr.convergence.workspace.web.FrenchDates;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
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
 * The pages over MockMvc with the services replaced: what they show (French labels, escaped names, alerts), how a
 * refusal lands next to its field, and that a form without its token reaches no service.
 */
class WorkspacePagesTest extends ServicesReplacedPageTest {


    private static final LocalDate TODAY = FrenchDates.today();

    static RequestPostProcessor cip() {
        return jwt().jwt(j -> j.subject("cip-aci-paris-1").claim("role", "cip").claim("territory", "paris")
                .claim("aci", "aci-paris-1").claim("name", "CIP aci-paris-1"));
    }

    private JsonNode node(String text) {
        return json.readTree(text);
    }

    private void onePerson(String firstName, String lastName) {
        when(participants.ofAci(any(), eq("aci-paris-1"))).thenReturn(List.of(node("""
                {"participantId":"PSN-AAAA","aciId":"aci-paris-1","referentId":"cip-aci-paris-1","status":"ACTIVE",
                 "erased":false,"firstName":%s,"lastName":%s,"ageBand":"26-34"}""".formatted(
                json.writeValueAsString(firstName), json.writeValueAsString(lastName)))));
        when(participants.read(any(), eq("PSN-AAAA"))).thenReturn(node("""
                {"participantId":"PSN-AAAA","aciId":"aci-paris-1","referentId":"cip-aci-paris-1","status":"ACTIVE",
                 "erased":false,"firstName":%s,"lastName":%s,"birthDate":"1990-04-02","registeredAt":"2026-01-05T10:00:00Z"}"""
                .formatted(json.writeValueAsString(firstName), json.writeValueAsString(lastName))));
        when(pathways.ofAci(any(), eq("aci-paris-1"))).thenReturn(List.of(node("""
                {"pathwayId":"PW-1","participantId":"PSN-AAAA","status":"ACTIVE","programme":"CVG","startedOn":"%s"}"""
                .formatted(TODAY.minusMonths(3)))));
        JsonNode view = node("""
                {"pathwayId":"PW-1","participantId":"PSN-AAAA","territory":"paris","aciId":"aci-paris-1","programme":"CVG",
                 "status":"ACTIVE","startedOn":"%s","plannedEnd":"%s","weeklyHours":26.5,"monthsInPathway":3,
                 "openBarriers":{"HOUSING":{"intensity":"HIGH","handling":"PARTNER","since":"%s"}},"monthlyHours":{}}"""
                .formatted(TODAY.minusMonths(3), TODAY.plusDays(10), TODAY.minusMonths(2)));
        when(pathways.readAll(any(), anyList())).thenReturn(List.of(view));
        when(pathways.read(any(), eq("PW-1"))).thenReturn(view);
        when(pathways.events(any(), eq("PW-1"))).thenReturn(node("""
                [{"sequence":2,"type":"BarrierAssessed","occurredOn":"%s","recordedBy":"cip-aci-paris-1",
                  "data":{"domain":"HOUSING","intensity":"HIGH","handling":"PARTNER"}},
                 {"sequence":1,"type":"ParticipantHired","occurredOn":"%s","recordedBy":"cip-aci-paris-1",
                  "data":{"programme":"CVG","plannedEnd":"%s","weeklyHours":26.5}}]""".formatted(TODAY.minusMonths(2),
                TODAY.minusMonths(3), TODAY.plusDays(10))));
    }

    @Test
    void theRootTakesEachRoleToItsHome() throws Exception {
        mvc.perform(get("/").with(cip())).andExpect(redirectedUrl("/espace/salaries"));
        mvc.perform(get("/").with(jwt().jwt(j -> j.subject("coordinator-paris").claim("role", "coordinator")
                .claim("territory", "paris")))).andExpect(redirectedUrl("/espace/territoire"));
    }

    @Test
    void withoutATokenNothingIsShown() throws Exception {
        mvc.perform(get("/espace/salaries")).andExpect(status().isUnauthorized());
    }

    @Test
    void theCaseloadShowsHostileNamesEscapedAndSpeaksFrench() throws Exception {
        onePerson("<script>alert(1)</script>", "=cmd|' /C calc'!A0");
        String page = mvc.perform(get("/espace/salaries").with(cip())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("lang=\"fr\"", "&lt;script&gt;alert(1)&lt;/script&gt;", "=CMD|&#39; /C CALC&#39;!A0")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(page).contains("Convergence", "En parcours", "26,5 h", "3 mois", "Fin de contrat prévue proche",
                "<caption", "scope=\"col\"", "Tableau de bord des indicateurs", "Conseiller·ère en insertion professionnelle")
                .doesNotContain(">CVG<", ">ACTIVE<");
    }

    @Test
    void aNeedLeftWithoutReferralForThirtyDaysRaisesAnAlertOnTheCaseload() throws Exception {
        onePerson("Lou", "Martin");
        String before = mvc.perform(get("/espace/salaries").with(cip())).andReturn().getResponse().getContentAsString();
        assertThat(before).doesNotContain("Frein sans orientation vers un partenaire");
        when(partnerships.waitingNeeds(any(), eq("aci-paris-1"), eq(30))).thenReturn(List.of(node("""
                {"participantId":"PSN-AAAA","barrierDomain":"HOUSING","partnerDomain":"HOUSING","openedOn":"%s","daysOpen":41}"""
                .formatted(TODAY.minusDays(41)))));

        String page = mvc.perform(get("/espace/salaries").with(cip())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Frein sans orientation vers un partenaire");
    }

    @Test
    void theCaseloadStillShowsWhenPartnershipServiceIsDown() throws Exception {
        onePerson("Lou", "Martin");
        when(partnerships.waitingNeeds(any(), any(), org.mockito.ArgumentMatchers.anyInt()))
                .thenThrow(new org.springframework.web.client.ResourceAccessException("connection refused"));
        String page = mvc.perform(get("/espace/salaries").with(cip())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Fin de contrat prévue proche");
    }

    @Test
    void theCaseloadFiltersByProgrammeAndName() throws Exception {
        onePerson("Aïcha", "Benali");
        assertThat(mvc.perform(get("/espace/salaries?programme=PHC").with(cip())).andReturn().getResponse()
                .getContentAsString()).contains("Aucune personne ne correspond").doesNotContain("scope=\"row\"");
        assertThat(mvc.perform(get("/espace/salaries?q=aicha").with(cip())).andReturn().getResponse()
                .getContentAsString()).contains("Aïcha BENALI");
    }

    @Test
    void aPersonsPageShowsThePathwayAndTimelineInFrench() throws Exception {
        onePerson("Aïcha", "Benali");
        String page = mvc.perform(get("/espace/salaries/PSN-AAAA?enregistre=heures-hebdomadaires").with(cip()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Aïcha BENALI — Convergence", "02/04/1990", "Logement", "Frein identifié : Logement",
                "Les nouvelles heures hebdomadaires sont enregistrées.", "Embauche", "Inscription", "05/01/2026",
                "Enregistré par cip-aci-paris-1", "Intensité forte, prise en charge par un partenaire");
    }

    @Test
    void aNeedWithoutReferralForThirtyDaysIsFlaggedOnThePersonsPage() throws Exception {
        onePerson("Aïcha", "Benali");
        when(partnerships.needs(any(), eq("PSN-AAAA"))).thenReturn(node("""
                {"participantId":"PSN-AAAA","needs":[{"barrierDomain":"HOUSING","partnerDomain":"HOUSING","status":"OPEN",
                 "openedOn":"%s"},{"barrierDomain":"MOBILITY","partnerDomain":"MOBILITY","status":"OPEN","openedOn":"%s"}]}"""
                .formatted(TODAY.minusDays(40), TODAY.minusDays(40))));
        when(partnerships.referrals(any(), eq("PSN-AAAA"))).thenReturn(node("""
                [{"referralId":"R-1","domain":"MOBILITY","status":"ACCEPTED","proposedOn":"%s","updatedOn":"%s"}]"""
                .formatted(TODAY.minusDays(20), TODAY.minusDays(10))));
        when(partnerships.followUpGroup(any(), eq("PSN-AAAA"))).thenReturn(node("""
                {"participantId":"PSN-AAAA","members":[{"memberId":"M1","role":"SOCIAL_WORKER","name":"Claire Martin",
                 "organisation":"CCAS Paris 18","startsOn":"%s","endsOn":null}]}""".formatted(TODAY.minusDays(15))));
        String page = mvc.perform(get("/espace/salaries/PSN-AAAA").with(cip())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Besoin : Logement — Ouvert", "Besoin : Mobilité — Ouvert",
                "Orientation acceptée : Mobilité", "Orientation proposée : Mobilité",
                "Claire Martin (CCAS Paris 18) — Travailleur·se social·e", "Groupe de suivi : Claire Martin (CCAS Paris 18) rejoint le groupe");
        // only the housing need has no referral
        assertThat(page.split("Sans orientation depuis plus de 30 jours", -1)).hasSize(2);
    }

    @Test
    void thePersonsPageStaysUpWhenPartnershipServiceIsDown() throws Exception {
        onePerson("Aïcha", "Benali");
        when(partnerships.needs(any(), any())).thenThrow(new org.springframework.web.client.ResourceAccessException("refused"));
        assertThat(mvc.perform(get("/espace/salaries/PSN-AAAA").with(cip())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("Les besoins et orientations ne peuvent pas être lus pour le moment", "Frein identifié : Logement");
    }

    @Test
    void aRuleRefusalIsShownNextToItsFieldWithTheTypedValueKept() throws Exception {
        onePerson("Aïcha", "Benali");
        when(pathways.command(any(), eq("PW-1"), eq("weekly-hours"), anyMap(), anyString())).thenThrow(new ServiceProblem(
                422, "weekly-hours-range", "weeklyHours", "weekly hours run from 0 to 35",
                List.of(new ServiceProblem.FieldError("weeklyHours", "weekly-hours-range", "…"))));
        String key = "form-key-1";
        String page = mvc.perform(post("/espace/salaries/PSN-AAAA/parcours/PW-1/heures-hebdomadaires").with(cip())
                        .param("_formKey", key).param("_csrf", tokens.csrfFor("cip-aci-paris-1", key))
                        .param("effectiveDate", "01/02/2026").param("weeklyHours", "50"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"weeklyHours-erreur\"", "Les heures hebdomadaires sont supérieures à 0 h et d&#39;au plus 35 h.",
                "value=\"50\"", "value=\"01/02/2026\"", "href=\"#weeklyHours\"", "<title>Erreur : Heures hebdomadaires");
    }

    @Test
    void aSuccessfulCommandGoesBackToThePersonWithItsKey() throws Exception {
        onePerson("Aïcha", "Benali");
        when(pathways.command(any(), eq("PW-1"), eq("weekly-hours"), anyMap(), eq("form-key-2"))).thenReturn(node("{}"));
        mvc.perform(post("/espace/salaries/PSN-AAAA/parcours/PW-1/heures-hebdomadaires").with(cip())
                        .param("_formKey", "form-key-2").param("_csrf", tokens.csrfFor("cip-aci-paris-1", "form-key-2"))
                        .param("effectiveDate", "01/02/2026").param("weeklyHours", "24,5"))
                .andExpect(redirectedUrl("/espace/salaries/PSN-AAAA?enregistre=heures-hebdomadaires"));
        verify(pathways).command(any(), eq("PW-1"), eq("weekly-hours"),
                eq(Map.of("effectiveDate", "2026-02-01", "weeklyHours", 24.5)), eq("form-key-2"));
    }

    @Test
    void aPersonOfTheSameNameIsOfferedAsAChoiceNotAnError() throws Exception {
        when(participants.sameName(any(), eq("aci-paris-1"), eq("Aïcha"), eq("Benali"))).thenReturn(List.of(node("""
                {"participantId":"PSN-AAAA","firstName":"Aïcha","lastName":"Benali","ageBand":"26-34","erased":false}""")));
        when(participants.register(any(), anyMap(), anyString())).thenReturn(node("{\"participantId\":\"PSN-NEW\"}"));
        String key = "register-1";
        String page = mvc.perform(post("/espace/salaries/nouveau").with(cip()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("cip-aci-paris-1", key)).param("firstName", "Aïcha")
                        .param("lastName", "Benali").param("birthDate", "02/04/1990"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Une personne de même nom est déjà suivie dans votre ACI", "Aïcha BENALI (tranche d&#39;âge 26-34)",
                "href=\"/espace/salaries/PSN-AAAA\"", "value=\"Aïcha\"");
        verify(participants, never()).register(any(), anyMap(), anyString());
        // "another person": registered, and the same form posted again goes where the first post went
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/espace/salaries/nouveau").with(cip()).param("_formKey", key)
                            .param("_csrf", tokens.csrfFor("cip-aci-paris-1", key)).param("firstName", "Aïcha")
                            .param("lastName", "Benali").param("birthDate", "02/04/1990").param("_confirmNew", "true"))
                    .andExpect(redirectedUrl("/espace/salaries/PSN-NEW/embauche"));
        }
        verify(participants, org.mockito.Mockito.times(1)).register(any(), anyMap(), eq(key));
    }

    @Test
    void everyPathwayCommandHasItsFrenchFormWithALabelPerField() throws Exception {
        onePerson("Aïcha", "Benali");
        for (fr.convergence.workspace.commands.PathwayCommand c : fr.convergence.workspace.commands.PathwayCommand.values()) {
            if (c == fr.convergence.workspace.commands.PathwayCommand.EXIT_CANCELLATION) {
                // the territory coordinator's alone: not offered to a CIP (PathwaySituationPagesTest covers it)
                mvc.perform(get("/espace/salaries/PSN-AAAA/parcours/PW-1/" + c.slug()).with(cip()))
                        .andExpect(status().isForbidden());
                continue;
            }
            String page = mvc.perform(get("/espace/salaries/PSN-AAAA/parcours/PW-1/" + c.slug()).with(cip()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).as(c.slug()).contains("<h1>" + c.heading().replace("'", "&#39;") + " — Aïcha BENALI</h1>",
                    "name=\"_csrf\"", "name=\"_formKey\"");
            for (fr.convergence.workspace.web.Field f : c.fieldsFor(pathways.read(null, "PW-1"), pathways.events(null, "PW-1"))) {
                assertThat(page).as(c.slug() + " " + f.name()).contains("for=\"" + f.name() + "\"", "name=\"" + f.name() + "\"");
            }
        }
    }

    @Test
    void liftingABarrierOffersOnlyTheBarriersOpenOnThePathway() throws Exception {
        onePerson("Aïcha", "Benali");
        String page = mvc.perform(get("/espace/salaries/PSN-AAAA/parcours/PW-1/frein-leve").with(cip()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"HOUSING\"", ">Logement<").doesNotContain("value=\"MOBILITY\"");
    }

    @Test
    void aFormWithoutItsTokenReachesNoService() throws Exception {
        onePerson("Aïcha", "Benali");
        mvc.perform(post("/espace/salaries/PSN-AAAA/parcours/PW-1/heures-hebdomadaires").with(cip())
                        .param("_formKey", "k").param("_csrf", tokens.csrfFor("someone-else", "k"))
                        .param("effectiveDate", "01/02/2026").param("weeklyHours", "24"))
                .andExpect(status().isForbidden());
        verify(pathways, never()).command(any(), any(), any(), any(), any());
    }

    static RequestPostProcessor encadrant() {
        return jwt().jwt(j -> j.subject("encadrant-paris-1").claim("role", "encadrant").claim("territory", "paris")
                .claim("aci", "aci-paris-1"));
    }

    private void twoPeopleInPathway() {
        when(participants.ofAci(any(), eq("aci-paris-1"), eq("monthly-hours"))).thenReturn(List.of(
                node("{\"participantId\":\"PSN-A\",\"firstName\":\"Ana\",\"lastName\":\"Abel\"}"),
                node("{\"participantId\":\"PSN-B\",\"firstName\":\"Bob\",\"lastName\":\"Brun\"}")));
        when(pathways.ofAci(any(), eq("aci-paris-1"))).thenReturn(List.of(
                node("{\"pathwayId\":\"PW-A\",\"participantId\":\"PSN-A\",\"status\":\"ACTIVE\"}"),
                node("{\"pathwayId\":\"PW-B\",\"participantId\":\"PSN-B\",\"status\":\"ACTIVE\"}")));
        String month = java.time.YearMonth.from(TODAY).toString();
        when(pathways.readAll(any(), anyList())).thenReturn(List.of(
                node("{\"pathwayId\":\"PW-A\",\"participantId\":\"PSN-A\",\"startedOn\":\"%s\",\"monthlyHours\":{\"%s\":80.5}}"
                        .formatted(TODAY.minusYears(1), month)),
                node("{\"pathwayId\":\"PW-B\",\"participantId\":\"PSN-B\",\"startedOn\":\"%s\",\"monthlyHours\":{}}"
                        .formatted(TODAY.minusYears(1)))));
    }

    @Test
    void theEncadrantsGridShowsReportedHoursAndLandsOnItsHome() throws Exception {
        twoPeopleInPathway();
        mvc.perform(get("/").with(encadrant())).andExpect(redirectedUrl("/espace/heures"));
        String page = mvc.perform(get("/espace/heures").with(encadrant())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ana ABEL", "Bob BRUN", "value=\"80,5\"", "Encadrant·e technique", "<caption");
    }

    @Test
    void aGridWithOneRefusedCellSavesTheOthersAndSaysSoCellByCell() throws Exception {
        twoPeopleInPathway();
        String month = java.time.YearMonth.from(TODAY).toString();
        when(pathways.command(any(), eq("PW-B"), eq("monthly-hours"), anyMap(), anyString())).thenThrow(new ServiceProblem(
                422, "monthly-hours-range", "hours", "too many", List.of()));
        when(pathways.command(any(), eq("PW-A"), eq("monthly-hours"), anyMap(), anyString())).thenReturn(node("{}"));
        String page = mvc.perform(post("/espace/heures").with(encadrant())
                        .param("_formKey", "grid-1").param("_csrf", tokens.csrfFor("encadrant-paris-1", "grid-1"))
                        .param("h|PW-A|" + month, "90").param("h|PW-B|" + month, "400"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1 cellule(s) enregistrée(s), 1 refusée(s)", "Les heures du mois vont de 0 à 152 h.",
                "value=\"400\"", "Enregistré");
        // each cell its own key, derived from the form's: posting the same grid again replays instead of recording twice
        verify(pathways).command(any(), eq("PW-A"), eq("monthly-hours"), eq(Map.of("month", month, "hours", 90.0)),
                eq("grid-1:PW-A:" + month));
    }

    @Test
    void aPersonTheServiceDoesNotShowIsNotFoundInFrench() throws Exception {
        when(participants.read(any(), eq("PSN-OTHER"))).thenThrow(new ServiceProblem(404, "not-found", null, "no", List.of()));
        assertThat(mvc.perform(get("/espace/salaries/PSN-OTHER").with(cip())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString()).contains("Page introuvable");
    }
}
