package fr.convergence.reporting;

import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The dashboard in a real headless Chromium: the figures it shows for a territory are the API's. Fails (does
 * not skip) when Chromium is missing, since CI installs it.
 */
class DashboardBrowserTest extends ReportingIntegrationTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private WebDriver browser;
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

    private static String rate(JsonNode value) {
        return value.isNull() ? "—" : String.format(Locale.ROOT, "%.1f", value.asDouble() * 100).replace('.', ',') + " %";
    }

    private String shown(String indicator) {
        return browser.findElement(By.cssSelector("#key-figures [data-indicator='" + indicator + "']")).getText();
    }

    @Test
    void theTerritoryFiguresShownAreTheApiFigures() {
        String t = territory("dash");
        publish(PathwayStream.hired(t, "aci-1", "CVG", "2030-01-10", 20).hours("2030-01", 70)
                        .exited("2030-03-15", "DURABLE_EMPLOYMENT", "CDI", 26),
                PathwayStream.hired(t, "aci-1", "CVG", "2030-01-12", 20)
                        .exited("2030-04-01", "OTHER_EXIT", "unemployed", 3),
                PathwayStream.hired(t, "aci-2", "PHC", "2030-02-02", 4));
        JsonNode api = awaitView("/api/reporting/territories/" + t,
                v -> v.path("totals").path("exited").asLong() == 2).path("totals");

        browser.get("http://127.0.0.1:" + port + "/api/reporting/dashboard");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> "national".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        new Select(browser.findElement(By.id("territory"))).selectByValue(t);
        wait.until(d -> t.equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript("return typeof Chart === 'function'"))
                .as("Chart.js served by the service").isTrue();
        assertThat(shown("entered")).isEqualTo(String.valueOf(api.path("entered").asLong()));
        assertThat(shown("exited")).isEqualTo(String.valueOf(api.path("exited").asLong()));
        assertThat(shown("presentAtEnd")).isEqualTo(String.valueOf(api.path("presentAtEnd").asLong()));
        assertThat(shown("dynamicExitRate")).isEqualTo(rate(api.path("dynamicExitRate"))).isEqualTo("50,0 %");
        assertThat(shown("hoursWorked")).isEqualTo(String.valueOf(api.path("hoursWorked").asLong()));
        assertThat(browser.findElements(By.cssSelector("#table-flows tbody tr"))).hasSize(4);
        assertThat(browser.findElement(By.cssSelector("label[for='territory']")).getText()).isEqualTo("Territoire");
        keepScreenshot();
    }

    /** Leaves target/dashboard.png for a person to look at; not an assertion. */
    private void keepScreenshot() {
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            // a missing screenshot must not fail the test
        }
    }
}
