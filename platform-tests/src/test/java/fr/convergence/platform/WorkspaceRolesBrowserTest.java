package fr.convergence.platform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17: the other roles' pages of the staff workspace in a real headless Chromium, signed in through the
 * gateway's login form, on the real identity provider, participant, pathway, partnership and reporting services
 * (one platform start for the class). The partnership officer answers a need by a referral to a partner and records
 * the partner's answers; the auditor finds the person, reads the history across services, the state on a past day,
 * the chain verification and who read the file, and downloads the PDF; the national auditor opens the file by
 * pseudonymous id and another territory's auditor does not find it; the coordinator reads the network, runs the
 * follow-up group, moves the person to another ACI and erases them after the confirmation; the administrator changes
 * an ACI (a refusal next to its field), reads the dead letters of every consumer and follows a rebuild's progress to
 * the automatic switch — and sees no personal data. axe-core finds no WCAG 2.1 A/AA violation on any page visited,
 * and each main flow is done once with the keyboard only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceRolesBrowserTest {

    static Platform platform;
    static String gateway;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final LocalDate TODAY = LocalDate.now(PARIS);
    private static final LocalDate HIRED = TODAY.minusMonths(2);
    /** Hostile text in the data: it must be shown as text, never run. */
    static final String FIRST_NAME = "<script>alert('x')</script>";
    static final String LAST_NAME = "Lefèvre-Rôles";
    static final String PARTNER = "Toit d'abord <img src=x onerror=alert(1)>";
    static String participantId;
    /** A record no consumer can read (not JSON), for the dead letters. */
    static final String POISON = "not an event at all";

    @BeforeAll
    static void start() throws Exception {
        platform = new Platform(Files.createTempDirectory("workspace-roles-e2e"));
        platform.service("participant", "participant-service", Map.of("TERRITORY", "paris", "MONGODB_DATABASE", "participant_roles"));
        platform.startInfrastructure();
        platform.start("participant");
        platform.service("partnership", "partnership-service", Map.of("TERRITORY", "paris", "MONGODB_DATABASE", "partnership_roles"));
        platform.start("partnership");
        platform.service("pathway", "pathway-service", Map.of("TERRITORY", "paris", "MONGODB_DATABASE", "pathway_roles",
                "PARTICIPANT_URL", platform.url("participant"), "PARTNERSHIP_URL", platform.url("partnership")));
        platform.start("pathway");
        platform.service("reporting", "reporting-service", Map.of("MONGODB_DATABASE", "reporting_roles"));
        platform.start("reporting");
        platform.service("workspace", "workspace", Map.of("PARTICIPANT_URL", platform.url("participant"),
                "PATHWAY_URL", platform.url("pathway"), "PARTNERSHIP_URL", platform.url("partnership"),
                "REPORTING_URL", platform.url("reporting"), "AUDIT_URL", platform.url("pathway")));
        platform.start("workspace");
        platform.service("gateway", "gateway", Map.of("PARTICIPANT_URL", platform.url("participant"),
                "PATHWAY_URL", platform.url("pathway"), "WORKSPACE_URL", platform.url("workspace"),
                "PARTNERSHIP_URL", platform.url("partnership"), "REPORTING_URL", platform.url("reporting"),
                "AUDIT_URL", platform.url("pathway")));
        platform.start("gateway");
        gateway = platform.url("gateway");
        seed();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    /**
     * What the roles work on, written through the API as the other roles would: a housing partner with an agreement
     * (the coordinator), a person hired two months ago with a housing barrier a partner should handle (her CIP).
     */
    private static void seed() {
        Api coordinator = new Api(gateway).as(platform.signIn(), "coordinator-paris");
        Api.Reply partner = coordinator.post("/api/partnerships/partners", """
                {"name":%s,"domains":["HOUSING"],"contacts":[{"name":"Accueil","email":"accueil@toit.example"}]}"""
                .formatted(Api.JSON.valueToTree(PARTNER).toString()));
        assertThat(partner.status()).as(partner.raw()).isIn(200, 201);
        assertThat(coordinator.post("/api/partnerships/partners/" + partner.body().get("id").asText() + "/agreements", """
                {"startsOn":"%s","scope":["HOUSING"]}""".formatted(TODAY.minusYears(1))).status()).isIn(200, 201);
        Api cip = new Api(gateway).as(platform.signIn(), "cip-aci-paris-1");
        Api.Reply registered = cip.post("/api/participants", """
                {"firstName":%s,"lastName":"%s","birthDate":"1985-05-05","referentId":"cip-aci-paris-1","aciId":"aci-paris-1"}"""
                .formatted(Api.JSON.valueToTree(FIRST_NAME).toString(), LAST_NAME));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        participantId = registered.body().get("participantId").asText();
        Api.Reply hired = cip.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"CVG","contractStart":"%s","plannedEnd":"%s","weeklyHours":24}"""
                .formatted(participantId, HIRED, HIRED.plusMonths(12)));
        assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        Api.Reply barrier = cip.post("/api/pathways/" + hired.body().get("pathwayId").asText() + "/barriers", """
                {"date":"%s","domain":"HOUSING","intensity":"HIGH","handling":"PARTNER"}""".formatted(HIRED.plusDays(3)));
        assertThat(barrier.status()).as(barrier.raw()).isEqualTo(200);
    }

    /** Writes one raw record to a topic, as a faulty producer would. */
    private static void poison(String topic, String value) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", platform.kafkaBootstrap());
        p.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        p.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(p)) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "poison", value)).get();
        }
    }

    private static String fr(LocalDate date) {
        return date.format(FR);
    }

    /** No script of the data ran: hostile names are text. */
    private static void noAlert(Browser browser) {
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private static void waitFor(Browser browser, int seconds, java.util.function.Supplier<Boolean> condition, String what) {
        // a boosted navigation swaps the body under our feet: an element gone stale is "not yet"
        new WebDriverWait(browser.driver, Duration.ofSeconds(seconds)).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> condition.get());
    }

    @Test
    @Order(1)
    void aPartnershipOfficerAnswersANeedWithAReferralAndRecordsThePartnersAnswers() throws Exception {
        try (Browser browser = new Browser()) {
            WorkspacePages ws = new WorkspacePages(browser);
            browser.signInAt(gateway + "/", "cdp-paris", "demo");
            ws.at("Besoins à traiter");
            assertThat(ws.text("qui")).contains("Chargé·e de partenariat", "Paris");
            // partnership-service hears of the barrier over Kafka; the queue shows the need once it is there
            waitFor(browser, 60, () -> {
                ws.open(gateway + "/espace/besoins");
                ws.at("Besoins à traiter");
                return ws.text("file").contains(participantId);
            }, "the housing need reaches the queue");
            ws.assertAccessible();
            ws.screenshot("cdp");
            assertThat(ws.text("synthese")).contains("Logement");
            assertThat(ws.text("file")).contains("Logement", "Frein : Logement, intensité Forte", "ACI Paris 1",
                    "cip-aci-paris-1", "accompagnement@aci-paris-1.example").doesNotContain("HOUSING");
            // filter by age band: the need, opened with the barrier almost two months ago, is not among 8 to 30 days
            ws.choose("anciennete", "8-30");
            ws.click(By.id("filtrer"));
            ws.at("Besoins à traiter");
            waitFor(browser, 20, () -> browser.driver.getCurrentUrl().contains("anciennete=8-30"), "filtered");
            assertThat(ws.text("file")).doesNotContain(participantId).contains("Aucun besoin ne correspond");
            ws.open(gateway + "/espace/besoins?domaine=HOUSING");
            ws.at("Besoins à traiter");

            // propose a partner: Tab to the partner list and type its first letters (keyboard); then the same
            // rendered form posted twice at once, as a double click does: one referral (the form's Idempotency-Key)
            ws.click(By.cssSelector("a[href*='personne=" + participantId + "']"));
            ws.at("Proposer un partenaire").assertAccessible();
            assertThat(ws.body()).contains(PARTNER);
            noAlert(browser);
            ws.tabTo("partnerId", "Toit");
            @SuppressWarnings("unchecked")
            java.util.List<Object> posts = (java.util.List<Object>) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.querySelector('form[method=post]');
                    const post = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))});
                    Promise.all([post(), post()]).then(([a, b]) => done([a.url, b.url, a.status, b.status]))
                          .catch(e => done(['failed: ' + e]));""");
            assertThat(posts.subList(0, 2)).as("%s", posts).anyMatch(u -> String.valueOf(u).contains("enregistre=orientation"));
            ws.open(gateway + "/espace/orientations/" + participantId + "?enregistre=orientation");
            ws.at("Orientations — " + participantId).assertAccessible();
            assertThat(ws.body()).contains("L'orientation a été proposée au partenaire.", "Orientation proposée", PARTNER);
            assertThat(browser.driver.findElements(By.cssSelector("#orientations tbody tr"))).as("one referral").hasSize(1);
            noAlert(browser);

            // the partner's answers: accepted (keyboard only: Tab to the button, Enter), then completed with an outcome
            ws.click(By.cssSelector("a[href$='/accepter']"));
            ws.at("Accepter l'orientation").assertAccessible();
            ws.tabTo("enregistrer", Keys.ENTER.toString());
            ws.at("Orientations — " + participantId);
            assertThat(ws.text("orientations")).contains("Orientation acceptée");
            ws.click(By.cssSelector("a[href$='/aboutir']"));
            ws.at("Orientation aboutie").assertAccessible();
            ws.submit();   // no outcome chosen: refused next to the field, the date kept
            assertThat(ws.errorOf("outcome")).isEqualTo("Ce champ est obligatoire.");
            assertThat(ws.valueOf("date")).isEqualTo(fr(TODAY));
            ws.assertAccessible();
            ws.choose("outcome", "HOUSED");
            ws.submit();
            ws.at("Orientations — " + participantId);
            assertThat(ws.text("orientations")).contains("Orientation aboutie", "Issue : Relogé·e");
            ws.screenshot("cdp-orientations");

            // the directory, searched by domain
            ws.open(gateway + "/espace/partenaires");
            ws.at("Annuaire des partenaires");
            ws.choose("domaine", "HOUSING");
            ws.click(By.id("chercher"));
            waitFor(browser, 20, () -> browser.driver.getCurrentUrl().contains("domaine=HOUSING"), "searched");
            ws.at("Annuaire des partenaires").assertAccessible();
            assertThat(ws.text("annuaire")).contains(PARTNER, "Logement");
            noAlert(browser);
        }
    }

    @Test
    @Order(2)
    void anAuditorFindsThePersonReadsTheFileAcrossServicesAndDownloadsThePdf() throws Exception {
        try (Browser browser = new Browser()) {
            WorkspacePages ws = new WorkspacePages(browser);
            browser.signInAt(gateway + "/", "auditor-paris", "demo");
            ws.at("Rechercher une personne").assertAccessible();
            // keyboard only: Tab to the name, type it (accents and case do not matter), Enter
            ws.tabTo("lastName", "lefevre-roles").pressEnter();
            waitFor(browser, 30, () -> !browser.driver.findElements(By.id("resultats")).isEmpty(), "search results");
            ws.assertAccessible();
            assertThat(ws.text("resultats")).contains(FIRST_NAME + " " + LAST_NAME, participantId, "ACI 1 (Paris)");
            noAlert(browser);
            ws.click(By.cssSelector("#resultats a"));
            ws.at("Dossier d'audit — " + participantId).assertAccessible();
            assertThat(ws.text("integrite-resultat")).contains("Intégrité vérifiée");
            assertThat(ws.text("historique")).contains("Inscription", "Embauche", "Frein identifié : Logement",
                    "Orientation proposée", "Orientation acceptée", "Orientation aboutie", "Identité", "Parcours",
                    "Partenariats", "cdp-paris");
            assertThat(ws.text("lectures-donnees")).contains("auditor-paris", "Recherche par nom — audit");

            // the state a month ago
            ws.type("etatAu", fr(TODAY.minusMonths(1)));
            ws.click(By.id("voir-etat"));
            waitFor(browser, 30, () -> !browser.driver.findElements(By.id("etat")).isEmpty(), "state as of");
            ws.assertAccessible();
            assertThat(ws.text("etat")).contains("État des parcours à la fin du " + fr(TODAY.minusMonths(1)), "Convergence",
                    "24 h", "Logement (par un partenaire)");
            assertThat(ws.text("lectures-historique")).contains("auditor-paris", "État au " + fr(TODAY.minusMonths(1)));
            ws.screenshot("auditor");

            // the PDF, through the gateway with the auditor's session
            String href = browser.driver.findElement(By.id("export-pdf")).getDomAttribute("href");
            assertThat(href).isEqualTo("/api/audit/participants/" + participantId + "/export.pdf");
            Object pdf = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b =>
                      done(r.status + ' ' + r.headers.get('content-type') + ' '
                           + String.fromCharCode(...new Uint8Array(b).slice(0, 5))))).catch(e => done('failed ' + e));""", href);
            assertThat(String.valueOf(pdf)).startsWith("200 application/pdf %PDF-");
        }
        // the national auditor opens the file by pseudonymous id (no name search for them)
        try (Browser browser = new Browser()) {
            WorkspacePages ws = new WorkspacePages(browser);
            browser.signInAt(gateway + "/", "auditor", "demo");
            ws.at("Rechercher une personne").assertAccessible();
            assertThat(browser.driver.findElements(By.id("recherche-nom"))).isEmpty();
            ws.type("identifiant", participantId).pressEnter();
            ws.at("Dossier d'audit — " + participantId).assertAccessible();
        }
        // another territory's auditor neither finds the person by name nor opens the file
        try (Browser browser = new Browser()) {
            WorkspacePages ws = new WorkspacePages(browser);
            browser.signInAt(gateway + "/", "auditor-lyon", "demo");
            ws.at("Rechercher une personne");
            ws.type("lastName", LAST_NAME).pressEnter();
            waitFor(browser, 30, () -> !browser.driver.findElements(By.id("aucun-resultat")).isEmpty()
                    || !browser.driver.findElements(By.id("resultats")).isEmpty()
                    || ws.h1().startsWith("Accès refusé"), "lyon's search answered");
            assertThat(ws.body()).doesNotContain(participantId);
            ws.open(gateway + "/espace/audit/" + participantId);
            ws.at("Page introuvable").assertAccessible();
        }
    }

    @Test
    @Order(3)
    void theCoordinatorRunsTheNetworkTheFollowUpGroupAMoveAndAnErasure() throws Exception {
        try (Browser browser = new Browser()) {
            WorkspacePages ws = new WorkspacePages(browser);
            browser.signInAt(gateway + "/", "coordinator-paris", "demo");
            ws.at("Mon territoire").assertAccessible();
            assertThat(ws.text("besoins-ouverts")).contains("besoin(s) ouvert(s)");
            assertThat(browser.driver.findElement(By.id("chiffres")).getDomAttribute("href")).isEqualTo("/api/reporting/dashboard");

            ws.clickLink("Réseau de partenaires");
            ws.at("Réseau de partenaires").assertAccessible();
            assertThat(ws.text("reseau")).contains(PARTNER, "accueil@toit.example", "Logement : du " + fr(TODAY.minusYears(1)));
            noAlert(browser);

            // a new partner, then its agreement (only its own domains offered)
            ws.click(By.id("ajouter-partenaire"));
            ws.at("Ajouter un partenaire").assertAccessible();
            ws.type("name", "Centre de santé Belleville").type("contactName", "Accueil").type("contactEmail", "accueil@csb.example");
            ws.click(By.cssSelector("label[for=domain_HEALTH]"));
            ws.submit();
            ws.at("Réseau de partenaires");
            assertThat(ws.body()).contains("Le partenaire a rejoint le réseau.");
            assertThat(ws.text("reseau")).contains("Centre de santé Belleville", "Santé", "accueil@csb.example");
            ws.click(By.cssSelector("a[aria-label='Signer une convention avec Centre de santé Belleville']"));
            ws.at("Signer une convention").assertAccessible();
            assertThat(browser.driver.findElements(By.id("domain_HOUSING"))).isEmpty();
            ws.click(By.cssSelector("label[for=domain_HEALTH]"));
            ws.submit();
            ws.at("Réseau de partenaires");
            assertThat(ws.body()).contains("La convention est enregistrée.", "Santé : du " + fr(TODAY) + ", sans date de fin");

            // find the person, keyboard only
            ws.open(gateway + "/espace/territoire");
            ws.at("Mon territoire");
            ws.tabTo("lastName", LAST_NAME).pressEnter();
            waitFor(browser, 30, () -> !browser.driver.findElements(By.id("resultats")).isEmpty(), "search results");
            ws.click(By.cssSelector("#resultats a"));
            ws.at(FIRST_NAME).assertAccessible();
            noAlert(browser);

            // the follow-up group
            ws.click(By.id("ajouter-membre"));
            ws.at("Ajouter un membre au groupe de suivi").assertAccessible();
            ws.choose("role", "SOCIAL_WORKER").type("name", "Léa Martin").type("organisation", "CHRS Nord");
            ws.submit();
            ws.at(FIRST_NAME);
            assertThat(ws.body()).contains("Le membre a rejoint le groupe de suivi.");
            assertThat(ws.text("groupe")).contains("Léa Martin", "Travailleur·se social·e", "CHRS Nord", fr(TODAY));
            ws.screenshot("coordinator");

            // moving the person to another ACI of the territory
            ws.click(By.id("changer-aci"));
            ws.at("Changer d'ACI").assertAccessible();
            assertThat(ws.body()).doesNotContain("ACI Paris 1 ");
            ws.choose("aciId", "aci-paris-2").type("referentId", "cip-aci-paris-2");
            ws.submit();
            ws.at(FIRST_NAME);
            assertThat(ws.body()).contains("La personne est rattachée à sa nouvelle ACI");
            assertThat(ws.text("aci")).isEqualTo("ACI Paris 2");
            // partnership-service follows the move over Kafka: the territory's queue shows the need under the new ACI
            waitFor(browser, 60, () -> {
                ws.open(gateway + "/espace/besoins");
                ws.at("Besoins à traiter");
                return ws.text("file").contains("ACI Paris 2");
            }, "the need follows the person to ACI Paris 2");
            assertThat(ws.text("file")).contains(participantId, "accompagnement@aci-paris-2.example");
            ws.open(gateway + "/espace/personnes/" + participantId);
            ws.at(FIRST_NAME);

            // erasure: the confirmation names what will be destroyed; nothing happens without the box ticked
            ws.click(By.id("effacer"));
            ws.at("Effacer les données").assertAccessible();
            assertThat(ws.text("ce-qui-sera-detruit")).contains("le nom et le prénom (" + FIRST_NAME + " " + LAST_NAME + ")",
                    "la date de naissance", participantId);
            ws.submit();
            assertThat(ws.errorOf("confirm")).contains("Cochez la case pour confirmer");
            ws.assertAccessible();
            ws.click(By.cssSelector("label[for=confirm]"));
            ws.submit();
            ws.at("Données effacées");
            assertThat(ws.body()).contains("Les données personnelles ont été effacées.").doesNotContain(LAST_NAME);
        }
    }

    @Test
    @Order(4)
    void theAdministratorKeepsTheReferenceDataReplaysDeadLettersAndFollowsARebuildWithoutPersonalData() throws Exception {
        try (Browser browser = new Browser()) {
            WorkspacePages ws = new WorkspacePages(browser);
            browser.signInAt(gateway + "/", "admin", "demo");
            ws.at("Administration").assertAccessible();

            ws.clickLink("Référentiel");
            ws.at("Référentiel").assertAccessible();
            assertThat(ws.body()).contains("ACI Paris 3", "Porte la coordination locale");
            ws.click(By.cssSelector("a[href='/espace/administration/referentiel/paris/aci/aci-paris-3']"));
            ws.at("Modifier l'ACI").assertAccessible();
            String siret = ws.valueOf("siret");
            ws.type("siret", "12345678901234").type("contactPhone", "01 23 45 67 89").type("joinedOn", "01/09/2019");
            ws.submit();
            assertThat(ws.errorOf("siret")).contains("SIRET");
            assertThat(ws.valueOf("contactPhone")).isEqualTo("01 23 45 67 89");
            ws.assertAccessible();
            ws.type("siret", siret);
            ws.submit();
            ws.at("Référentiel");
            assertThat(ws.body()).contains("L'ACI est enregistrée.", "01 23 45 67 89", "Depuis le 01/09/2019");

            ws.clickLink("Lettres mortes");
            ws.at("Lettres mortes").assertAccessible();
            assertThat(ws.body()).contains("Partenariats (besoins et orientations)", "Indicateurs nationaux", "Parcours",
                    "Aucun événement en attente.");
            // a record no consumer can read, on the territory's pathway stream: partnership- and reporting-service
            // each park it with its cause; the page lists both, never the record itself
            poison("convergence.paris.pathway.v1", POISON);
            waitFor(browser, 60, () -> {
                ws.open(gateway + "/espace/administration/lettres-mortes");
                ws.at("Lettres mortes");
                return ws.text("en-attente").startsWith("2 événement(s)");
            }, "both consumers park the poison record");
            ws.assertAccessible();
            assertThat(ws.body()).contains("Parcours — Paris").doesNotContain(POISON, "PSN-");
            // replayed as is, it still fails: said in French, and it stays listed
            browser.driver.findElement(By.cssSelector("form[action='/espace/administration/lettres-mortes/rejeu'] button")).click();
            ws.at("Lettres mortes");
            waitFor(browser, 30, () -> !browser.driver.findElements(By.id("refus")).isEmpty(), "the replay's answer");
            assertThat(ws.text("refus")).contains("Le rejeu n'a pas abouti", "ne peut toujours pas être traité");
            assertThat(ws.text("en-attente")).startsWith("2 événement(s)");
            ws.assertAccessible();

            // a rebuild, started with the keyboard; its progress is polled until the automatic switch
            ws.clickLink("Reconstructions");
            ws.at("Reconstructions des indicateurs").assertAccessible();
            ws.tabTo("enregistrer", Keys.ENTER.toString());
            waitFor(browser, 120, () -> {
                try {
                    return ws.text("etat-reconstruction").contains("Terminée");
                } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                    return false;
                }
            }, "the rebuild's progress reaches its end on the page");
            assertThat(ws.text("bascule")).contains("bascule automatique");
            assertThat(ws.text("progression-texte")).contains("(100 %)");
            ws.assertAccessible();
            ws.screenshot("admin");
            assertThat(ws.body()).doesNotContain(LAST_NAME, participantId);
        }
    }

    /**
     * Issue 18's forms in the browser, each page checked by axe-core: the CIP records the entry profile, an
     * interview with who took part (checkboxes), a change of housing situation and the exit with the housing at exit;
     * the coordinator corrects the interview's date, then cancels the exit — refused until the confirmation box is
     * ticked; the CIP sees both, records the real exit and a follow-up contact.
     */
    @Test
    @Order(5)
    void theSituationAccompanimentFollowUpAndCorrectionFormsWorkInTheBrowser() throws Exception {
        LocalDate hired = TODAY.minusMonths(4);
        LocalDate exited = TODAY.minusDays(20);
        Api cip = new Api(gateway).as(platform.signIn(), "cip-aci-paris-1");
        Api.Reply registered = cip.post("/api/participants", """
                {"firstName":"Nadia","lastName":"Valmont-Situ","birthDate":"1979-03-03","referentId":"cip-aci-paris-1","aciId":"aci-paris-1"}""");
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String person = registered.body().get("participantId").asText();
        Api.Reply hire = cip.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"CVG","contractStart":"%s","plannedEnd":"%s","weeklyHours":24}"""
                .formatted(person, hired, hired.plusMonths(12)));
        assertThat(hire.status()).as(hire.raw()).isEqualTo(201);

        try (Browser browser = new Browser()) {
            WorkspacePages ws = new WorkspacePages(browser);
            browser.signInAt(gateway + "/", "cip-aci-paris-1", "demo");
            ws.at("Mes salarié·es");
            ws.open(gateway + "/espace/salaries/" + person);
            ws.at("Nadia");
            assertThat(ws.text("profil-absent")).contains("Pas encore renseigné");

            ws.clickLink("Profil à l'entrée");
            ws.at("Profil à l'entrée").assertAccessible();
            ws.type("date", fr(hired.plusDays(1))).choose("housing", "STREET").choose("withoutHousing", "MONTHS_6_TO_12")
                    .choose("referredBy", "STREET_OUTREACH").choose("healthCover", "BASIC_ONLY")
                    .choose("withoutWork", "UNDER_6_MONTHS");
            ws.click(By.cssSelector("label[for=rightsAtEntry]"));
            ws.submit();
            ws.at("Nadia");
            assertThat(ws.body()).contains("Le profil à l'entrée est enregistré.");
            assertThat(ws.text("profil")).contains("À la rue", "Maraude, équipe mobile", "Assurance maladie sans complémentaire");

            ws.clickLink("Entretien ou accompagnement");
            ws.at("Entretien ou accompagnement").assertAccessible();
            ws.type("date", fr(TODAY.minusDays(30))).choose("kind", "INTERVIEW").choose("length", "MINUTES_30_TO_60");
            ws.submit();
            // who took part is required: refused next to the checkboxes, the rest kept
            assertThat(ws.errorOf("participants")).isNotBlank();
            assertThat(ws.valueOf("date")).isEqualTo(fr(TODAY.minusDays(30)));
            ws.assertAccessible();
            ws.click(By.cssSelector("label[for=participants]"));
            ws.click(By.cssSelector("label[for=participants-CIP]"));
            ws.submit();
            ws.at("Nadia");
            assertThat(ws.body()).contains("L'accompagnement est enregistré.");
            assertThat(ws.text("dernier-accompagnement")).contains(fr(TODAY.minusDays(30)));

            ws.clickLink("Changement de situation de logement");
            ws.at("Changement de situation de logement").assertAccessible();
            ws.type("date", fr(TODAY.minusDays(25))).choose("situation", "INSERTION_SHELTER");
            ws.submit();
            ws.at("Nadia");
            assertThat(ws.text("logement-actuel")).contains("Hébergement d'insertion (CHRS)");

            ws.clickLink("Sortie");
            ws.at("Sortie").assertAccessible();
            ws.type("date", fr(exited)).choose("reason", "CDI").choose("housingAtExit", "SOCIAL_RESIDENCE");
            ws.submit();
            ws.at("Nadia");
            assertThat(ws.text("logement-sortie")).contains("Résidence sociale, pension de famille");
            assertThat(ws.text("contacts-a-faire")).contains(fr(exited.plusMonths(1)));

        }

        try (Browser browser = new Browser()) {
            WorkspacePages ws = new WorkspacePages(browser);
            browser.signInAt(gateway + "/", "coordinator-paris", "demo");
            ws.at("Mon territoire");
            ws.open(gateway + "/espace/personnes/" + person);
            ws.at("Nadia").assertAccessible();

            // the interview was in fact a day earlier: chosen, as a person does, by its day in the list
            ws.clickLink("Corriger la date d'un événement");
            ws.at("Corriger la date").assertAccessible();
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("sequence")))
                    .getOptions().stream().filter(o -> o.getText().startsWith(fr(TODAY.minusDays(30)))).findFirst()
                    .orElseThrow(() -> new AssertionError("the interview is not offered for correction")).click();
            ws.type("rightDate", fr(TODAY.minusDays(31))).choose("reason", "DATA_ENTRY_ERROR");
            ws.submit();
            ws.at("Nadia");
            assertThat(ws.body()).contains("La date est corrigée");

            ws.clickLink("Annuler la sortie");
            ws.at("Annuler la sortie").assertAccessible();
            assertThat(ws.body()).contains("La sortie du " + fr(exited) + " (CDI) sera annulée");
            ws.choose("reason", "EXIT_DID_NOT_HAPPEN");
            ws.submit();
            assertThat(ws.errorOf("confirm")).contains("Cochez la case pour confirmer");
            ws.assertAccessible();
            ws.click(By.cssSelector("label[for=confirm]"));
            ws.submit();
            ws.at("Nadia");
            assertThat(ws.body()).contains("La sortie est annulée : le parcours est de nouveau en cours.");
            assertThat(browser.driver.findElements(By.id("sortie"))).isEmpty();
            ws.assertAccessible();
        }

        // the CIP's page shows both: the interview on its corrected day, the pathway running again
        try (Browser browser = new Browser()) {
            WorkspacePages ws = new WorkspacePages(browser);
            browser.signInAt(gateway + "/espace/salaries/" + person, "cip-aci-paris-1", "demo");
            ws.at("Nadia");
            assertThat(ws.text("dernier-accompagnement")).contains(fr(TODAY.minusDays(31)));
            assertThat(browser.driver.findElements(By.id("sortie"))).isEmpty();

            // the real exit, and the first follow-up contact (after which the exit can no longer be cancelled)
            ws.clickLink("Sortie");
            ws.at("Sortie");
            ws.type("date", fr(exited.plusDays(2))).choose("reason", "CDI");
            ws.submit();
            ws.at("Nadia");
            assertThat(ws.text("sortie")).startsWith(fr(exited.plusDays(2)));
            ws.clickLink("Contact de suivi après sortie");
            ws.at("Contact de suivi après sortie").assertAccessible();
            ws.type("date", fr(TODAY)).choose("employment", "CDI").choose("housing", "SOCIAL_RESIDENCE");
            ws.submit();
            ws.at("Nadia");
            assertThat(ws.body()).contains("Le contact de suivi est enregistré.");
            assertThat(ws.text("contacts-faits")).contains(fr(TODAY));
            ws.assertAccessible();
        }
    }

    /**
     * Issue 19 item 5: the external evaluator signs in, lands on the extract's page (axe-core: no violation) and
     * downloads the pseudonymised extract through the gateway with their own session: one row per pathway, and none
     * of the seeded people's personal data (their pseudonymous id, name or birth date) in it. A CIP asking for the
     * same file is refused.
     */
    @Test
    @Order(6)
    void theEvaluatorDownloadsThePseudonymisedExtractFromTheirPage() throws Exception {
        try (Browser browser = new Browser()) {
            WorkspacePages ws = new WorkspacePages(browser);
            browser.signInAt(gateway + "/", "evaluator", "demo");
            ws.at("Extraction pour l'évaluation").assertAccessible();
            assertThat(ws.text("protection")).contains("Aucun nom", "Chaque téléchargement");
            String href = browser.driver.findElement(By.id("extraction-csv")).getDomAttribute("href");
            // the file as the link gives it, fetched by the page with the evaluator's session (the gateway relays it)
            java.util.List<?>[] answer = new java.util.List<?>[1];
            waitFor(browser, 90, () -> {
                answer[0] = (java.util.List<?>) browser.driver.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch(arguments[0]).then(r => r.text().then(t => done([r.status, r.headers.get('content-type') || '', t])))
                          .catch(e => done([0, '', String(e)]));""", href);
                String body = String.valueOf(answer[0].get(2));
                return ((Number) answer[0].get(0)).intValue() == 200 && body.strip().lines().count() >= 3;
            }, "the extract holds the pathways of the seeded people");
            String csv = String.valueOf(answer[0].get(2));
            assertThat(String.valueOf(answer[0].get(1))).contains("csv");
            assertThat(csv).doesNotContain(participantId, LAST_NAME, "Valmont", "Nadia", "1985-05-05", "1979-03-03", "PSN-");
        }
        try (Browser browser = new Browser()) {
            browser.signInAt(gateway + "/", "cip-aci-paris-1", "demo");
            Object status = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/api/reporting/exports/evaluation.csv').then(r => done(r.status)).catch(e => done(0));""");
            assertThat(((Number) status).intValue()).isEqualTo(403);
        }
    }
}
