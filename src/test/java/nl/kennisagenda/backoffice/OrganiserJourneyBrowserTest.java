package nl.kennisagenda.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.message.MessageDispatcher;
import nl.kennisagenda.message.MessagePurpose;
import nl.kennisagenda.message.MessageStatus;
import nl.kennisagenda.message.OrganiserMessage;
import nl.kennisagenda.registration.Attendee;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.testsupport.Chromium;

/**
 * The organiser's whole journey in a real browser (Debian's headless Chromium, see {@link Chromium}), through the
 * pages only: logs in, creates an event with an English title, adds a breakout round with two parallel sessions,
 * publishes it; a visitor signs up on the public page choosing one session; the organiser finds the registration
 * by searching, checks the person in (the page updates in place), downloads the CSV and reads the dashboard;
 * after the event, the organiser prepares the follow-up and sends the one to those present.
 */
@QuarkusTest
class OrganiserJourneyBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Pattern HUB = Pattern.compile("/admin/events/(\\d+)(?:\\?.*)?$");

    @TestHTTPResource("/")
    URL base;

    private Chromium chromium;
    private WebDriver driver;
    private WebDriverWait wait;
    private final String suffix = Long.toString(System.nanoTime(), 36);
    private final String slug = "reis-van-de-organisator-" + suffix;
    private final String email = "jet.oosterhuis-" + suffix + "@example.org";

    @BeforeEach
    void startBrowser() {
        chromium = Chromium.start();
        driver = chromium.driver();
        // A condition may look at a page the browser is just leaving: look again on the next poll.
        wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowserAndRemoveTheEvent() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            // The event was published with a registration, which the back office rightly never deletes; remove it
            // here so the agenda pages of other tests in the same run never see it.
            QuarkusTransaction.requiringNew().run(() -> Event.<Event>find("slug", slug).firstResultOptional()
                    .ifPresent(event -> {
                        Registration.delete("event.id", event.id);
                        Event.delete("id", event.id);
                    }));
            QuarkusTransaction.requiringNew().run(() -> Attendee.delete("email", email));
        }
    }

    @Test
    void anOrganiserCreatesAndPublishesAnEventAVisitorSignsUpAndIsCheckedIn() {
        LocalDate day = LocalDate.now(AMSTERDAM).plusWeeks(4);
        String title = "Reis van de organisator " + suffix;
        String titleEn = "The organiser's journey " + suffix;

        // 1. The organiser logs in.
        logIn();

        // 2. Creates an event from the organisation's page.
        open("admin/organisations/platform31");
        click(By.linkText("Nieuw evenement"));
        waitFor("the new event form", ExpectedConditions.visibilityOfElementLocated(By.id("f-title")));
        type("f-title", title);
        type("f-slug", slug);
        type("f-summary", "Een middag over de reis van organisator tot deelnemer.");
        type("f-titleEn", titleEn);
        type("f-summaryEn", "An afternoon about the journey from organiser to attendee.");
        click(By.cssSelector("label[for='f-format-in-person']"));
        setDateTime("f-startsAt", day.atTime(13, 0));
        setDateTime("f-endsAt", day.atTime(17, 0));
        type("f-venueName", "Stadskantoor");
        type("f-venueCity", "Utrecht");
        type("f-capacity", "40");
        click(By.xpath("//form[contains(@class,'admin-form')]//button[not(@name) and normalize-space()='Opslaan']"));
        waitFor("the event hub after saving", ExpectedConditions.urlMatches(HUB.pattern()));
        long eventId = eventIdFromUrl();
        assertEquals(title, driver.findElement(By.tagName("h1")).getText(), () -> failure("hub heading"));

        // 3. Adds a breakout round with two parallel sessions through the programme editor.
        click(By.linkText("Programma"), By.cssSelector("a[href='/admin/events/" + eventId + "/programme']"));
        waitFor("the programme editor", ExpectedConditions.visibilityOfElementLocated(By.id("f-kind")));
        addBreakout(day, "Deelsessie A: wonen", "Zaal 1", "20");
        addBreakout(day, "Deelsessie B: zorg", "Zaal 2", "15");
        List<String> rows = driver.findElements(By.cssSelector("table.admin-table tbody th[scope=row]")).stream()
                .map(WebElement::getText).toList();
        assertEquals(2, rows.size(), () -> failure("two programme items: " + rows));

        // ... and lets visitors choose their session: a session-choice field in the sign-up form editor.
        click(By.cssSelector("nav.breadcrumb a[href='/admin/events/" + eventId + "/form']"));
        waitFor("the sign-up form editor", ExpectedConditions.visibilityOfElementLocated(By.id("f-type")));
        new Select(driver.findElement(By.id("f-type"))).selectByValue("BREAKOUT_CHOICE");
        type("f-labelNl", "Kies je deelsessie");
        type("f-labelEn", "Choose your session");
        click(By.cssSelector("label[for='f-required']"));
        click(By.xpath("//form[contains(@action,'/form/save')]//button[@type='submit']"));
        waitFor("the session choice in the sign-up form", browser -> browser.findElement(
                By.cssSelector("table.admin-table")).getText().contains("Kies je deelsessie"));

        // 4. Publishes it from the hub.
        open("admin/events/" + eventId);
        click(By.xpath("//form[@action='/admin/events/" + eventId + "/publish']/button"));
        waitFor("the published notice", ExpectedConditions.textToBe(By.id("event-status"), "Gepubliceerd"));

        // 5. A visitor (a browser without the organiser's cookies) signs up on the public page.
        driver.manage().deleteAllCookies();
        open("events/" + slug + "?lang=en");
        waitFor("the English title", ExpectedConditions.textToBe(By.tagName("h1"), titleEn));
        open("events/" + slug + "?lang=nl");
        waitFor("the Dutch title", ExpectedConditions.textToBe(By.tagName("h1"), title));
        click(By.linkText("Meld je aan"));
        waitFor("the sign-up form", ExpectedConditions.visibilityOfElementLocated(By.id("field-firstName")));
        driver.findElement(By.id("field-firstName")).sendKeys("Jet");
        driver.findElement(By.id("field-lastName")).sendKeys("Oosterhuis");
        driver.findElement(By.id("field-email")).sendKeys(email);
        driver.findElement(By.id("field-organisation")).sendKeys("Gemeente Zwolle");
        List<WebElement> rounds = driver.findElements(By.cssSelector("fieldset.round"));
        assertEquals(1, rounds.size(), () -> failure("one breakout round on the sign-up form"));
        WebElement choice = rounds.get(0).findElement(By.xpath(
                ".//label[starts-with(normalize-space(), 'Deelsessie B: zorg')]"));
        choice.click();
        assertTrue(driver.findElement(By.id(choice.getDomAttribute("for"))).isSelected(),
                () -> failure("session B chosen"));
        click(By.cssSelector("form.signup-form button[type=submit]"));
        waitFor("the confirmation page", ExpectedConditions.urlContains("/events/" + slug + "/registered"));
        assertEquals("Je bent aangemeld", driver.findElement(By.tagName("h1")).getText(),
                () -> failure("result heading"));

        // 6. The organiser logs in again, finds the person, checks her in and downloads the CSV.
        driver.manage().deleteAllCookies();
        logIn();
        open("admin/events/" + eventId + "/registrations");
        WebElement search = waitFor("the search field",
                ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        search.sendKeys("oosterhuis");
        waitFor("the person in the search results", browser -> {
            List<WebElement> names = browser.findElements(By.cssSelector("#registration-table tbody th[scope=row]"));
            return names.size() == 1 && names.get(0).getText().contains("Jet Oosterhuis")
                    && browser.getCurrentUrl().contains("q=oosterhuis");
        });
        assertTrue(driver.findElement(By.cssSelector("#registration-table tbody tr")).getText()
                .contains("Deelsessie B: zorg"), () -> failure("the chosen session in the results"));

        click(By.linkText("Inchecken"), By.cssSelector("a[href='/admin/events/" + eventId + "/checkin']"));
        By presentCount = By.cssSelector("#checkin-counts [data-count=checkedIn]");
        WebElement present = waitFor("the check-in counts",
                ExpectedConditions.visibilityOfElementLocated(presentCount));
        assertEquals("0", present.getText(), () -> failure("nobody present yet"));
        String checkInUrl = driver.getCurrentUrl();
        click(By.xpath("//li[contains(@class,'checkin-row')]//button[starts-with(normalize-space(), 'Aanwezig')"
                + " and contains(., 'Oosterhuis')]"));
        waitFor("the present count to become 1", ExpectedConditions.textToBe(presentCount, "1"));
        waitFor("the row marked present", ExpectedConditions.attributeContains(
                By.cssSelector("li.checkin-row"), "class", "checkin-row--present"));
        assertEquals("Aanwezig", driver.findElement(By.cssSelector("li.checkin-row .checkin-state")).getText(),
                () -> failure("the row says present in words, not only in colour"));
        assertEquals(checkInUrl, driver.getCurrentUrl(), "the check-in page updated in place");

        open("admin/events/" + eventId + "/registrations");
        WebElement csvLink = waitFor("the CSV link",
                ExpectedConditions.elementToBeClickable(By.partialLinkText("CSV")));
        String csv = fetchInPage(csvLink.getDomAttribute("href"));
        assertTrue(csv.startsWith("\uFEFF"), "the CSV starts with the UTF-8 byte order mark: " + excerpt(csv));
        String header = csv.substring(1, csv.indexOf("\r\n"));
        assertTrue(header.contains("\";\""), "the CSV uses semicolons: " + header);
        assertTrue(csv.contains("\"Jet\";\"Oosterhuis\";\"" + email + "\""),
                "the CSV names the person: " + excerpt(csv));
        assertTrue(csv.contains("Deelsessie B: zorg"), "the CSV shows the chosen session: " + excerpt(csv));
        assertFalse(csv.contains("Deelsessie A: wonen"), "the CSV shows only the chosen session: " + excerpt(csv));

        // 7. Looks at the event's dashboard from the hub: the figures agree with what just happened.
        open("admin/events/" + eventId);
        click(By.cssSelector("a[href='/admin/events/" + eventId + "/dashboard']"));
        waitFor("the dashboard", ExpectedConditions.visibilityOfElementLocated(By.id("key-figures")));
        assertEquals("1", driver.findElement(By.id("dash-confirmed")).getText(), () -> failure("one confirmed"));
        assertEquals("1", driver.findElement(By.id("dash-checkedin")).getText(), () -> failure("one checked in"));
        assertEquals("100%", driver.findElement(By.id("dash-checkin-rate")).getText(),
                () -> failure("check-in rate"));
        WebElement chart = driver.findElement(By.cssSelector("figure.chart-figure svg[role=img]"));
        assertEquals("signups-caption", chart.getDomAttribute("aria-labelledby"),
                () -> failure("the chart is named by its caption"));
        WebElement sessionB = driver.findElement(By.xpath(
                "//table[@id='fill-table']//tr[th[normalize-space()='Deelsessie B: zorg']]"));
        assertTrue(sessionB.getText().contains("15"), () -> failure("session B's capacity: " + sessionB.getText()));
        assertEquals("1", sessionB.findElements(By.tagName("td")).get(1).getText(),
                () -> failure("one confirmed in session B"));

        // 8. The afternoon is over (time moves on in the database): the organiser prepares the follow-up from the
        //    messages page and sends the one to those present now.
        QuarkusTransaction.requiringNew().run(() -> {
            Event event = Event.findById(eventId);
            event.startsAt = Instant.now().minus(Duration.ofHours(5));
            event.endsAt = Instant.now().minus(Duration.ofHours(1));
        });
        open("admin/events/" + eventId + "/messages");
        click(By.cssSelector("a[href='/admin/events/" + eventId + "/follow-up']"));
        waitFor("the follow-up page", ExpectedConditions.visibilityOfElementLocated(By.id("followup-present")));
        assertEquals("1", driver.findElement(By.id("followup-present")).getText(), () -> failure("one present"));
        assertEquals("0", driver.findElement(By.id("followup-absent")).getText(), () -> failure("nobody absent"));
        click(By.xpath("//form[@action='/admin/events/" + eventId + "/follow-up']//button[@type='submit']"));
        click(By.xpath("//a[starts-with(normalize-space(), 'Aan aanwezigen')]"),
                By.xpath("(//main//ul/li/a[contains(@href, '/messages/')])[1]"));
        waitFor("the follow-up to those present", ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//button[@value='send']")));
        click(By.xpath("//button[@value='send']"));
        waitFor("the message on its way", browser -> QuarkusTransaction.requiringNew().call(() -> OrganiserMessage
                .count("event.id = ?1 and purpose = ?2 and status in (?3, ?4)", eventId,
                        MessagePurpose.FOLLOW_UP_PRESENT, MessageStatus.SCHEDULED, MessageStatus.SENDING) == 1));
        Arc.container().instance(MessageDispatcher.class).get().dispatchDue(Instant.now().plusSeconds(1));
        List<OutboxMail> followUps = QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>list(
                "recipient = ?1 and kind = ?2", email, MailKind.ORGANISER_MESSAGE));
        assertEquals(1, followUps.size(), "Jet, who was there, gets the follow-up once");
    }

    // ------------------------------------------------------------------ steps

    private void logIn() {
        open("admin/login");
        waitFor("the log-in form", ExpectedConditions.visibilityOfElementLocated(By.id("login-email")));
        driver.findElement(By.id("login-email")).sendKeys("platform31@example.org");
        driver.findElement(By.id("login-password")).sendKeys(AdminClient.DEMO_PASSWORD);
        click(By.cssSelector("form.admin-form button[type=submit]"));
        waitFor("the back office after logging in", browser -> {
            String url = browser.getCurrentUrl();
            return url.contains("/admin") && !url.contains("/admin/login") && !url.contains("j_security_check");
        });
    }

    private void addBreakout(LocalDate day, String title, String room, String capacity) {
        int before = driver.findElements(By.cssSelector("table.admin-table tbody tr")).size();
        new Select(driver.findElement(By.id("f-kind"))).selectByValue("BREAKOUT");
        setDateTime("f-startsAt", day.atTime(14, 0));
        setDateTime("f-endsAt", day.atTime(15, 0));
        type("f-titleNl", title);
        type("f-round", "1");
        type("f-room", room);
        type("f-capacity", capacity);
        click(By.xpath("//form[contains(@action,'/programme/save')]//button[@type='submit']"));
        waitFor("the programme with \"" + title + "\" added", browser -> browser.findElements(
                By.cssSelector("table.admin-table tbody tr")).size() == before + 1
                && browser.findElement(By.cssSelector("table.admin-table")).getText().contains(title));
    }

    // ------------------------------------------------------------------ browser helpers

    private void open(String path) {
        driver.get(base.toString() + path);
    }

    /** Clicks the first of the given elements that is there (e.g. a link by its text, else by its address). */
    private void click(By... candidates) {
        WebElement element = waitFor("something to click: " + List.of(candidates), browser -> {
            for (By candidate : candidates) {
                List<WebElement> found = browser.findElements(candidate);
                if (!found.isEmpty() && found.get(0).isDisplayed() && found.get(0).isEnabled()) {
                    return found.get(0);
                }
            }
            return null;
        });
        element.click();
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Sets a datetime-local input as the date picker would: typing into it depends on the browser's locale in headless
     * Chromium, so the value is set and the input and change events a person's choice fires are dispatched.
     */
    private void setDateTime(String id, LocalDateTime value) {
        WebElement field = driver.findElement(By.id(id));
        String text = String.format("%sT%02d:%02d", value.toLocalDate(), value.getHour(), value.getMinute());
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, text);
        assertEquals(text, field.getDomProperty("value"), () -> failure(id + " set"));
    }

    /** Fetches a link inside the page, with the page's cookies, and returns the body decoded keeping a BOM. */
    @SuppressWarnings("unchecked")
    private String fetchInPage(String href) {
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'})"
                + ".then(function (r) { return r.arrayBuffer().then(function (b) {"
                + "  done({status: r.status, type: r.headers.get('Content-Type'),"
                + "        text: new TextDecoder('utf-8', {ignoreBOM: true}).decode(b)}); }); })"
                + ".catch(function (e) { done({status: -1, type: '', text: String(e)}); });", href);
        Map<String, Object> response = (Map<String, Object>) result;
        assertEquals(200L, ((Number) response.get("status")).longValue(),
                () -> failure("CSV download " + href + ": " + response.get("text")));
        assertTrue(String.valueOf(response.get("type")).startsWith("text/csv"), "CSV content type: " + response);
        return (String) response.get("text");
    }

    private long eventIdFromUrl() {
        Matcher matcher = HUB.matcher(driver.getCurrentUrl());
        assertTrue(matcher.find(), () -> failure("an event hub address"));
        return Long.parseLong(matcher.group(1));
    }

    private <T> T waitFor(String what, ExpectedCondition<T> condition) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Not within " + PATIENCE.toSeconds() + " s: " + what + ". " + failure(""), e);
        }
    }

    private String failure(String what) {
        String text;
        try {
            text = driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            text = "(no page text: " + e.getMessage() + ")";
        }
        return what + " [at " + driver.getCurrentUrl() + "; page: " + excerpt(text) + "]";
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 600 ? flat.substring(0, 600) + "…" : flat;
    }
}
