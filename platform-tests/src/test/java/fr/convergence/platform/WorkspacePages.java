package fr.convergence.platform;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in browser on the staff workspace: waits on what the page says (its h1), fills forms the way a person
 * does, and checks every page with axe-core (the build's own copy, npm {@code axe-core} pinned in
 * workspace/package-lock.json — never a CDN) for WCAG 2.1 A and AA violations.
 */
final class WorkspacePages {

    static final Path AXE = Platform.ROOT.resolve("workspace/node_modules/axe-core/axe.min.js");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final Browser browser;
    /** Every page checked by axe-core, for the report of the run. */
    final List<String> checkedPages = new ArrayList<>();

    WorkspacePages(Browser browser) {
        this.browser = browser;
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** Waits until the page's h1 starts with {@code heading} (a boosted navigation swaps the body without a load). */
    WorkspacePages at(String heading) {
        new WebDriverWait(browser.driver, WAIT).until(d -> {
            List<WebElement> h1 = d.findElements(By.tagName("h1"));
            try {
                return !h1.isEmpty() && h1.get(0).getText().startsWith(heading);
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                return false;
            }
        });
        return this;
    }

    String h1() {
        return browser.driver.findElement(By.tagName("h1")).getText();
    }

    String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    String body() {
        return browser.driver.findElement(By.tagName("body")).getText();
    }

    void open(String url) {
        browser.driver.get(url);
    }

    void click(By by) {
        browser.driver.findElement(by).click();
    }

    void clickLink(String text) {
        browser.driver.findElement(By.linkText(text)).click();
    }

    WorkspacePages type(String field, String value) {
        WebElement input = browser.driver.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
        return this;
    }

    WorkspacePages choose(String field, String code) {
        new Select(browser.driver.findElement(By.id(field))).selectByValue(code);
        return this;
    }

    void submit() {
        browser.driver.findElement(By.id("enregistrer")).click();
    }

    /** The error text the page shows next to a field (fr-error-text of its input group). */
    String errorOf(String field) {
        new WebDriverWait(browser.driver, WAIT).until(d -> !d.findElements(By.id(field + "-erreur")).isEmpty());
        return text(field + "-erreur");
    }

    String valueOf(String field) {
        return browser.driver.findElement(By.id(field)).getDomProperty("value");
    }

    /**
     * Keyboard only: Tab until {@code field} has the focus (at most 80 presses), then type. Proves the field is
     * reachable in the tab order, with no mouse.
     */
    WorkspacePages tabTo(String field, String value) {
        for (int i = 0; i < 80; i++) {
            WebElement active = browser.driver.switchTo().activeElement();
            if (field.equals(active.getDomAttribute("id"))) {
                active.sendKeys(value);
                return this;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("the field " + field + " was not reached with the Tab key");
    }

    /** Enter in the focused field submits its form, as a keyboard user does. */
    void pressEnter() {
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    }

    /** axe-core on the current page: no violation of the WCAG 2.1 A/AA rules. */
    void assertAccessible() throws Exception {
        JavascriptExecutor js = browser.driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
            js.executeScript(Files.readString(AXE));
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                      + v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        checkedPages.add(h1() + " <" + browser.driver.getCurrentUrl() + ">");
        assertThat((List<?>) result).as("axe-core on " + browser.driver.getCurrentUrl() + " (" + h1() + ")").isEmpty();
    }

    /** A screenshot into target/, for the README and for a human look at a failure. */
    void screenshot(String name) throws Exception {
        Path out = Platform.ROOT.resolve("platform-tests/target/workspace-" + name + ".png");
        Files.createDirectories(out.getParent());
        Files.copy(browser.driver.getScreenshotAs(OutputType.FILE).toPath(), out, StandardCopyOption.REPLACE_EXISTING);
    }
}
