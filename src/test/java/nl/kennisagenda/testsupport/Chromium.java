package nl.kennisagenda.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both binaries are given, so Selenium Manager never
 * downloads a browser or driver of its own. Outside CI a machine without them skips the browser tests; in CI
 * ({@code CI=true}) their absence fails the test, because {@code .ci/run} installs them.
 */
public final class Chromium implements AutoCloseable {

    public static final String BINARY = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";

    private final ChromeDriverService service;
    private final WebDriver driver;
    private final Path profile;

    private Chromium() throws IOException {
        profile = Files.createTempDirectory("kennisagenda-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,2000", "--lang=nl", "--user-data-dir=" + profile);
        // Headless Chromium asks for English whatever --lang says; a Dutch visitor's browser asks for Dutch.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl,en"));
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** A fresh browser with its own empty profile; skips (outside CI) or fails (in CI) when it is not installed. */
    public static Chromium start() {
        boolean installed = new File(BINARY).canExecute() && new File(DRIVER).canExecute();
        if (!installed) {
            String why = "chromium and chromedriver are not installed at " + BINARY + " and " + DRIVER
                    + " (apt-get install chromium chromium-driver; .ci/run does this)";
            if (inCi()) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        try {
            return new Chromium();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when running in CI, where every tool the suite needs must be there. */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
