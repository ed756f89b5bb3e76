package fr.convergence.platform;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** A real headless Chromium (Debian's chromium + chromium-driver), one fresh profile per person. */
final class Browser implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    final ChromeDriver driver;

    Browser() throws Exception {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("Chromium is required: apt-get install -y chromium chromium-driver (.ci/run installs them)");
        }
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // Return from navigation at DOMContentLoaded and wait explicitly for what matters: a slow sign-in round trip
        // on a loaded 2-core machine must not block a click for minutes.
        options.setPageLoadStrategy(org.openqa.selenium.PageLoadStrategy.EAGER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("platform-chromium"), "--lang=fr-FR",
                "--window-size=1280,2000");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
    }

    /**
     * Opens {@code url}; the gateway sends an unsigned-in browser to the identity provider's login form, where the
     * person types their user name and password, and comes back signed in.
     */
    void signInAt(String url, String user, String password) {
        // Two attempts: on a loaded 2-core machine Chromium's renderer has been seen to stall on the login POST
        // (chromedriver: "timed out receiving message from renderer"); a second navigation resumes the sign-in
        // (or finds the provider's session already open) instead of failing the run on a browser hiccup.
        for (int attempt = 1; ; attempt++) {
            try {
                driver.get(url);
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
                wait.until(d -> d.getCurrentUrl().startsWith(url) || !d.findElements(By.id("username")).isEmpty());
                if (!driver.getCurrentUrl().startsWith(url)) {
                    driver.findElement(By.id("username")).sendKeys(user);
                    driver.findElement(By.id("password")).sendKeys(password);
                    driver.findElement(By.cssSelector("button[type=submit]")).click();
                }
                wait.until(d -> d.getCurrentUrl().startsWith(url));
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt >= 2) {
                    throw new AssertionError("sign-in of " + user + " did not come back to " + url
                            + "; the browser is at " + driver.getCurrentUrl(), e);
                }
            }
        }
    }

    /** Tries to sign in with a wrong password; returns where the browser ends up (the login page, with an error). */
    String signInRefused(String url, String user, String password) {
        driver.get(url);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        wait.until(d -> d.findElement(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("error"));
        return driver.getCurrentUrl();
    }

    /** The dashboard's scope choices once it has loaded its figures. */
    List<String> dashboardChoices() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        wait.until(d -> {
            String loaded = d.findElement(By.tagName("body")).getDomAttribute("data-loaded");
            return loaded != null && !loaded.isEmpty();
        });
        return new Select(driver.findElement(By.id("territory"))).getOptions().stream()
                .map(o -> o.getDomAttribute("value")).toList();
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
