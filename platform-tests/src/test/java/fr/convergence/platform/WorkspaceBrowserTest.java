package fr.convergence.platform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16: the staff workspace in a real headless Chromium, through the gateway's sign-in, against the real
 * identity provider, participant and pathway services (one platform start for the class). A CIP registers and hires
 * a person, corrects their contact details, records weekly hours (keyboard only), a barrier, monthly hours and an
 * exit; each rule refusal shows next to its field in French with the typed values kept; another ACI's person is
 * "not found". An encadrant·e saves the ACI's monthly hours grid, one refused cell shown as such. axe-core finds no
 * WCAG 2.1 A/AA violation on any page visited.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class WorkspaceBrowserTest {

    static Platform platform;
    static String gateway;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @BeforeAll
    static void start() throws Exception {
        platform = new Platform(Files.createTempDirectory("workspace-e2e"));
        platform.service("participant", "participant-service", Map.of("TERRITORY", "paris", "MONGODB_DATABASE", "participant_ws"));
        platform.startInfrastructure();
        platform.start("participant");
        platform.service("partnership", "partnership-service", Map.of("TERRITORY", "paris", "MONGODB_DATABASE", "partnership_ws"));
        platform.start("partnership");
        platform.service("pathway", "pathway-service", Map.of("TERRITORY", "paris", "MONGODB_DATABASE", "pathway_ws",
                "PARTICIPANT_URL", platform.url("participant"), "PARTNERSHIP_URL", platform.url("partnership")));
        platform.start("pathway");
        platform.service("workspace", "workspace", Map.of("PARTICIPANT_URL", platform.url("participant"),
                "PATHWAY_URL", platform.url("pathway"), "PARTNERSHIP_URL", platform.url("partnership")));
        platform.start("workspace");
        platform.service("gateway", "gateway", Map.of("PARTICIPANT_URL", platform.url("participant"),
                "PATHWAY_URL", platform.url("pathway"), "WORKSPACE_URL", platform.url("workspace"),
                "PARTNERSHIP_URL", platform.url("partnership"), "REPORTING_URL", "http://127.0.0.1:9",
                "AUDIT_URL", platform.url("pathway")));
        platform.start("gateway");
        gateway = platform.url("gateway");
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            try {
                renderTimes();
            } finally {
                platform.close();
            }
        }
    }

    /**
     * The workspace's own render times of the pages this class visited (server side, services' calls included),
     * from its Prometheus metrics (count, mean, p95 over the last 10 minutes): written to
     * target/workspace-render-times.txt for the benchmarks, not asserted
     * (a test machine's timings are noise).
     */
    private static void renderTimes() throws Exception {
        Api.Reply metrics = new Api(platform.url("workspace")).get("/actuator/prometheus");
        java.util.Map<String, double[]> byRoute = new java.util.TreeMap<>(); // count, sum, p95
        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                "http_server_requests_seconds(_count|_sum)?\\{(.*)\\} ([0-9.eE+-]+)");
        for (String l : metrics.raw().split("\n")) {
            java.util.regex.Matcher m = line.matcher(l);
            if (!m.matches() || !m.group(2).contains("uri=\"/espace") || m.group(2).contains("/espace/static")) {
                continue;
            }
            String labels = m.group(2);
            String route = label(labels, "method") + " " + label(labels, "uri") + " " + label(labels, "status");
            double[] v = byRoute.computeIfAbsent(route, k -> new double[3]);
            double value = Double.parseDouble(m.group(3));
            if ("_count".equals(m.group(1))) {
                v[0] = value;
            } else if ("_sum".equals(m.group(1))) {
                v[1] = value;
            } else if ("0.95".equals(label(labels, "quantile"))) {
                v[2] = value;
            }
        }
        StringBuilder out = new StringBuilder("workspace, server side (services' calls included): route, requests, mean ms, p95 ms\n");
        byRoute.forEach((route, v) -> out.append(String.format(java.util.Locale.ROOT, "%s, %.0f, %.0f, %.0f%n",
                route, v[0], v[0] == 0 ? 0 : 1000 * v[1] / v[0], 1000 * v[2])));
        java.nio.file.Path file = Platform.ROOT.resolve("platform-tests/target/workspace-render-times.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    private static String label(String labels, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : "";
    }

    private static String fr(LocalDate date) {
        return date.format(FR);
    }

    /** After the encadrant's test: the caseload then also holds its two PHC people, whose hours ask for a review. */
    @Test
    @org.junit.jupiter.api.Order(2)
    void aCipRegistersHiresRecordsAndExitsAPersonInTheWorkspace() throws Exception {
        LocalDate today = LocalDate.now(PARIS);
        LocalDate hired = today.minusMonths(3);
        // a person of another ACI of the same territory, registered by that ACI's CIP through the API
        Api other = new Api(gateway).as(platform.signIn(), "cip-aci-paris-2");
        Api.Reply elsewhere = other.post("/api/participants", """
                {"firstName":"Odile","lastName":"Ailleurs","birthDate":"1980-02-02","referentId":"cip-aci-paris-2","aciId":"aci-paris-2"}""");
        assertThat(elsewhere.status()).as(elsewhere.raw()).isEqualTo(201);

        try (Browser browser = new Browser()) {
            WorkspacePages ws = new WorkspacePages(browser);
            // sign-in through the gateway's login form; / takes a CIP to her caseload
            browser.signInAt(gateway + "/", "cip-aci-paris-1", "demo");
            ws.at("Mes salarié·es").assertAccessible();
            assertThat(ws.text("qui")).contains("Conseiller·ère en insertion professionnelle", "Paris", "ACI 1 (Paris)");
            assertThat(browser.driver.findElement(By.linkText("Tableau de bord des indicateurs")).getDomAttribute("href"))
                    .isEqualTo("/api/reporting/dashboard");

            // step 1: register; a birth date under the minimum age is refused next to its field, typed values kept
            ws.click(By.id("inscrire"));
            ws.at("Inscrire une personne").assertAccessible();
            String hostileFirst = "<script>alert('x')</script>";
            String hostileLast = "=HYPERLINK(\"http://x\")";
            ws.type("firstName", hostileFirst).type("lastName", hostileLast).type("birthDate", fr(today.minusYears(10)))
                    .type("phone", "06 12 34 56 78");
            ws.submit();
            assertThat(ws.errorOf("birthDate")).isEqualTo("La personne doit avoir au moins 16 ans.");
            assertThat(ws.valueOf("firstName")).isEqualTo(hostileFirst);
            assertThat(browser.driver.getTitle()).startsWith("Erreur : Inscrire une personne");
            assertThat(ws.text("resume-erreurs")).contains("Date de naissance : La personne doit avoir au moins 16 ans.");
            ws.assertAccessible();
            ws.type("birthDate", "12/04/1985");
            // a double submit (the same rendered form posted twice at once, as a double click without JavaScript
            // does) records one person: both posts carry the form's Idempotency-Key; the service runs one and
            // replays it (or says the other is still running)
            @SuppressWarnings("unchecked")
            java.util.List<Object> posts = (java.util.List<Object>) browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.querySelector('form[method=post]');
                    const post = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))});
                    Promise.all([post(), post()]).then(([a, b]) => done([a.url, b.url, a.status, b.status]))
                          .catch(e => done(['failed: ' + e]));""");
            String hire = posts.subList(0, 2).stream().map(String::valueOf).filter(u -> u.endsWith("/embauche"))
                    .findFirst().orElseThrow(() -> new AssertionError("no post reached the hire step: " + posts));
            ws.open(hire);

            // step 2: hire on PHC; hours above the PHC bound are refused next to the field
            ws.at("Embaucher").assertAccessible();
            assertThat(ws.text("contenu")).contains("Étape 2 sur 2");
            ws.choose("programme", "PHC").type("contractStart", fr(hired)).type("plannedEnd", fr(hired.plusMonths(6)))
                    .type("weeklyHours", "30");
            ws.submit();
            assertThat(ws.errorOf("weeklyHours")).isEqualTo("En PHC, les heures hebdomadaires vont de 4 h à 20 h.");
            assertThat(ws.valueOf("plannedEnd")).isEqualTo(fr(hired.plusMonths(6)));
            ws.assertAccessible();
            ws.type("weeklyHours", "6");
            ws.submit();

            // the person's page: the hostile name is text, never markup (no script ran, no alert opened)
            ws.at(hostileFirst);
            assertThat(ws.h1()).isEqualTo(hostileFirst + " " + hostileLast.toUpperCase(java.util.Locale.FRENCH));
            assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            assertThat(ws.body()).contains("L'embauche est enregistrée : le parcours est ouvert.", "Premières Heures en Chantier",
                    fr(hired), "6 h", "Inscription");
            ws.assertAccessible();
            String personUrl = browser.driver.getCurrentUrl();

            // contact details corrected (GDPR Art. 16): a malformed address is refused next to its field first
            ws.click(By.id("corriger-coordonnees"));
            ws.at("Corriger les coordonnées").assertAccessible();
            assertThat(ws.valueOf("phone")).isEqualTo("06 12 34 56 78");
            ws.type("email", "pas-une-adresse");
            ws.submit();
            assertThat(ws.errorOf("email")).isEqualTo("Indiquez une adresse électronique valide, par exemple nom@exemple.fr.");
            ws.assertAccessible();
            ws.type("email", "nouvelle.adresse@exemple.fr");
            ws.submit();
            ws.at(hostileFirst);
            assertThat(ws.body()).contains("Les coordonnées sont corrigées.", "nouvelle.adresse@exemple.fr", "06 12 34 56 78");

            // weekly hours, keyboard only: Tab to each field, type, Enter submits
            ws.clickLink("Heures hebdomadaires");
            ws.at("Heures hebdomadaires").assertAccessible();
            ws.tabTo("effectiveDate", fr(hired.plusMonths(1))).tabTo("weeklyHours", "10").pressEnter();
            ws.at(hostileFirst);
            assertThat(ws.body()).contains("Les nouvelles heures hebdomadaires sont enregistrées.");
            assertThat(ws.text("heures")).isEqualTo("10 h");
            ws.assertAccessible();

            // a barrier handled with a partner: partnership-service hears of it over Kafka and opens a housing need,
            // which the person's page shows once it is there
            ws.clickLink("Frein identifié");
            ws.at("Frein identifié").assertAccessible();
            ws.type("date", fr(hired.plusMonths(1).plusDays(3))).choose("domain", "HOUSING").choose("intensity", "HIGH")
                    .choose("handling", "BOTH");
            ws.submit();
            ws.at(hostileFirst);
            assertThat(ws.body()).contains("Le frein est enregistré.", "Frein identifié : Logement",
                    "Intensité forte, prise en charge par l'ACI et un partenaire", "Enregistré par cip-aci-paris-1",
                    "Heures hebdomadaires", "6 h → 10 h");
            assertThat(ws.text("freins")).isEqualTo("Logement");
            String withBarrier = browser.driver.getCurrentUrl();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofSeconds(2))
                    .until(() -> {
                        ws.open(withBarrier);
                        ws.at(hostileFirst);
                        return ws.text("besoins").contains("Besoin : Logement — Ouvert");
                    });
            ws.assertAccessible();

            // monthly hours: above the programme's monthly maximum, refused next to the field; then recorded
            ws.clickLink("Heures travaillées du mois");
            ws.at("Heures travaillées du mois");
            String month = hired.plusMonths(1).format(DateTimeFormatter.ofPattern("MM/yyyy"));
            ws.type("month", month).type("hours", "400");
            ws.submit();
            assertThat(ws.errorOf("hours")).isEqualTo("Les heures du mois vont de 0 à 152 h.");
            assertThat(ws.valueOf("month")).isEqualTo(month);
            ws.assertAccessible();
            ws.type("hours", "43,5");
            ws.submit();
            ws.at(hostileFirst);
            assertThat(ws.body()).contains("Les heures du mois sont enregistrées.", "Heures du mois " + month, "43,5 h travaillées");
            ws.screenshot("person");

            // the exit; then only the follow-up is offered
            ws.clickLink("Sortie");
            ws.at("Sortie").assertAccessible();
            ws.type("date", fr(today.minusDays(1))).choose("reason", "CDI");
            ws.submit();
            ws.at(hostileFirst);
            assertThat(ws.body()).contains("La sortie est enregistrée.", "Emploi durable");
            assertThat(ws.text("sortie")).isEqualTo(fr(today.minusDays(1)) + " — CDI");
            assertThat(ws.text("actions")).contains("Début du suivi après sortie").doesNotContain("Heures hebdomadaires");
            ws.assertAccessible();

            // registering the same name again: a choice (their page, or "another person"), not an error
            ws.open(gateway + "/espace/salaries/nouveau");
            ws.at("Inscrire une personne");
            ws.type("firstName", hostileFirst).type("lastName", hostileLast).type("birthDate", "12/04/1985");
            ws.submit();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(60))
                    .until(d -> !d.findElements(By.id("doublons")).isEmpty());
            assertThat(ws.text("doublons")).contains("Une personne de même nom est déjà suivie dans votre ACI", hostileFirst);
            ws.assertAccessible();

            // the caseload lists the person, exited, with French labels only
            ws.open(gateway + "/espace/salaries");
            ws.at("Mes salarié·es");
            // the encadrant's test hired two people on PHC two months ago at 8 h: their hours ask for a review
            assertThat(ws.text("alertes")).contains("Grille ALPHA", "Heures PHC à revoir".toUpperCase(java.util.Locale.FRENCH));
            ws.assertAccessible();
            ws.screenshot("caseload");
            ws.open(gateway + "/espace/salaries?q=script");
            ws.at("Mes salarié·es");
            assertThat(ws.text("caseload")).contains(hostileFirst, "PHC", "10 h", "cip-aci-paris-1");
            assertThat(ws.text("caseload").toLowerCase(java.util.Locale.FRENCH)).contains("sorti·e"); // badges are upper-cased by CSS
            ws.assertAccessible();

            // another ACI's person: the service answers 404, the workspace says "not found" — never more
            String otherId = elsewhere.body().get("participantId").asText();
            ws.open(gateway + "/espace/salaries/" + otherId);
            ws.at("Page introuvable").assertAccessible();
            assertThat(ws.body()).doesNotContain("Ailleurs", "Odile");

            ws.open(personUrl);
            ws.at(hostileFirst);
        }
        // the double submit above recorded the person once, and the duplicate choice recorded nothing
        Api.Reply search = new Api(gateway).as(platform.signIn(), "cip-aci-paris-1").post(
                "/api/participants/search?purpose=test-check", "{\"aciId\":\"aci-paris-1\",\"firstName\":\"<script>alert('x')</script>\"}");
        assertThat(search.status()).as(search.raw()).isEqualTo(200);
        assertThat(search.body().get("total").asInt()).as(search.raw()).isEqualTo(1);
    }

    /**
     * The encadrant·e's grid: two people of the ACI in pathway; one cell over the monthly maximum is refused and
     * marked, the other recorded and marked; the corrected grid then records the refused cell. The hours are read
     * back from pathway-service.
     */
    @Test
    @org.junit.jupiter.api.Order(1)
    void anEncadrantEntersTheMonthsHoursForTheWholeAciInOneGrid() throws Exception {
        LocalDate today = LocalDate.now(PARIS);
        Api cip = new Api(gateway).as(platform.signIn(), "cip-aci-paris-1");
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
        String first = hireOnPhc(cip, "Grille", "Alpha" + suffix, today.minusMonths(2));
        String second = hireOnPhc(cip, "Grille", "Beta" + suffix, today.minusMonths(2));
        String month = java.time.YearMonth.from(today).toString();
        String monthFr = today.format(DateTimeFormatter.ofPattern("MM/yyyy"));

        try (Browser browser = new Browser()) {
            WorkspacePages ws = new WorkspacePages(browser);
            browser.signInAt(gateway + "/", "encadrant-paris-1", "demo");
            ws.at("Heures du mois").assertAccessible();
            assertThat(ws.text("qui")).contains("Encadrant·e technique", "ACI 1 (Paris)");
            String cellA = cellOf(browser, "Grille ALPHA" + suffix.toUpperCase(java.util.Locale.FRENCH), monthFr);
            String cellB = cellOf(browser, "Grille BETA" + suffix.toUpperCase(java.util.Locale.FRENCH), monthFr);
            ws.type(cellA, "60").type(cellB, "400");
            ws.submit();
            assertThat(ws.errorOf(cellB)).isEqualTo("Les heures du mois vont de 0 à 152 h.");
            assertThat(ws.valueOf(cellB)).isEqualTo("400");
            assertThat(ws.text(cellA + "-ok")).isEqualTo("Enregistré");
            assertThat(ws.text("resume-erreurs")).contains("1 cellule(s) enregistrée(s), 1 refusée(s)");
            ws.assertAccessible();
            ws.type(cellB, "72,5");
            ws.submit();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(60))
                    .until(d -> d.findElement(By.tagName("body")).getText().contains("1 cellule enregistrée."));
            ws.assertAccessible();
        }
        assertThat(cip.get("/api/pathways/" + first).body().get("monthlyHours").get(month).asDouble()).isEqualTo(60.0);
        assertThat(cip.get("/api/pathways/" + second).body().get("monthlyHours").get(month).asDouble()).isEqualTo(72.5);
    }

    /** The id of a person's cell for a month: the input labelled "Heures de NAME en MM/yyyy". */
    private static String cellOf(Browser browser, String name, String month) {
        return browser.driver.findElement(By.xpath("//label[normalize-space()='Heures de " + name + " en " + month + "']"))
                .getDomAttribute("for");
    }

    /** Registers and hires a person on PHC through the gateway's API; returns the pathway id. */
    private static String hireOnPhc(Api cip, String firstName, String lastName, LocalDate start) {
        Api.Reply registered = cip.post("/api/participants", """
                {"firstName":"%s","lastName":"%s","birthDate":"1990-05-05","referentId":"cip-aci-paris-1","aciId":"aci-paris-1"}"""
                .formatted(firstName, lastName));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        Api.Reply hired = cip.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"PHC","contractStart":"%s","plannedEnd":"%s","weeklyHours":8}"""
                .formatted(registered.body().get("participantId").asText(), start, start.plusMonths(6)));
        assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        return hired.body().get("pathwayId").asText();
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void otherRolesLandOnTheirHomeWithTheDashboardLink() throws Exception {
        try (Browser browser = new Browser()) {
            WorkspacePages ws = new WorkspacePages(browser);
            browser.signInAt(gateway + "/", "coordinator-paris", "demo");
            ws.at("Mon territoire").assertAccessible();
            assertThat(ws.text("qui")).contains("Coordinateur·rice territorial·e", "Paris");
            assertThat(ws.body()).contains("Tableau de bord des indicateurs", "Les chiffres du territoire");
            // the caseload is ACI staff's page: a coordinator gets the French refusal, not someone's list
            ws.open(gateway + "/espace/salaries");
            ws.at("Accès refusé").assertAccessible();
        }
    }
}
