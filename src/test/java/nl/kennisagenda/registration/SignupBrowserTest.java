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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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

    /**
     * The honeypot must be out of sight in the browser, on the site's form and the embedded one alike. Its inline
     * style attribute is blocked by our CSP (style-src 'self'), so the stylesheet has to hide it.
     */
    @Test
    void theHoneypotFieldIsOutOfSight() {
        for (String path : List.of("events/" + SEMINAR + "/register", "embed/events/" + SEMINAR)) {
            driver.get(base.toString() + path);
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("field-website")));
            Number right = (Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return document.getElementById('field-website').getBoundingClientRect().right;");
            assertTrue(right.doubleValue() <= 0, path + ": the honeypot is off-screen, not at x=" + right);
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
        wait.until(browser -> "error-summary".equals(browser.switchTo().activeElement().getDomAttribute("id")));
        WebElement link = summary.findElement(By.cssSelector("a[href='#field-email']"));
        assertTrue(link.getText().contains("E-mailadres: Vul dit veld in."), link.getText());
        assertEquals("Anna", driver.findElement(By.id("field-firstName")).getDomProperty("value"),
                "what the visitor typed is kept");
        assertEquals("true", driver.findElement(By.id("field-email")).getDomAttribute("aria-invalid"));
        link.click();
        WebElement email = driver.findElement(By.id("field-email"));
        String address = "anna.devries." + System.nanoTime() + "@utrecht.example.org";
        email.sendKeys(address);
        chooseFirstOpenSessionPerRound();
        driver.findElement(By.cssSelector("form.signup-form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/events/" + SEMINAR + "/registered"));
        assertEquals("Je bent aangemeld", driver.findElement(By.tagName("h1")).getText());
        assertEquals(address, driver.findElement(By.cssSelector(".result-summary__email")).getText(),
                "the result page says where the mail went");
        assertEquals(2, driver.findElements(By.cssSelector("#result-summary li")).size(), "and the two sessions");
        assertTrue(driver.findElement(By.partialLinkText("Download (.ics)")).getDomAttribute("href")
                .endsWith("/events/" + SEMINAR + ".ics"));
    }

    @Test
    void onAPhoneTheManagePageKeepsAnAddressWhole() {
        // As long as a real address (24 characters): it fits a phone's width and must not be broken.
        String suffix = Long.toString(System.nanoTime() % 60_466_176L, 36);
        String address = "anna.dv" + suffix + "@utrecht.example";
        String token = signUpDirectly(address);
        driver.manage().window().setSize(new Dimension(375, 812));
        driver.get(base.toString() + "registrations/" + token);
        WebElement value = driver.findElement(By.xpath("//dl[@class='answers']/dd[normalize-space()='" + address + "']"));
        Object lines = ((JavascriptExecutor) driver).executeScript("var range = document.createRange();"
                + "range.selectNodeContents(arguments[0]);"
                + "var tops = new Set(Array.from(range.getClientRects()).map(function (r) { return Math.round(r.top); }));"
                + "return tops.size;", value);
        assertEquals(1L, ((Number) lines).longValue(), "the address sits on one line at 375 px");
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth;");
        assertEquals(Boolean.FALSE, overflow, "nothing is wider than the phone");
    }

    private String signUpDirectly(String address) {
        FormClient browser = FormClient.open("/events/" + SEMINAR + "/register");
        List<Long> rounds = QuarkusTransactionSupport.firstSessionPerRound(SEMINAR);
        browser.post().formParam("firstName", "Anna").formParam("lastName", "de Vries").formParam("email", address)
                .formParam("organisation", "Gemeente Utrecht")
                .formParam("session-round-1", rounds.get(0)).formParam("session-round-2", rounds.get(1))
                .post("/events/" + SEMINAR + "/register").then().statusCode(303);
        return QuarkusTransactionSupport.registration(SEMINAR, address).token;
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
