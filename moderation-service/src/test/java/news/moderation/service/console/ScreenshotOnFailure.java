package news.moderation.service.console;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Keeps what the browser showed when a test failed: a PNG and the DOM under
 * {@code target/console-screenshots/}, named after the test. A failure report alone rarely says why a page
 * looked wrong.
 */
public final class ScreenshotOnFailure implements TestWatcher {

    static final Path DIRECTORY = Path.of("target", "console-screenshots");

    private final Supplier<WebDriver> driver;

    /** {@code @RegisterExtension final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> driver);} */
    public ScreenshotOnFailure(Supplier<WebDriver> driver) {
        this.driver = driver;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        var browser = driver.get();
        if (browser == null) {
            return;
        }
        var name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(DIRECTORY);
            if (browser instanceof TakesScreenshot camera) {
                var png = DIRECTORY.resolve(name + ".png");
                Files.write(png, camera.getScreenshotAs(OutputType.BYTES));
                System.err.println("screenshot of the failed test: " + png.toAbsolutePath());
            }
            Files.writeString(DIRECTORY.resolve(name + ".html"), browser.getPageSource());
        } catch (Exception e) {
            // e.g. an alert still open blocks screenshots: say so, and keep the test's own failure
            System.err.println("no screenshot of " + name + ": " + e);
        }
    }
}
