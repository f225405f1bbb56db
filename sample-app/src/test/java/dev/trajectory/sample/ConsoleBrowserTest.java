package dev.trajectory.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: the running sample, a chat over HTTP, and the local console in headless Chromium (Debian's
 * {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them). The browser and its driver are named
 * explicitly so Selenium never looks for or downloads one. Screenshots go to {@code target/screenshots/}.
 */
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Set by the script in the user's message if the page ever ran it. */
    static final String INJECTED = "<script>window.__injected = true</script>";

    @TempDir
    static Path localDir;

    @TempDir
    static Path browserProfile;

    static RunningSample app;

    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The browser test needs Chromium at %s and its driver at %s: install them with "
                        + "'apt-get install chromium chromium-driver' (.ci/run does)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        app = RunningSample.start(localDir);
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1300,1600",
                "--user-data-dir=" + browserProfile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRunAppearsInTheConsoleByItselfAndShowsItsFailingToolCallAndTheUsersTextAsText() throws IOException {
        browser.get(app.baseUrl() + "/trajectory/");
        waitFor(By.id("runs-empty"));

        String session = "browser-" + UUID.randomUUID();
        String traceId = app.chat(session, "browser-user", "Where is order 9001? " + INJECTED)
                .get("trace_id").asString();
        app.chat("other-" + UUID.randomUUID(), "someone-else", "Can I get a refund?");

        By runRow = By.cssSelector("tr.run[data-trace-id='" + traceId + "']");
        waitFor(runRow);
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage("both runs, without reloading the page")
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.run"), 2));
        WebElement row = browser.findElement(runRow);
        assertThat(row.getText()).contains("support-agent", session, "browser-user", "success", "1 / 1");
        assertThat(row.findElement(By.cssSelector(".errors")).getAttribute("class")).contains("errors--some");
        screenshot("1-recent-runs");

        WebElement search = browser.findElement(By.id("search-input"));
        search.sendKeys(session);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.run"), 1));
        assertThat(browser.findElement(By.cssSelector("tr.run")).getAttribute("data-trace-id")).isEqualTo(traceId);
        screenshot("2-search-by-session");

        browser.findElement(runRow).findElement(By.cssSelector("a.run__link")).click();
        waitFor(By.id("timeline"));

        WebElement failedTool = browser.findElement(By.cssSelector("li.entry[data-kind='tool'][data-status='error']"));
        assertThat(failedTool.getAttribute("class")).contains("entry--error");
        assertThat(failedTool.getAttribute("data-tool")).isEqualTo("order_lookup");
        assertThat(failedTool.getText()).contains("order service timed out", "9001");
        assertThat(failedTool.getCssValue("border-top-color")).as("highlighted in red")
                .isEqualTo("rgba(201, 42, 42, 1)");
        assertThat(browser.findElements(By.cssSelector("li.entry[data-kind='llm']"))).hasSize(2);

        WebElement userMessage = browser.findElement(By.cssSelector("li.entry[data-kind='user'] .entry__content"));
        assertThat(userMessage.getText()).contains(INJECTED);
        assertThat(browser.findElements(By.cssSelector("#view script"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__injected === undefined")).isEqualTo(true);

        By trackedFailure = By.cssSelector("#events tr.event--error[data-event-type='support.tool_failed']");
        waitFor(trackedFailure);
        List<String> eventTypes = browser.findElements(By.cssSelector("#events tr[data-event-type]")).stream()
                .map(event -> event.getAttribute("data-event-type")).toList();
        assertThat(eventTypes).contains("agent.run.start", "llm.call", "tool.call", "agent.run.end");

        browser.findElement(By.cssSelector("#trajectory-json summary")).click();
        assertThat(browser.findElement(By.id("trajectory-json-text")).getText()).contains("\"id\": \"" + traceId + "\"",
                "\"num_tool_failures\": 1");
        screenshot("3-run-timeline");
    }

    private static void waitFor(By element) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
