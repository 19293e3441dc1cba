package nl.kennisagenda.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.testsupport.Chromium;

/**
 * A visitor in a real browser (Debian's headless Chromium through chromedriver, see {@link Chromium}): finds the
 * seminar in the agenda, opens its sign-up form, forgets the address, reads the error summary, corrects the mistake,
 * chooses a breakout session per round and signs up.
 */
@QuarkusTest
class SignupBrowserTest {

    static final String SEMINAR = "van-regiobeeld-naar-regioplan";

    @TestHTTPResource("/")
    URL base;

    private Chromium chromium;
    private WebDriver driver;

    @BeforeEach
    void startBrowser() {
        chromium = Chromium.start();
        driver = chromium.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aVisitorCorrectsAMistakeChoosesSessionsAndSignsUp() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(base.toString() + "?lang=nl");
        WebElement seminar = driver.findElement(By.linkText("Van regiobeeld naar regioplan"));
        assertTrue(seminar.getDomAttribute("href").endsWith("/events/" + SEMINAR));

        driver.get(base.toString() + "events/" + SEMINAR + "/register");
        assertEquals("Aanmelden", driver.findElement(By.tagName("h1")).getText());
        driver.findElement(By.id("field-firstName")).sendKeys("Anna");
        driver.findElement(By.id("field-lastName")).sendKeys("de Vries");
        driver.findElement(By.id("field-organisation")).sendKeys("Gemeente Utrecht");
        chooseFirstOpenSessionPerRound();
        driver.findElement(By.cssSelector("form.signup-form button[type=submit]")).click();

        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        WebElement link = summary.findElement(By.cssSelector("a[href='#field-email']"));
        assertTrue(link.getText().contains("E-mailadres: Vul dit veld in."), link.getText());
        assertEquals("Anna", driver.findElement(By.id("field-firstName")).getDomProperty("value"),
                "what the visitor typed is kept");
        assertEquals("true", driver.findElement(By.id("field-email")).getDomAttribute("aria-invalid"));
        link.click();
        WebElement email = driver.findElement(By.id("field-email"));
        email.sendKeys("anna.browser-" + System.nanoTime() + "@example.org");
        chooseFirstOpenSessionPerRound();
        driver.findElement(By.cssSelector("form.signup-form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/events/" + SEMINAR + "/registered"));
        assertEquals("Je bent aangemeld", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.partialLinkText("Download (.ics)")).getDomAttribute("href")
                .endsWith("/events/" + SEMINAR + ".ics"));
    }

    /** Ticks, in every breakout round, the first session that can still be chosen (unless one is ticked). */
    private void chooseFirstOpenSessionPerRound() {
        List<WebElement> rounds = driver.findElements(By.cssSelector("fieldset.round"));
        assertEquals(2, rounds.size(), "the seminar has two breakout rounds");
        for (WebElement round : rounds) {
            List<WebElement> options = round.findElements(By.cssSelector("input[type=radio]"));
            if (options.stream().noneMatch(WebElement::isSelected)) {
                WebElement open = options.stream().filter(WebElement::isEnabled).findFirst().orElseThrow();
                driver.findElement(By.cssSelector("label[for='" + open.getDomAttribute("id") + "']")).click();
                assertTrue(open.isSelected());
            }
        }
    }
}
