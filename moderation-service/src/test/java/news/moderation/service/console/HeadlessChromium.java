package news.moderation.service.console;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's {@code chromium} and {@code chromedriver}, headless, for the console's tests. Both are named by
 * path, so Selenium Manager never looks for (or downloads) a driver or a browser. When they are missing the
 * tests fail and say how to install them: CI installs them, and a browser test that quietly skips proves
 * nothing. {@code -Dconsole.browser.skip=true} skips them on purpose; {@code -Dconsole.browser.chromium=…}
 * and {@code -Dconsole.browser.chromedriver=…} point elsewhere (e.g. on a Mac). Also used by
 * end-to-end-tests, through this module's test jar.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final String SKIP = "console.browser.skip";

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts one browser; {@code try (var chromium = HeadlessChromium.start()) { chromium.driver().get(url); }} */
    public static HeadlessChromium start() {
        if (Boolean.getBoolean(SKIP)) {
            Assumptions.abort("the console's browser tests are skipped (-D" + SKIP + "=true)");
        }
        var chromium = Path.of(System.getProperty("console.browser.chromium", "/usr/bin/chromium"));
        var chromedriver = Path.of(System.getProperty("console.browser.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            throw new IllegalStateException("The moderator console's browser tests need Chromium and chromedriver at "
                    + chromium + " and " + chromedriver + " (missing: "
                    + (Files.isExecutable(chromium) ? "" : chromium + " ")
                    + (Files.isExecutable(chromedriver) ? "" : chromedriver) + "). On Debian: "
                    + "sudo apt-get install -y chromium chromium-driver (.ci/run does this). Elsewhere, point "
                    + "-Dconsole.browser.chromium and -Dconsole.browser.chromedriver at them, or skip these tests "
                    + "with -D" + SKIP + "=true.");
        }
        try {
            var logs = Files.createDirectories(Path.of("target", "console-browser"));
            var profile = Files.createTempDirectory("console-chromium-");
            System.setProperty("webdriver.chrome.driver", chromedriver.toString());
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .withLogFile(logs.resolve("chromedriver.log").toFile())
                    .build();
            var options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-background-networking",
                    "--disable-dev-shm-usage", "--disable-gpu", "--disable-extensions", "--disable-sync",
                    "--disable-component-update", "--disable-default-apps", "--no-first-run",
                    "--window-size=1280,800", "--user-data-dir=" + profile);
            // an alert raised by a test's payload must stay open for the test to see, not be dismissed
            options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
            // WebDriver BiDi, to hear network.authRequired: when the browser would raise its own sign-in dialog
            options.setCapability("webSocketUrl", true);
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(20));
            return new HeadlessChromium(service, driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | RuntimeException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
