package fr.convergence.workspace;

import fr.convergence.workspace.security.FormTokens;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.PartnershipsApi;
import fr.convergence.workspace.services.PathwaysApi;
import fr.convergence.workspace.services.ServiceProblem;
import fr.convergence.workspace.web.FrenchDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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
 * Issue 18's forms and what the person's page shows of them, services replaced: the entry profile (then its
 * correction, which must say why), the accompaniment log, housing changes and the housing at exit, follow-up
 * contacts after the exit and the caseload's alert when one falls due, a date correction, and cancelling an exit
 * (the coordinator's, confirmed first, offered only while it may be). Each form: its success, a 422 placed on its
 * field, a 409 shown.
 */
class PathwaySituationPagesTest extends ServicesReplacedPageTest {


    private static final LocalDate TODAY = FrenchDates.today();
    private static final String PERSON = "/espace/salaries/PSN-AAAA";
    private static final String FORMS = PERSON + "/parcours/PW-1/";
    private static final String COORDINATOR_FORMS = "/espace/personnes/PSN-AAAA/parcours/PW-1/";

    static RequestPostProcessor cip() {
        return jwt().jwt(j -> j.subject("cip-aci-paris-1").claim("role", "cip").claim("territory", "paris")
                .claim("aci", "aci-paris-1").claim("name", "CIP aci-paris-1"));
    }

    static RequestPostProcessor coordinator() {
        return jwt().jwt(j -> j.subject("coordinator-paris").claim("role", "coordinator").claim("territory", "paris"));
    }

    private JsonNode node(String text) {
        return json.readTree(text);
    }

    private static String iso(LocalDate d) {
        return d.toString();
    }

    private static String fr(LocalDate d) {
        return FrenchDates.format(d);
    }

    @BeforeEach
    void aPerson() {
        String person = """
                {"participantId":"PSN-AAAA","aciId":"aci-paris-1","referentId":"cip-aci-paris-1","status":"ACTIVE",
                 "erased":false,"firstName":"Aïcha","lastName":"Benali","birthDate":"1990-04-02",
                 "registeredAt":"2026-01-05T10:00:00Z"}""";
        when(participants.ofAci(any(), eq("aci-paris-1"))).thenReturn(List.of(node(person)));
        when(participants.read(any(), eq("PSN-AAAA"))).thenReturn(node(person));
        when(participants.read(any(), eq("PSN-AAAA"), eq("territory-coordination"))).thenReturn(node(person));
        when(partnerships.followUpGroup(any(), eq("PSN-AAAA"))).thenReturn(node("{\"participantId\":\"PSN-AAAA\",\"members\":[]}"));
        when(participants.territory(any(), eq("paris"))).thenReturn(node("""
                {"code":"paris","name":"Paris","acis":[{"id":"aci-paris-1","name":"Atelier Un"}]}"""));
        when(pathways.events(any(), eq("PW-1"))).thenReturn(node("""
                [{"sequence":3,"type":"MonthlyHoursReported","occurredOn":"%s","recordedBy":"encadrant-paris-1",
                  "data":{"month":"%s","hours":80}},
                 {"sequence":2,"type":"BarrierAssessed","occurredOn":"%s","recordedBy":"cip-aci-paris-1",
                  "data":{"domain":"HOUSING","intensity":"HIGH","handling":"PARTNER"}},
                 {"sequence":1,"type":"ParticipantHired","occurredOn":"%s","recordedBy":"cip-aci-paris-1",
                  "data":{"programme":"CVG","plannedEnd":"%s","weeklyHours":26}}]""".formatted(iso(TODAY.minusMonths(1)),
                java.time.YearMonth.from(TODAY.minusMonths(1)), iso(TODAY.minusMonths(2)), iso(TODAY.minusMonths(3)),
                iso(TODAY.plusMonths(9)))));
        active("");
    }

    /** The person's pathway, active, with the view's extra fields given as JSON members (",\"x\":…"). */
    private void active(String extra) {
        pathway("""
                "status":"ACTIVE","startedOn":"%s","plannedEnd":"%s","weeklyHours":26,"monthsInPathway":3,
                "openBarriers":{},"monthlyHours":{}""".formatted(iso(TODAY.minusMonths(3)), iso(TODAY.plusMonths(9))) + extra);
    }

    private void exited(LocalDate exitedOn, String extra) {
        pathway("""
                "status":"EXITED","startedOn":"%s","plannedEnd":"%s","weeklyHours":26,"monthsInPathway":14,
                "exitedOn":"%s","exitReason":"CDI","exitCategory":"DURABLE_EMPLOYMENT","openBarriers":{},"monthlyHours":{}"""
                .formatted(iso(TODAY.minusMonths(16)), iso(TODAY.plusMonths(1)), iso(exitedOn)) + extra);
    }

    private void pathway(String members) {
        JsonNode view = node("{\"pathwayId\":\"PW-1\",\"participantId\":\"PSN-AAAA\",\"territory\":\"paris\","
                + "\"aciId\":\"aci-paris-1\",\"programme\":\"CVG\"," + members + "}");
        JsonNode line = node("{\"pathwayId\":\"PW-1\",\"participantId\":\"PSN-AAAA\",\"status\":\""
                + view.path("status").asString() + "\",\"programme\":\"CVG\",\"startedOn\":\"" + view.path("startedOn").asString()
                + "\",\"weeklyHours\":26" + (view.has("exitedOn") ? ",\"exitedOn\":\"" + view.path("exitedOn").asString() + "\"" : "")
                + "}");
        when(pathways.ofAci(any(), eq("aci-paris-1"))).thenReturn(List.of(line));
        when(pathways.read(any(), eq("PW-1"))).thenReturn(view);
        when(pathways.readAll(any(), anyList())).thenReturn(List.of(view));
    }

    private MockHttpServletRequestBuilder form(String url, String key, RequestPostProcessor who, String user) {
        return post(url).with(who).param("_formKey", key).param("_csrf", tokens.csrfFor(user, key));
    }

    private MockHttpServletRequestBuilder cipForm(String slug, String key) {
        return form(FORMS + slug, key, cip(), "cip-aci-paris-1");
    }

    private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    /** A box of a CHECKBOXES field rendered ticked. */
    private static final String TICKED = "value=\"%s\"[^>]*checked=\"checked\"";

    private static ServiceProblem refusal(int status, String rule, String field) {
        return new ServiceProblem(status, rule, field, "refused", field == null ? List.of()
                : List.of(new ServiceProblem.FieldError(field, rule, "refused")));
    }

    // ---- entry profile ----

    @Test
    void aFirstEntryProfileSendsItsCodesAndTheRightsTickedAsAList() throws Exception {
        String form = page(get(FORMS + "profil-entree").with(cip()), 200);
        assertThat(form).contains("<h1>Profil à l&#39;entrée — Aïcha BENALI</h1>", "<fieldset", "<legend",
                "Droits ouverts à l&#39;entrée (facultatif)", "Maraude, équipe mobile", "Hébergement d&#39;insertion (CHRS)",
                "for=\"rightsAtEntry\"", "for=\"rightsAtEntry-CSS\"")
                .doesNotContain("name=\"correctionReason\"");
        when(pathways.command(any(), eq("PW-1"), eq("entry-profile"), anyMap(), eq("p-1"))).thenReturn(node("{}"));

        mvc.perform(cipForm("profil-entree", "p-1").param("date", fr(TODAY.minusDays(2))).param("housing", "STREET")
                        .param("withoutHousing", "YEARS_2_TO_5").param("referredBy", "STREET_OUTREACH")
                        .param("healthCover", "CSS").param("rightsAtEntry", "RSA").param("rightsAtEntry", "CSS")
                        .param("withoutWork", "OVER_5_YEARS"))
                .andExpect(redirectedUrl(PERSON + "?enregistre=profil-entree"));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", iso(TODAY.minusDays(2)));
        body.put("housing", "STREET");
        body.put("withoutHousing", "YEARS_2_TO_5");
        body.put("referredBy", "STREET_OUTREACH");
        body.put("healthCover", "CSS");
        body.put("rightsAtEntry", List.of("RSA", "CSS"));
        body.put("withoutWork", "OVER_5_YEARS");
        verify(pathways).command(any(), eq("PW-1"), eq("entry-profile"), eq(body), eq("p-1"));
        assertThat(page(get(PERSON + "?enregistre=profil-entree").with(cip()), 200))
                .contains("Le profil à l&#39;entrée est enregistré.", "Pas encore renseigné.");
    }

    private static final String PROFILE = """
            ,"entryProfile":{"housing":"STREET","withoutHousing":"YEARS_2_TO_5","referredBy":"SIAO","healthCover":"CSS",
             "rightsAtEntry":["RSA","CSS"],"withoutWork":"OVER_5_YEARS","recordedOn":"%s","correctionOf":null,
             "correctionReason":null}""";

    @Test
    void anExistingProfileIsShownAndItsCorrectionMustSayWhy() throws Exception {
        active(PROFILE.formatted(iso(TODAY.minusMonths(2))));
        assertThat(page(get(PERSON).with(cip()), 200)).contains("id=\"profil\"", "À la rue", "De 2 à 5 ans", "SIAO",
                "RSA, Complémentaire santé solidaire", "Recueilli le", fr(TODAY.minusMonths(2)), ">Corriger le profil à l&#39;entrée<")
                .doesNotContain("Pas encore renseigné.");

        String form = page(get(FORMS + "profil-entree").with(cip()), 200);
        assertThat(form).contains("<h1>Corriger le profil à l&#39;entrée — Aïcha BENALI</h1>", "Le profil d&#39;origine reste dans l&#39;historique",
                "value=\"STREET\" selected=\"selected\"", "name=\"correctionReason\"",
                "value=\"" + fr(TODAY.minusMonths(2)) + "\"");
        assertThat(form).doesNotContain("Raison de la correction (facultatif)").containsPattern(TICKED.formatted("CSS"))
                .containsPattern(TICKED.formatted("RSA")).doesNotContainPattern(TICKED.formatted("AME"));

        // no reason: refused here, nothing sent
        String refused = page(cipForm("profil-entree", "p-2").param("date", fr(TODAY.minusMonths(2))).param("housing", "MAKESHIFT")
                .param("withoutHousing", "YEARS_2_TO_5").param("referredBy", "SIAO").param("healthCover", "CSS")
                .param("withoutWork", "OVER_5_YEARS"), 422);
        assertThat(refused).contains("id=\"correctionReason-erreur\"", "Ce champ est obligatoire.", "href=\"#correctionReason\"",
                "value=\"MAKESHIFT\" selected=\"selected\"");
        verify(pathways, never()).command(any(), any(), any(), any(), any());
    }

    @Test
    void theServicesRefusalOfAProfileLandsOnItsFieldAndAConflictIsSaid() throws Exception {
        active(PROFILE.formatted(iso(TODAY.minusMonths(2))));
        when(pathways.command(any(), eq("PW-1"), eq("entry-profile"), anyMap(), eq("p-3")))
                .thenThrow(refusal(422, "correction-reason-required", "correctionReason"));
        String page = page(cipForm("profil-entree", "p-3").param("date", fr(TODAY)).param("housing", "MAKESHIFT")
                .param("withoutHousing", "YEARS_2_TO_5").param("referredBy", "SIAO").param("healthCover", "CSS")
                .param("withoutWork", "OVER_5_YEARS").param("correctionReason", "DATA_ENTRY_ERROR"), 422);
        assertThat(page).contains("id=\"correctionReason-erreur\"", "indiquez pourquoi vous le corrigez",
                "<title>Erreur : Corriger le profil à l&#39;entrée");

        when(pathways.command(any(), eq("PW-1"), eq("entry-profile"), anyMap(), eq("p-4")))
                .thenThrow(refusal(409, "after-exit-only-follow-up", null));
        assertThat(page(cipForm("profil-entree", "p-4").param("date", fr(TODAY)).param("housing", "MAKESHIFT")
                .param("withoutHousing", "YEARS_2_TO_5").param("referredBy", "SIAO").param("healthCover", "CSS")
                .param("withoutWork", "OVER_5_YEARS").param("correctionReason", "DATA_ENTRY_ERROR"), 422))
                .contains("id=\"resume-erreurs\"", "Le parcours est terminé : seul le suivi après sortie peut encore");
    }

    // ---- accompaniment log ----

    @Test
    void anAccompanimentNamesRolesNeverPeopleAndIsCountedOnThePersonsPage() throws Exception {
        String form = page(get(FORMS + "accompagnement").with(cip()), 200);
        assertThat(form).contains("Qui y a pris part", "Des rôles, jamais de noms", "Travailleur·se social·e",
                "Accompagnement physique : rendez-vous de soins", "De 30 minutes à 1 heure").doesNotContain("type=\"text\" name=\"participants\"");

        // none ticked: said on the fieldset, nothing sent
        String none = page(cipForm("accompagnement", "a-1").param("date", fr(TODAY)).param("kind", "INTERVIEW")
                .param("length", "MINUTES_30_TO_60"), 422);
        assertThat(none).contains("id=\"participants-erreur\"", "Cochez au moins une case.", "fr-fieldset--error",
                "href=\"#participants\"");
        verify(pathways, never()).command(any(), any(), any(), any(), any());

        when(pathways.command(any(), eq("PW-1"), eq("accompaniments"), anyMap(), eq("a-2"))).thenReturn(node("{}"));
        mvc.perform(cipForm("accompagnement", "a-2").param("date", fr(TODAY)).param("kind", "VISIT_MEDICAL")
                        .param("length", "HALF_DAY").param("participants", "PARTICIPANT").param("participants", "SOCIAL_WORKER"))
                .andExpect(redirectedUrl(PERSON + "?enregistre=accompagnement"));
        verify(pathways).command(any(), eq("PW-1"), eq("accompaniments"), eq(Map.of("date", iso(TODAY), "kind", "VISIT_MEDICAL",
                "length", "HALF_DAY", "participants", List.of("PARTICIPANT", "SOCIAL_WORKER"))), eq("a-2"));

        active("""
                ,"housingSituation":"INSERTION_SHELTER",
                "accompaniments":{"total":7,"interviews":4,"accompaniedVisits":2,"caseConferences":1,"lastOn":"%s"}"""
                .formatted(iso(TODAY.minusDays(3))));
        when(pathways.events(any(), eq("PW-1"))).thenReturn(node("""
                [{"sequence":4,"type":"AccompanimentRecorded","occurredOn":"%s","recordedBy":"cip-aci-paris-1",
                  "data":{"kind":"VISIT_MEDICAL","length":"HALF_DAY","participants":["PARTICIPANT","SOCIAL_WORKER"]}},
                 {"sequence":1,"type":"ParticipantHired","occurredOn":"%s","recordedBy":"cip-aci-paris-1",
                  "data":{"programme":"CVG","plannedEnd":"%s","weeklyHours":26}}]""".formatted(iso(TODAY.minusDays(3)),
                iso(TODAY.minusMonths(3)), iso(TODAY.plusMonths(9)))));
        String person = page(get(PERSON + "?enregistre=accompagnement").with(cip()), 200);
        assertThat(person).contains("L&#39;accompagnement est enregistré.", "<dt>Entretiens</dt><dd>4</dd>",
                "<dd>2</dd>", "<dt>Réunions de concertation</dt><dd>1</dd>", "<dt>Total</dt><dd>7</dd>",
                "id=\"dernier-accompagnement\">" + fr(TODAY.minusDays(3)) + "<",
                "Situation actuelle : Hébergement d&#39;insertion (CHRS)",
                "Accompagnement physique : rendez-vous de soins", "Une demi-journée, avec : le ou la salarié·e, travailleur·se social·e");
    }

    @Test
    void anAccompanimentRefusedOnItsDateOrByTheStateSaysSo() throws Exception {
        when(pathways.command(any(), eq("PW-1"), eq("accompaniments"), anyMap(), eq("a-3")))
                .thenThrow(refusal(422, "date-not-in-future", "date"));
        assertThat(page(cipForm("accompagnement", "a-3").param("date", fr(TODAY.plusDays(5))).param("kind", "INTERVIEW")
                .param("length", "UNDER_30_MINUTES").param("participants", "CIP"), 422))
                                .contains("id=\"date-erreur\"", "La date ne peut pas être dans le futur.")
                .containsPattern(TICKED.formatted("CIP"));
        when(pathways.command(any(), eq("PW-1"), eq("accompaniments"), anyMap(), eq("a-4")))
                .thenThrow(refusal(409, "follow-up-window", null));
        assertThat(page(cipForm("accompagnement", "a-4").param("date", fr(TODAY)).param("kind", "INTERVIEW")
                .param("length", "UNDER_30_MINUTES").param("participants", "CIP"), 422))
                .contains("id=\"resume-erreurs\"", "Le suivi après sortie se tient dans les 12 mois");
    }

    // ---- housing ----

    @Test
    void aHousingChangeIsSentAndTheSameSituationAgainIsRefusedOnItsField() throws Exception {
        when(pathways.command(any(), eq("PW-1"), eq("housing-situation"), anyMap(), eq("h-1"))).thenReturn(node("{}"));
        mvc.perform(cipForm("situation-logement", "h-1").param("date", fr(TODAY)).param("situation", "SOCIAL_HOTEL"))
                .andExpect(redirectedUrl(PERSON + "?enregistre=situation-logement"));
        verify(pathways).command(any(), eq("PW-1"), eq("housing-situation"),
                eq(Map.of("date", iso(TODAY), "situation", "SOCIAL_HOTEL")), eq("h-1"));

        when(pathways.command(any(), eq("PW-1"), eq("housing-situation"), anyMap(), eq("h-2")))
                .thenThrow(refusal(422, "housing-situation-change", "situation"));
        assertThat(page(cipForm("situation-logement", "h-2").param("date", fr(TODAY)).param("situation", "SOCIAL_HOTEL"), 422))
                .contains("id=\"situation-erreur\"", "C&#39;est déjà la situation de logement enregistrée.");

        when(pathways.command(any(), eq("PW-1"), eq("housing-situation"), anyMap(), eq("h-3")))
                .thenThrow(refusal(409, "concurrent-update", null));
        assertThat(page(cipForm("situation-logement", "h-3").param("date", fr(TODAY)).param("situation", "STREET"), 422))
                .contains("id=\"resume-erreurs\"", "Le parcours vient d&#39;être modifié par ailleurs : réessayez.");
    }

    @Test
    void theExitTakesAnOptionalHousingSituation() throws Exception {
        assertThat(page(get(FORMS + "sortie").with(cip()), 200))
                .contains("Situation de logement à la sortie (facultatif)", "Laissée vide : la dernière situation connue");
        when(pathways.command(any(), eq("PW-1"), eq("exit"), anyMap(), anyString())).thenReturn(node("{}"));
        mvc.perform(cipForm("sortie", "x-1").param("date", fr(TODAY)).param("reason", "CDI"))
                .andExpect(redirectedUrl(PERSON + "?enregistre=sortie"));
        verify(pathways).command(any(), eq("PW-1"), eq("exit"), eq(Map.of("date", iso(TODAY), "reason", "CDI")), eq("x-1"));
        mvc.perform(cipForm("sortie", "x-2").param("date", fr(TODAY)).param("reason", "CDI").param("housingAtExit", "DURABLE_HOUSING"))
                .andExpect(redirectedUrl(PERSON + "?enregistre=sortie"));
        verify(pathways).command(any(), eq("PW-1"), eq("exit"),
                eq(Map.of("date", iso(TODAY), "reason", "CDI", "housingAtExit", "DURABLE_HOUSING")), eq("x-2"));

        when(pathways.command(any(), eq("PW-1"), eq("exit"), anyMap(), eq("x-3"))).thenThrow(refusal(422, "validation", "housingAtExit"));
        assertThat(page(cipForm("sortie", "x-3").param("date", fr(TODAY)).param("reason", "CDI").param("housingAtExit", "STREET"), 422))
                .contains("id=\"housingAtExit-erreur\"");
    }

    // ---- follow-up after the exit ----

    private void exitedWithContacts(LocalDate exitedOn, LocalDate nextDue) {
        exited(exitedOn, """
                ,"housingAtExit":"DURABLE_HOUSING",
                "followUpContacts":[{"milestoneMonths":1,"date":"%s","employment":"CDI","housing":"DURABLE_HOUSING","newDifficulty":"HEALTH"}],
                "followUpDue":[{"milestoneMonths":3,"dueOn":"%s"},{"milestoneMonths":6,"dueOn":"%s"}]"""
                .formatted(iso(exitedOn.plusMonths(1)), iso(nextDue), iso(nextDue.plusMonths(3))));
    }

    @Test
    void afterTheExitThePageListsContactsDoneAndDueAndOffersTheFollowUpForms() throws Exception {
        LocalDate exitedOn = TODAY.minusMonths(3).plusDays(3);
        exitedWithContacts(exitedOn, TODAY.minusDays(2));
        String page = page(get(PERSON).with(cip()), 200);
        assertThat(page).contains("Suivi après sortie", "Contact à 3 mois, attendu le " + fr(TODAY.minusDays(2)), "En retard",
                "Contact à 1 mois, le " + fr(exitedOn.plusMonths(1)) + " : En CDI ; Logement durable (locataire ou propriétaire) ; nouvelle difficulté : Santé",
                "Logement durable (locataire ou propriétaire)", "/parcours/PW-1/contact-suivi", "/parcours/PW-1/accompagnement",
                "/parcours/PW-1/situation-logement", "/parcours/PW-1/ouverture-de-droits", "/parcours/PW-1/debut-suivi")
                .doesNotContain("/parcours/PW-1/sortie\"", "/parcours/PW-1/annuler-sortie", "/parcours/PW-1/profil-entree");

        assertThat(page(get(FORMS + "contact-suivi").with(cip()), 200))
                .contains("la plus proche de sa date (1, 3, 6 ou 12 mois après la sortie)", "Nouvelle difficulté (facultatif)");
        when(pathways.command(any(), eq("PW-1"), eq("follow-up/contacts"), anyMap(), eq("c-1"))).thenReturn(node("{}"));
        mvc.perform(cipForm("contact-suivi", "c-1").param("date", fr(TODAY)).param("employment", "CDD_UNDER_6_MONTHS")
                        .param("housing", "DURABLE_HOUSING").param("newDifficulty", ""))
                .andExpect(redirectedUrl(PERSON + "?enregistre=contact-suivi"));
        verify(pathways).command(any(), eq("PW-1"), eq("follow-up/contacts"),
                eq(Map.of("date", iso(TODAY), "employment", "CDD_UNDER_6_MONTHS", "housing", "DURABLE_HOUSING")), eq("c-1"));
    }

    @Test
    void aFollowUpContactRefusedSaysWhyWhereItBelongs() throws Exception {
        exitedWithContacts(TODAY.minusMonths(3), TODAY);
        when(pathways.command(any(), eq("PW-1"), eq("follow-up/contacts"), anyMap(), eq("c-2")))
                .thenThrow(refusal(422, "follow-up-window", "date"));
        assertThat(page(cipForm("contact-suivi", "c-2").param("date", fr(TODAY)).param("employment", "CDI")
                .param("housing", "STREET").param("newDifficulty", "ADDICTION"), 422))
                .contains("id=\"date-erreur\"", "Le suivi après sortie se tient dans les 12 mois", "value=\"ADDICTION\" selected=\"selected\"");
        when(pathways.command(any(), eq("PW-1"), eq("follow-up/contacts"), anyMap(), eq("c-3")))
                .thenThrow(refusal(409, "follow-up-started", null));
        assertThat(page(cipForm("contact-suivi", "c-3").param("date", fr(TODAY)).param("employment", "CDI")
                .param("housing", "STREET"), 422)).contains("id=\"resume-erreurs\"", "Aucun suivi après sortie n&#39;est en cours.");
    }

    @Test
    void theCaseloadRaisesAContactToMakeWhenOneIsDueWithinAWeekOrOverdue() throws Exception {
        exitedWithContacts(TODAY.minusMonths(3), TODAY.plusDays(20));
        assertThat(page(get("/espace/salaries").with(cip()), 200)).doesNotContain("Contact de suivi à faire");
        exitedWithContacts(TODAY.minusMonths(3), TODAY.plusDays(5));
        assertThat(page(get("/espace/salaries").with(cip()), 200)).contains("Contact de suivi à faire", fr(TODAY.plusDays(5)));
        exitedWithContacts(TODAY.minusMonths(3), TODAY.minusDays(4));
        assertThat(page(get("/espace/salaries").with(cip()), 200)).contains("Contact de suivi à faire", fr(TODAY.minusDays(4)));
    }

    // ---- corrections ----

    @Test
    void aDateCorrectionOffersTheEventsItMayCorrectAndSendsTheSequence() throws Exception {
        String form = page(get(FORMS + "corriger-date").with(cip()), 200);
        assertThat(form).contains("Embauche (n° 1)", "Frein identifié (n° 2)", "L&#39;événement n&#39;est pas réécrit")
                .doesNotContain("(n° 3)");
        when(pathways.command(any(), eq("PW-1"), eq("corrections/date"), anyMap(), eq("d-1"))).thenReturn(node("{}"));
        mvc.perform(cipForm("corriger-date", "d-1").param("sequence", "1").param("rightDate", fr(TODAY.minusMonths(4)))
                        .param("reason", "DOCUMENT_RECEIVED"))
                .andExpect(redirectedUrl(PERSON + "?enregistre=corriger-date"));
        verify(pathways).command(any(), eq("PW-1"), eq("corrections/date"),
                eq(Map.of("sequence", 1L, "rightDate", iso(TODAY.minusMonths(4)), "reason", "DOCUMENT_RECEIVED")), eq("d-1"));

        // an event the form does not offer is refused here
        assertThat(page(cipForm("corriger-date", "d-2").param("sequence", "3").param("rightDate", fr(TODAY))
                .param("reason", "OTHER"), 422)).contains("id=\"sequence-erreur\"");
        when(pathways.command(any(), eq("PW-1"), eq("corrections/date"), anyMap(), eq("d-3")))
                .thenThrow(refusal(422, "correction-changes-date", "rightDate"));
        assertThat(page(cipForm("corriger-date", "d-3").param("sequence", "2").param("rightDate", fr(TODAY.minusYears(2)))
                .param("reason", "OTHER"), 422)).contains("id=\"rightDate-erreur\"", "C&#39;est déjà la date de cet événement.");
        when(pathways.command(any(), eq("PW-1"), eq("corrections/date"), anyMap(), eq("d-4")))
                .thenThrow(refusal(409, "concurrent-update", null));
        assertThat(page(cipForm("corriger-date", "d-4").param("sequence", "2").param("rightDate", fr(TODAY))
                .param("reason", "OTHER"), 422)).contains("id=\"resume-erreurs\"", "Le parcours vient d&#39;être modifié");
    }

    @Test
    void theCoordinatorCorrectsADateFromTheTerritorysPersonPage() throws Exception {
        assertThat(page(get("/espace/personnes/PSN-AAAA").with(coordinator()), 200))
                .contains("/espace/personnes/PSN-AAAA/parcours/PW-1/corriger-date").doesNotContain("annuler-sortie");
        when(pathways.command(any(), eq("PW-1"), eq("corrections/date"), anyMap(), eq("d-5"))).thenReturn(node("{}"));
        mvc.perform(form(COORDINATOR_FORMS + "corriger-date", "d-5", coordinator(), "coordinator-paris")
                        .param("sequence", "2").param("rightDate", fr(TODAY.minusMonths(2).minusDays(1))).param("reason", "DATA_ENTRY_ERROR"))
                .andExpect(redirectedUrl("/espace/personnes/PSN-AAAA?enregistre=corriger-date"));
        assertThat(page(get("/espace/personnes/PSN-AAAA?enregistre=corriger-date").with(coordinator()), 200))
                .contains("La date est corrigée");
        // the coordinator does not get the CIP's other forms
        mvc.perform(get(COORDINATOR_FORMS + "heures-hebdomadaires").with(coordinator())).andExpect(status().isForbidden());
    }

    @Test
    void cancellingAnExitIsTheCoordinatorsOfferedOnlyWhileItMayBeAndConfirmedFirst() throws Exception {
        exited(TODAY.minusDays(5), ",\"exitCancellableUntil\":\"" + iso(TODAY.plusDays(25)) + "\"");
        assertThat(page(get("/espace/personnes/PSN-AAAA").with(coordinator()), 200))
                .contains("/espace/personnes/PSN-AAAA/parcours/PW-1/annuler-sortie", "Possible jusqu&#39;au " + fr(TODAY.plusDays(25)));
        // never the CIP's
        assertThat(page(get(PERSON).with(cip()), 200)).doesNotContain("annuler-sortie");
        mvc.perform(get(FORMS + "annuler-sortie").with(cip())).andExpect(status().isForbidden());

        String form = page(get(COORDINATOR_FORMS + "annuler-sortie").with(coordinator()), 200);
        assertThat(form).contains("<h1>Annuler la sortie — Aïcha BENALI</h1>", "La sortie du " + fr(TODAY.minusDays(5)) + " (CDI) sera annulée",
                "ne compte plus parmi les sorties", "Annulation possible jusqu&#39;au " + fr(TODAY.plusDays(25)),
                "Je confirme l&#39;annulation de cette sortie", ">Annuler la sortie</button>");

        // not confirmed: nothing sent
        assertThat(page(form(COORDINATOR_FORMS + "annuler-sortie", "e-1", coordinator(), "coordinator-paris")
                .param("reason", "EXIT_DID_NOT_HAPPEN"), 422)).contains("id=\"confirm-erreur\"", "Cochez la case pour confirmer.");
        verify(pathways, never()).command(any(), any(), any(), any(), any());

        when(pathways.command(any(), eq("PW-1"), eq("exit/cancellation"), anyMap(), eq("e-2"))).thenReturn(node("{}"));
        mvc.perform(form(COORDINATOR_FORMS + "annuler-sortie", "e-2", coordinator(), "coordinator-paris")
                        .param("reason", "EXIT_DID_NOT_HAPPEN").param("confirm", "true"))
                .andExpect(redirectedUrl("/espace/personnes/PSN-AAAA?enregistre=annuler-sortie"));
        verify(pathways).command(any(), eq("PW-1"), eq("exit/cancellation"), eq(Map.of("reason", "EXIT_DID_NOT_HAPPEN")), eq("e-2"));

        when(pathways.command(any(), eq("PW-1"), eq("exit/cancellation"), anyMap(), eq("e-3")))
                .thenThrow(refusal(409, "exit-cancel-before-follow-up", null));
        assertThat(page(form(COORDINATOR_FORMS + "annuler-sortie", "e-3", coordinator(), "coordinator-paris")
                .param("reason", "EXIT_DID_NOT_HAPPEN").param("confirm", "true"), 422))
                .contains("id=\"resume-erreurs\"", "Le suivi après sortie a commencé : la sortie ne peut plus être annulée.");
        when(pathways.command(any(), eq("PW-1"), eq("exit/cancellation"), anyMap(), eq("e-4")))
                .thenThrow(refusal(422, "validation", "reason"));
        assertThat(page(form(COORDINATOR_FORMS + "annuler-sortie", "e-4", coordinator(), "coordinator-paris")
                .param("reason", "OTHER").param("confirm", "true"), 422)).contains("id=\"reason-erreur\"");
    }

    @Test
    void aServicesRefusalOfTheCallerIsShownAsAccessRefused() throws Exception {
        exited(TODAY.minusDays(5), ",\"exitCancellableUntil\":\"" + iso(TODAY.plusDays(25)) + "\"");
        when(pathways.command(any(), eq("PW-1"), eq("exit/cancellation"), anyMap(), eq("e-5")))
                .thenThrow(refusal(403, "forbidden", null));
        assertThat(page(form(COORDINATOR_FORMS + "annuler-sortie", "e-5", coordinator(), "coordinator-paris")
                .param("reason", "OTHER").param("confirm", "true"), 403)).contains("Accès refusé");
    }

    @Test
    void anExitPastItsCancellationWindowIsNotOfferedForCancelling() throws Exception {
        exited(TODAY.minusDays(40), ",\"exitCancellableUntil\":\"" + iso(TODAY.minusDays(10)) + "\"");
        assertThat(page(get("/espace/personnes/PSN-AAAA").with(coordinator()), 200))
                .doesNotContain("annuler-sortie").contains("Plus possible");
        exited(TODAY.minusDays(40), ",\"exitCancellableUntil\":null");
        assertThat(page(get("/espace/personnes/PSN-AAAA").with(coordinator()), 200)).doesNotContain("annuler-sortie");
    }
}
