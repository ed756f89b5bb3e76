package fr.convergence.reporting;

import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The dashboard in a real headless Chromium, as each role sees it. A page loaded straight from the service cannot
 * send a bearer header by itself (behind the gateway, the gateway's session does), so the test has Chromium add
 * the caller's {@code Authorization} header to every request of the page through the DevTools protocol
 * ({@code Network.setExtraHTTPHeaders}): the page, its script, Chart.js and every fetch it makes. Fails (does not
 * skip) when Chromium is missing, since CI installs it.
 */
class DashboardBrowserTest extends ReportingIntegrationTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("Chromium is required for the dashboard test: apt-get install -y chromium chromium-driver "
                    + "(expected /usr/bin/chromium and /usr/bin/chromedriver)");
        }
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory("reporting-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--lang=fr-FR", "--window-size=1280,3000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Opens the dashboard as the holder of {@code token} and waits until it has shown {@code loaded}. */
    private WebDriverWait open(String token, String loaded) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Bearer " + token)));
        browser.get("http://127.0.0.1:" + port + "/api/reporting/dashboard");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> loaded.equals(body().getDomAttribute("data-loaded")));
        return wait;
    }

    private WebElement body() {
        return browser.findElement(By.tagName("body"));
    }

    /** Sets the period fields (as a person would pick the months) and shows it. */
    private void showPeriod(WebDriverWait wait, String from, String to) {
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('from').value = arguments[0];"
                        + "document.getElementById('to').value = arguments[1];", from, to);
        browser.findElement(By.cssSelector("#filters button[type='submit']")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("de " + from + " à " + to)
                && !body().getDomAttribute("data-loaded").isEmpty());
    }

    private static String rate(JsonNode value) {
        return value.isNull() ? "—" : String.format(Locale.ROOT, "%.1f", value.asDouble() * 100).replace('.', ',') + " %";
    }

    /** As the page writes counts below a thousand (the seeded figures are). */
    private static String integer(JsonNode value) {
        return String.valueOf(value.asLong());
    }

    /** As the page writes hours: up to two decimals, French decimal comma. */
    private static String number(JsonNode value) {
        double d = value.asDouble();
        return d == Math.rint(d) ? String.valueOf((long) d)
                : String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "").replace('.', ',');
    }

    private String shown(String indicator) {
        return browser.findElement(By.cssSelector("#key-figures [data-indicator='" + indicator + "']")).getText();
    }

    private List<String> options() {
        return new Select(browser.findElement(By.id("territory"))).getOptions().stream()
                .map(o -> o.getDomAttribute("value")).toList();
    }

    /** The breakdown table as shown: name → entered, exited, present, dynamic exit rate, people supported, ACI count. */
    private Map<String, List<String>> shownBreakdown() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#table-breakdown tbody tr"))) {
            List<String> cells = new ArrayList<>();
            row.findElements(By.cssSelector("td")).forEach(c -> cells.add(c.getText()));
            rows.put(row.findElement(By.cssSelector("th")).getText(), cells);
        }
        return rows;
    }

    private static Map<String, List<String>> apiBreakdown(JsonNode report) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (JsonNode b : report.path("breakdown")) {
            rows.put(b.path("name").asString(), List.of(integer(b.path("entered")), integer(b.path("exited")),
                    integer(b.path("presentAtEnd")), rate(b.path("dynamicExitRate")), integer(b.path("peopleSupported")),
                    b.path("aciCount").isNull() ? "—" : integer(b.path("aciCount"))));
        }
        return rows;
    }

    private void assertKeyFiguresAre(JsonNode totals) {
        assertThat(shown("entered")).isEqualTo(integer(totals.path("entered")));
        assertThat(shown("exited")).isEqualTo(integer(totals.path("exited")));
        assertThat(shown("presentAtEnd")).isEqualTo(integer(totals.path("presentAtEnd")));
        assertThat(shown("dynamicExitRate")).isEqualTo(rate(totals.path("dynamicExitRate")));
        assertThat(shown("hoursWorked")).isEqualTo(number(totals.path("hoursWorked")));
    }

    @Test
    void aNationalAnalystSeesEveryTerritoryWithTheApiFigures() {
        String period = "?from=2030-01&to=2030-12";
        List<String> seeded = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seeded.add(territory("dash" + i));
        }
        String first = seeded.get(0);
        publish(PathwayStream.hired(first, "aci-1", "CVG", "2030-01-10", 20).hours("2030-01", 70)
                        .exited("2030-03-15", "DURABLE_EMPLOYMENT", "CDI", 26),
                PathwayStream.hired(first, "aci-1", "CVG", "2030-01-12", 20)
                        .exited("2030-04-01", "OTHER_EXIT", "unemployed", 3),
                PathwayStream.hired(first, "aci-2", "PHC", "2030-02-02", 4));
        for (int i = 1; i < seeded.size(); i++) {
            for (int n = 0; n < i; n++) {
                publish(PathwayStream.hired(seeded.get(i), "aci-1", "CVG", "2030-0" + (1 + n % 9) + "-03", 20));
            }
        }
        awaitView("/api/reporting/national" + period, v -> {
            Map<String, List<String>> rows = apiBreakdown(v);
            return rows.keySet().containsAll(seeded) && rows.get(first).get(1).equals("2")
                    && seeded.stream().skip(1).allMatch(t -> rows.get(t).get(0).equals(
                    String.valueOf(seeded.indexOf(t))));
        });

        WebDriverWait wait = open(token("national-analyst", null, null), "national");
        assertThat(options()).startsWith("national").containsAll(seeded);
        showPeriod(wait, "2030-01", "2030-12");
        JsonNode national = get("/api/reporting/national" + period);
        Map<String, List<String>> shown = shownBreakdown();
        assertThat(shown).containsAllEntriesOf(apiBreakdown(national));
        assertThat(shown.keySet()).containsAll(seeded);
        assertThat(browser.findElement(By.id("breakdown-caption")).getText()).isEqualTo("Par territoire");
        assertKeyFiguresAre(national.path("totals"));
        assertThat(browser.findElement(By.id("exports")).isDisplayed()).isTrue();

        new Select(browser.findElement(By.id("territory"))).selectByValue(first);
        wait.until(d -> first.equals(body().getDomAttribute("data-loaded")));
        JsonNode territory = get("/api/reporting/territories/" + first + period);
        assertKeyFiguresAre(territory.path("totals"));
        assertThat(shown("dynamicExitRate")).isEqualTo("50,0 %");
        assertThat(browser.findElements(By.cssSelector("#table-flows tbody tr"))).hasSize(territory.path("months").size());
        assertThat(shownBreakdown()).containsOnlyKeys("aci-1", "aci-2");
        // issue 19 item 4: 1 or 2 people per ACI are small counts, hidden from the national team, and said so
        assertThat(shownBreakdown().get("aci-1")).containsExactly("s", "s", "s", "s", "s", "—");
        assertThat(browser.findElement(By.id("breakdown-secret")).isDisplayed()).isTrue();

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
        assertThat((Boolean) browser.executeScript("return typeof Chart === 'function'"))
                .as("Chart.js served by the service").isTrue();
        assertThat(browser.findElement(By.cssSelector("label[for='territory']")).getText()).isEqualTo("Territoire ou ACI");
        keepScreenshot("dashboard.png");
    }

    @Test
    void aCoordinatorOfParisSeesParisOnly() {
        String neighbour = territory("neighbour");
        publish(PathwayStream.hired("paris", "aci-paris-1", "CVG", "2036-01-10", 20).hours("2036-01", 60)
                        .exited("2036-02-10", "POSITIVE_EXIT", "training", 1),
                PathwayStream.hired("paris", "aci-paris-2", "PHC", "2036-01-15", 4),
                PathwayStream.hired(neighbour, "aci-n", "CVG", "2036-01-10", 20));
        String period = "?from=2036-01&to=2036-12";
        Http coordinator = as("coordinator", "paris", null);
        awaitView("/api/reporting/national" + period, v -> apiBreakdown(v).containsKey(neighbour)
                && "2".equals(apiBreakdown(v).getOrDefault("paris", List.of("0")).get(0)));

        WebDriverWait wait = open(token("coordinator", "paris", null), "paris");
        assertThat(options()).containsExactly("paris");
        showPeriod(wait, "2036-01", "2036-12");

        JsonNode paris = get(coordinator, "/api/reporting/territories/paris" + period);
        assertKeyFiguresAre(paris.path("totals"));
        assertThat(shownBreakdown()).isEqualTo(apiBreakdown(paris)).containsKeys("aci-paris-1", "aci-paris-2");
        assertThat(browser.findElement(By.id("breakdown-caption")).getText()).isEqualTo("Par ACI");
        assertThat(body().getText()).doesNotContain(neighbour).doesNotContain("National (tous les territoires)");
        assertThat(browser.findElement(By.id("export-csv")).getDomAttribute("href")).contains("territory=paris");
        keepScreenshot("dashboard-coordinator.png");
    }

    /**
     * Issue 19 item 6: a project lead of the national team following several territories picks among exactly those,
     * sees no national view, and an ACI's small counts stay hidden (they are the national team).
     */
    @Test
    void aProjectLeadPicksAmongTheirTerritoriesOnly() throws Exception {
        String north = territory("nord");
        String coast = territory("cote");
        publish(PathwayStream.hired(north, "aci-1", "CVG", "2036-03-10", 20),
                PathwayStream.hired(coast, "aci-1", "CVG", "2036-03-11", 20));
        awaitView("/api/reporting/national?from=2036-01&to=2036-12", v -> apiBreakdown(v).containsKey(north)
                && apiBreakdown(v).containsKey(coast));

        WebDriverWait wait = open(fr.convergence.testing.TestIssuer.get().portfolio("projet-nord", "national-analyst", north, coast),
                List.of(north, coast).stream().sorted().findFirst().orElseThrow());
        assertThat(options()).containsExactlyInAnyOrder(north, coast);
        assertThat(body().getText()).doesNotContain("National (tous les territoires)");
        showPeriod(wait, "2036-01", "2036-12");
        assertThat(accessibilityViolations()).isEmpty();
    }

    @Test
    void aCipSeesTheirAciAndAnAdministratorNoFiguresButTheOperations() {
        JsonNode aci = get(as("cip", "paris", "aci-paris-1"), "/api/reporting/territories/paris/acis/aci-paris-1");
        open(token("cip", "paris", "aci-paris-1"), "paris/aci-paris-1");
        assertThat(options()).containsExactly("paris/aci-paris-1");
        assertThat(shown("entered")).isEqualTo(integer(aci.path("totals").path("entered")));
        assertThat(browser.findElement(By.id("breakdown")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("exports")).isDisplayed()).isFalse();

        open(token("admin", null, null), "operations");
        assertThat(browser.findElement(By.id("figures")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("status")).getText())
                .isEqualTo("Votre rôle (administration) ne donne accès à aucun chiffre de ce tableau de bord.");
        assertThat(browser.findElement(By.id("dead-letters-caption")).getText())
                .startsWith("Événements mis de côté (lettres mortes) : ");
        assertThat(browser.findElements(By.cssSelector("#table-rebuild tbody tr"))).isNotEmpty();
    }

    /** axe-core (WCAG 2.1 A and AA rules) on the page as it is now: the list of violations, empty when none. */
    private List<?> accessibilityViolations() throws Exception {
        try (var axe = getClass().getClassLoader().getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            assertThat(axe).as("axe-core webjar on the test classpath").isNotNull();
            browser.executeScript(new String(axe.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return (List<?>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                      + v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));""");
    }

    private List<String> rowOf(String table, String header) {
        for (WebElement row : browser.findElements(By.cssSelector("#" + table + " tbody tr"))) {
            if (row.findElement(By.cssSelector("th")).getText().equals(header)) {
                return row.findElements(By.cssSelector("td")).stream().map(WebElement::getText).toList();
            }
        }
        throw new AssertionError("no row " + header + " in #" + table);
    }

    @Test
    void theSituationAccompanimentAndFollowUpFiguresAreShownInFrenchAndAccessible() throws Exception {
        String t = territory("dash18");
        String period = "?from=2034-01&to=2034-12";
        publish(PathwayStream.hired(t, "aci-1", "CVG", "2034-01-10", 20).profile("2034-01-10", "STREET", null)
                        .accompaniment("2034-01-20", "INTERVIEW").accompaniment("2034-02-20", "INTERVIEW")
                        .accompaniment("2034-02-21", "VISIT_MEDICAL").accompaniment("2034-02-22", "CASE_CONFERENCE")
                        .event("BarrierLifted", "2034-02-25", Map.of("domain", "HEALTH"))
                        .exited("2034-03-15", "DURABLE_EMPLOYMENT", "CDI", 26, "SOCIAL_RESIDENCE")
                        .followUp("2034-09-15", 6, "CDI", "SOCIAL_RESIDENCE"),
                PathwayStream.hired(t, "aci-1", "CVG", "2034-01-12", 20).profile("2034-01-12", "EMERGENCY_SHELTER", null)
                        .exited("2034-02-28", "OTHER_EXIT", "unemployed", 2, "EMERGENCY_SHELTER")
                        .followUp("2034-08-28", 6, "NOT_REACHED", "UNKNOWN"));
        JsonNode totals = awaitView("/api/reporting/territories/" + t + period,
                v -> v.path("totals").path("followUp6").path("contacted").asLong() == 2).path("totals");

        WebDriverWait wait = open(token("coordinator", t, null), t);
        showPeriod(wait, "2034-01", "2034-12");

        assertThat(shown("peopleSupported")).isEqualTo(integer(totals.path("peopleSupported"))).isEqualTo("2");
        assertThat(shown("caseConferences")).isEqualTo("1");
        assertThat(rowOf("table-support", "Part venant de la rue")).containsExactly("1", "2", "50,0 %");
        assertThat(rowOf("table-support", "Entretiens par mois-personne"))
                .containsExactly("2", integer(totals.path("personMonths")),
                        number(totals.path("interviewsPerPersonMonth").path("value")));
        assertThat(rowOf("table-exit-housing-shares", "Sorties vers un hébergement")).containsExactly("1", "2", "50,0 %");
        assertThat(rowOf("table-exit-housing", "Résidence sociale, pension de famille")).containsExactly("1");
        assertThat(rowOf("table-follow-up", "6 mois"))
                .containsExactly("2", "2", "1", "1", "1", "100,0 %", "1", "100,0 %");
        assertThat(rowOf("table-follow-up", "12 mois")).containsExactly("2", "0", "0", "0", "0", "—", "0", "—");
        assertThat(rowOf("table-barriers-lifted", "Santé")).containsExactly("1");
        // February: both people in pathway, one interview, one accompanied visit, one case conference
        assertThat(rowOf("table-flows", "2034-02")).endsWith("2", "1", "1", "1");

        assertThat(accessibilityViolations()).isEmpty();
        keepScreenshot("dashboard-situation.png");
    }

    @Test
    void aCoordinatorClosesAPeriodOnTheFrozenReportsPageAndReadsItInFrench() throws Exception {
        String t = territory("dash19");
        publish(PathwayStream.hired(t, "aci-1", "CVG", "2023-01-10", 20));
        awaitView("/api/reporting/territories/" + t + "?from=2023-01&to=2023-01",
                v -> v.path("totals").path("entered").asLong() == 1);
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Bearer " + token("coordinator", t, null))));
        browser.get("http://127.0.0.1:" + port + "/api/reporting/dashboard/rapports");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> "true".equals(body().getDomAttribute("data-ready")));
        assertThat(browser.findElement(By.id("close-territory")).getDomProperty("value")).isEqualTo(t);

        browser.findElement(By.id("close-period")).sendKeys("2023-01");
        browser.findElement(By.cssSelector("#close button[type='submit']")).click();
        wait.withMessage(() -> "status: " + browser.findElement(By.id("status")).getText())
                .until(d -> (t + "~2023-01~1").equals(body().getDomAttribute("data-shown")));

        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Version 1 enregistrée (Mois 2023-01).");
        List<String> listed = browser.findElements(By.cssSelector("#table-reports tbody tr td")).stream()
                .map(WebElement::getText).toList();
        assertThat(listed).contains("Territoire " + t, "Mois 2023-01", "1", "Clôture initiale");
        List<String> entered = browser.findElements(By.cssSelector("#table-figures tbody tr")).stream()
                .map(r -> r.getText()).filter(text -> text.startsWith("Entrées")).toList();
        assertThat(entered).containsExactly("Entrées 1");
        assertThat(accessibilityViolations()).isEmpty();
        keepScreenshot("frozen-reports.png");
    }

    @Test
    void namesReplaceCodesAndTheAgeBandsAreShownInFrenchAndAccessible() throws Exception {
        String t = territory("dashnames");
        String period = "?from=2035-01&to=2035-12";
        PathwayStream first = PathwayStream.hired(t, "aci-n1", "CVG", "2035-01-10", 20)
                .event("BarrierAssessed", "2035-01-20", Map.of("domain", "RIGHTS_ADMINISTRATIVE", "intensity", "HIGH",
                        "handling", "PARTNER"))
                .exited("2035-03-10", "DURABLE_EMPLOYMENT", "CDI", 2, "DURABLE_HOUSING");
        PathwayStream second = PathwayStream.hired(t, "aci-n2", "PHC", "2035-02-01", 4);
        publish(new fr.convergence.reporting.support.ParticipantStream(t).territoryCreated("Val-de-Test")
                .aci(false, "aci-n1", "Chantier du Canal", null, null)
                .aci(false, "aci-n2", "Atelier de la Gare", "2030-01-01", null)
                .registered(first.participantId, "aci-n1", "45-54").registered(second.participantId, "aci-n2", "<26"));
        publish(first, second);
        awaitView("/api/reporting/territories/" + t + period,
                v -> "Val-de-Test".equals(v.path("territoryName").asString()) && v.path("aciCount").asLong() == 2
                        && v.path("ageBands").get(3).path("peopleSupported").asLong() == 1
                        && v.path("ageBands").get(0).path("peopleSupported").asLong() == 1
                        && v.path("totals").path("barrierPeople").asLong() == 1);

        // issue 19 item 2: a funding agreement of the territory for 2035, shown against the figures
        assertThat(analyst.send("PUT", "/api/reporting/targets/" + t + "-2035", "{\"funderKind\":\"DEPARTMENT\","
                + "\"funderName\":\"Département du Test\",\"agreement\":\"Convention départementale 2035\",\"territory\":\""
                + t + "\",\"from\":\"2035-01\",\"to\":\"2035-12\",\"indicator\":\"entrees\",\"target\":8}").status())
                .isEqualTo(201);

        WebDriverWait wait = open(token("coordinator", t, null), t);
        showPeriod(wait, "2035-01", "2035-12");
        assertThat(rowOf("table-targets", "Convention départementale 2035"))
                .containsExactly("Département du Test", "Entrées", "2035-01 à 2035-12", "8", "2", "25,0 %");
        assertThat(browser.findElement(By.id("targets-none")).isDisplayed()).isFalse();
        // the selector, the breakdown and the tables read names and French labels, never the codes
        assertThat(new Select(browser.findElement(By.id("territory"))).getFirstSelectedOption().getText())
                .isEqualTo("Val-de-Test");
        JsonNode own = get(as("coordinator", t, null), "/api/reporting/territories/" + t + period);
        assertThat(shownBreakdown()).isEqualTo(apiBreakdown(own)).containsOnlyKeys("Atelier de la Gare", "Chantier du Canal");
        assertThat(rowOf("table-age-bands", "Moins de 26 ans")).containsExactly("1");
        assertThat(rowOf("table-age-bands", "45 à 54 ans")).containsExactly("1");
        assertThat(rowOf("table-age-bands", "Non renseignée")).containsExactly("0");
        assertThat(rowOf("table-barriers", "Droits, démarches administratives")).containsExactly("1");
        assertThat(browser.findElement(By.cssSelector("#key-figures [data-report='aciCount']")).getText()).isEqualTo("2");
        assertThat(shown("exitsToEmployment")).isEqualTo("100,0 %");
        assertThat(body().getText()).doesNotContain("aci-n1").doesNotContain("RIGHTS_ADMINISTRATIVE")
                .doesNotContain("DURABLE_EMPLOYMENT");
        assertThat(accessibilityViolations()).isEmpty();
        keepScreenshot("dashboard-names.png");

        // the national team finds the territory by its name in the selector
        open(token("national-analyst", null, null), "national");
        assertThat(new Select(browser.findElement(By.id("territory"))).getOptions().stream().map(WebElement::getText))
                .contains("Val-de-Test");
    }

    /** Leaves target/*.png for a person to look at; not an assertion. */
    private void keepScreenshot(String name) {
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            // a missing screenshot must not fail the test
        }
    }
}
