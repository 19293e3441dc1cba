package nl.kennisagenda.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.backoffice.AdminClient;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.testsupport.Chromium;

/**
 * Makes the screenshots in {@code docs/screenshots/} (shown in the README): the key pages of the demo content at a
 * phone's width (375 px) and a desktop's (1280 px), in Dutch, through Debian's headless Chromium ({@link Chromium}; no
 * downloaded browser). Not part of the test run: surefire's naming pattern does not pick this class up, and it only
 * runs with {@code -Dscreenshots=true}:
 *
 * <pre>
 * ./mvnw -B -ntp -o test -Dtest=ScreenshotTour -Dscreenshots=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * The app runs with the test profile (fresh in-memory database with the demo content), so the pictures are the same
 * on every machine apart from the dates, which follow today. Pages are captured from the top, at most
 * {@value #MAX_PHONE_HEIGHT} px (phone) or {@value #MAX_DESKTOP_HEIGHT} px (desktop) high, to keep the files small.
 * Another folder: {@code -Dscreenshots.dir=...}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class ScreenshotTour {

    static final int PHONE = 375;
    static final int DESKTOP = 1280;
    static final int MAX_PHONE_HEIGHT = 2000;
    static final int MAX_DESKTOP_HEIGHT = 1300;
    static final String SEMINAR = "van-regiobeeld-naar-regioplan";

    @TestHTTPResource("/")
    URL base;

    private Chromium chromium;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path folder;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = Chromium.start();
        driver = (ChromeDriver) chromium.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        folder = Path.of(System.getProperty("screenshots.dir", "docs/screenshots"));
        Files.createDirectories(folder);
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void keyPagesAtPhoneAndDesktopWidth() {
        for (int width : List.of(PHONE, DESKTOP)) {
            String size = width == PHONE ? "phone" : "desktop";
            viewport(width);
            open("?lang=nl");
            shoot("agenda", size);
            open("events/" + SEMINAR);
            shoot("event-programme", size);

            // The sign-up form as a visitor meets it after forgetting the address, then the result.
            open("events/" + SEMINAR + "/register");
            type("field-firstName", "Anna");
            type("field-lastName", "de Vries");
            type("field-organisation", "Gemeente Utrecht");
            chooseFirstOpenSessionPerRound();
            submit("form.signup-form button[type=submit]");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
            shoot("signup-error", size);
            String address = "anna.devries." + size + "@utrecht.example";
            type("field-email", address);
            chooseFirstOpenSessionPerRound();
            submit("form.signup-form button[type=submit]");
            wait.until(ExpectedConditions.urlContains("/registered"));
            shoot("signup-result", size);
            open("registrations/" + token(address));
            shoot("manage", size);

            open("newsletter");
            shoot("newsletter", size);

            logIn();
            open("admin");
            shoot("backoffice-events", size);
            open("admin/events/" + eventId(SEMINAR) + "/dashboard");
            shoot("backoffice-dashboard", size);
            driver.manage().deleteAllCookies();
        }
    }

    // ---------------------------------------------------------------- steps

    /** The page as a device of this width shows it (a phone also as "mobile", so the meta viewport applies). */
    private void viewport(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
                width == PHONE ? 812 : 900, "deviceScaleFactor", 1, "mobile", width == PHONE));
    }

    private void open(String path) {
        driver.get(base.toString() + path);
        wait.until(browser -> "complete".equals(((JavascriptExecutor) browser)
                .executeScript("return document.readyState")));
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void submit(String css) {
        WebElement button = driver.findElement(By.cssSelector(css));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    /** Ticks, in every breakout round, the first session that can still be chosen (unless one is ticked). */
    private void chooseFirstOpenSessionPerRound() {
        for (WebElement round : driver.findElements(By.cssSelector("fieldset.round"))) {
            List<WebElement> options = round.findElements(By.cssSelector("input[type=radio]"));
            if (options.stream().noneMatch(WebElement::isSelected)) {
                WebElement open = options.stream().filter(WebElement::isEnabled).findFirst().orElseThrow();
                ((JavascriptExecutor) driver).executeScript("arguments[0].click();", open);
            }
        }
    }

    private void logIn() {
        open("admin/login");
        type("login-email", "admin@example.org");
        type("login-password", AdminClient.DEMO_PASSWORD);
        submit("form.admin-form button[type=submit]");
        wait.until(browser -> {
            String url = browser.getCurrentUrl();
            return url.contains("/admin") && !url.contains("/admin/login") && !url.contains("j_security_check");
        });
    }

    private static long eventId(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Event.findBySlug(slug).orElseThrow().id);
    }

    private static String token(String address) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>find("email", address)
                .firstResult().token);
    }

    /** Saves the page from the top, as high as its content up to the cap, as {@code name-size.png}. */
    private void shoot(String name, String size) {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);"
                + "if (document.activeElement) { document.activeElement.blur(); }");
        int width = "phone".equals(size) ? PHONE : DESKTOP;
        long content = ((Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight);")).longValue();
        long height = Math.min(content, width == PHONE ? MAX_PHONE_HEIGHT : MAX_DESKTOP_HEIGHT);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height,
                        "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        assertTrue(png.length > 1000, name + ": an image");
        try {
            Files.write(folder.resolve(name + "-" + size + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("screenshot %s-%s.png: %d x %d px, %d kB%n", name, size, width, height, png.length / 1024);
    }
}
