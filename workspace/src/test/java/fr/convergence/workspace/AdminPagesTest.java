package fr.convergence.workspace;

import fr.convergence.workspace.security.FormTokens;
import fr.convergence.workspace.services.DeadLetterSources;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.PartnershipsApi;
import fr.convergence.workspace.services.PathwaysApi;
import fr.convergence.workspace.services.ReportingApi;
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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrator's pages with the services replaced: reference data (dates and contacts read tolerantly, the
 * programmes sent as one list, a refusal next to its field), dead letters of every source (cause shown, body and key
 * never), replay with the form's key, and a rebuild's progress polled while it runs, with the automatic switch said.
 */
class AdminPagesTest extends ServicesReplacedPageTest {

    @MockitoBean
    ReportingApi reporting;
    @MockitoBean
    DeadLetterSources deadLetters;


    static RequestPostProcessor admin() {
        return jwt().jwt(j -> j.subject("admin").claim("role", "admin"));
    }

    private JsonNode node(String text) {
        return json.readTree(text);
    }

    private void paris() {
        JsonNode paris = node("""
                {"code":"paris","name":"Paris","acis":[
                  {"id":"aci-paris-1","name":"Atelier <b>Un</b>","siret":"73282932000074","programmes":["CVG","PHC"],
                   "localCoordination":true,"joinedOn":"2019-03-01","leftOn":null,"contactEmail":"accueil@aci1.fr"},
                  {"id":"aci-paris-2","name":"Atelier Deux","siret":"35600000000048","programmes":["PHC"],"localCoordination":false}]}""");
        when(participants.territories(any())).thenReturn(json.createArrayNode().add(paris));
        when(participants.territory(any(), eq("paris"))).thenReturn(paris);
    }

    @Test
    void referenceDataShowsEachAciWithItsDatesAndContactWhenKnown() throws Exception {
        paris();
        String page = mvc.perform(get("/espace/administration/referentiel").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Atelier &lt;b&gt;Un&lt;/b&gt;", "73282932000074", "Convergence, Premières Heures en Chantier",
                "Porte la coordination locale", "Depuis le 01/03/2019", "accueil@aci1.fr", "Dates non renseignées",
                "Non renseigné", "/espace/administration/referentiel/paris/aci/nouvelle")
                .doesNotContain("<b>Un</b>", ">PHC<");
    }

    @Test
    void anAciIsChangedWithItsProgrammesAsOneListAndARefusalLandsNextToItsField() throws Exception {
        paris();
        String form = mvc.perform(get("/espace/administration/referentiel/paris/aci/aci-paris-1").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"01/03/2019\"", "value=\"accueil@aci1.fr\"", "Modifier l&#39;ACI");
        String key = tokens.newFormKey();
        mvc.perform(post("/espace/administration/referentiel/paris/aci/aci-paris-1").with(admin())
                        .param("_formKey", key).param("_csrf", tokens.csrfFor("admin", key)).param("name", "Atelier Un")
                        .param("siret", "73282932000074").param("programmeCVG", "true").param("joinedOn", "01/03/2019")
                        .param("leftOn", "31/12/2026"))
                .andExpect(redirectedUrl("/espace/administration/referentiel?enregistre=aci"));
        verify(participants).changeAci(any(), eq("paris"), eq("aci-paris-1"), eq(Map.of("name", "Atelier Un",
                "siret", "73282932000074", "programmes", List.of("CVG"), "localCoordination", false,
                "joinedOn", "2019-03-01", "leftOn", "2026-12-31")), eq(key));

        String second = tokens.newFormKey();
        when(participants.addAci(any(), eq("paris"), anyMap(), eq(second))).thenThrow(new ServiceProblem(400, "validation",
                null, "bad", List.of(new ServiceProblem.FieldError("programmes", "NotEmpty", "empty"),
                new ServiceProblem.FieldError("siret", "ValidSiret", "bad"))));
        String refused = mvc.perform(post("/espace/administration/referentiel/paris/aci/nouvelle").with(admin())
                        .param("_formKey", second).param("_csrf", tokens.csrfFor("admin", second)).param("name", "Nouvelle")
                        .param("siret", "123"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Choisissez au moins une valeur.", "Ce numéro SIRET n&#39;est pas valide", "value=\"Nouvelle\"");
    }

    @Test
    void deadLettersOfEverySourceShowTheirCauseButNeverTheEventOrItsKey() throws Exception {
        DeadLetterSources.Source partnership = new DeadLetterSources.Source("partenariats", "Partenariats (besoins et orientations)", null, "/p");
        DeadLetterSources.Source reportingSource = new DeadLetterSources.Source("indicateurs", "Indicateurs nationaux", null, "/r");
        DeadLetterSources.Source pathway = new DeadLetterSources.Source("parcours", "Parcours", null, "/x");
        when(deadLetters.listAll(any())).thenReturn(List.of(
                new DeadLetterSources.Listing(partnership, List.of(new DeadLetterSources.Letter("partenariats",
                        "convergence.paris.pathway.v1:0:42", "convergence.paris.pathway.v1", 42, "missing field domain",
                        "", "2026-03-01T10:00:00Z", 1, "PARKED", "")), null),
                new DeadLetterSources.Listing(reportingSource, List.of(new DeadLetterSources.Letter("indicateurs", "d-1",
                        "convergence.lyon.pathway.v1", 7, "territory-mismatch", "event for paris on lyon", "2026-03-02T10:00:00Z",
                        2, "PARKED", ""), new DeadLetterSources.Letter("indicateurs", "d-0",
                        "convergence.lyon.pathway.v1", 3, "invalid-event", "", "2026-02-02T10:00:00Z", 3, "DISCARDED",
                        "<b>doublon</b> saisi à la main")), null),
                new DeadLetterSources.Listing(pathway, List.of(), "Ce service n'expose pas (encore) de lettres mortes.")));
        String page = mvc.perform(get("/espace/administration/lettres-mortes").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("2 événement(s) en attente", "Parcours — Paris", "position 42", "missing field domain",
                "Événement d&#39;un autre territoire que son flux", "Parcours — Lyon", "n&#39;expose pas (encore)", "Rejouer")
                .doesNotContain("territory-mismatch<", "PSN-");
        when(deadLetters.source("indicateurs")).thenReturn(Optional.of(reportingSource));
        String key = tokens.newFormKey();
        when(deadLetters.retry(any(), eq(reportingSource), eq("d-1"), eq(key))).thenThrow(new ServiceProblem(422,
                "dead-letter-still-failing", null, "still", List.of()));
        String refused = mvc.perform(post("/espace/administration/lettres-mortes/rejeu").with(admin()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("admin", key)).param("source", "indicateurs").param("id", "d-1"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Le rejeu n&#39;a pas abouti", "ne peut toujours pas être traité");
        assertThat(page).contains("Écarter", "Raison de l'écarter", "Écarté : &lt;b&gt;doublon&lt;/b&gt; saisi à la main");

        // discarding needs a reason; with one, it is sent with the form's key
        String noReason = mvc.perform(post("/espace/administration/lettres-mortes/ecart").with(admin()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("admin", key)).param("source", "indicateurs").param("id", "d-1")
                        .param("note", "  ")).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(noReason).contains("L&#39;écart n&#39;a pas abouti", "Dites pourquoi vous écartez cet événement");
        org.mockito.Mockito.verify(deadLetters, org.mockito.Mockito.never()).discard(any(), any(), any(), any(), any());
        mvc.perform(post("/espace/administration/lettres-mortes/ecart").with(admin()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("admin", key)).param("source", "indicateurs").param("id", "d-1")
                        .param("note", "territoire fermé"))
                .andExpect(redirectedUrl("/espace/administration/lettres-mortes?enregistre=ecart"));
        org.mockito.Mockito.verify(deadLetters).discard(any(), eq(reportingSource), eq("d-1"), eq("territoire fermé"), eq(key));
    }

    @Test
    void aRunningRebuildIsPolledAndAFinishedOneSaysTheSwitchIsAutomatic() throws Exception {
        when(reporting.currentRebuild(any())).thenReturn(node("""
                {"generation":3,"state":"RUNNING","done":1500,"total":6000,"ratePerSecond":250.5,"secondsLeft":18,
                 "startedAt":"2026-03-01T10:00:00Z","finishedAt":null,"error":null}"""));
        String running = mvc.perform(get("/espace/administration/reconstructions/progression").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(running).contains("hx-get=\"/espace/administration/reconstructions/progression\"", "every 2s",
                "Génération 3 : En cours", "value=\"25\"", "1 500 événements relus sur 6 000 (25 %)", "250,5 par seconde",
                "environ 18 s restantes").doesNotContain("<html", "Lancer une reconstruction");
        when(reporting.currentRebuild(any())).thenReturn(node("""
                {"generation":3,"state":"DONE","done":6010,"total":6000,"ratePerSecond":300,"secondsLeft":0,
                 "startedAt":"2026-03-01T10:00:00Z","finishedAt":"2026-03-01T10:00:20Z"}"""));
        String done = mvc.perform(get("/espace/administration/reconstructions").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(done).contains("Terminée", "bascule automatique", "(100 %)", "Lancer une reconstruction")
                .doesNotContain("hx-trigger=\"every 2s\"");
    }

    @Test
    void startingARebuildWhileOneRunsIsSaidInFrench() throws Exception {
        when(reporting.currentRebuild(any())).thenThrow(new ServiceProblem(404, "not-found", null, "none", List.of()));
        String page = mvc.perform(get("/espace/administration/reconstructions").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Aucune reconstruction depuis le dernier démarrage");
        String key = tokens.newFormKey();
        when(reporting.startRebuild(any(), eq(key))).thenThrow(new ServiceProblem(409, "rebuild-running", null, "running", List.of()));
        String refused = mvc.perform(post("/espace/administration/reconstructions").with(admin()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("admin", key)))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Une reconstruction est déjà en cours");
    }

    @Test
    void aTerritoryJoinsWithItsCodeAndNameAndAnExistingCodeIsSaidInFrench() throws Exception {
        String key = tokens.newFormKey();
        mvc.perform(post("/espace/administration/referentiel/nouveau-territoire").with(admin()).param("_formKey", key)
                        .param("_csrf", tokens.csrfFor("admin", key)).param("code", "somme").param("name", "Somme"))
                .andExpect(redirectedUrl("/espace/administration/referentiel?enregistre=territoire"));
        verify(participants).addTerritory(any(), eq(Map.of("code", "somme", "name", "Somme")), eq(key));
        String second = tokens.newFormKey();
        when(participants.addTerritory(any(), anyMap(), eq(second))).thenThrow(new ServiceProblem(409, "territory-exists",
                null, "exists", List.of()));
        String refused = mvc.perform(post("/espace/administration/referentiel/nouveau-territoire").with(admin())
                        .param("_formKey", second).param("_csrf", tokens.csrfFor("admin", second)).param("code", "paris")
                        .param("name", "Paris"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Ce code de territoire existe déjà.", "value=\"paris\"");
    }
}
