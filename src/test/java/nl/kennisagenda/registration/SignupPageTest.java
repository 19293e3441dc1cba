package nl.kennisagenda.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.registration.service.RegistrationService;

@QuarkusTest
class SignupPageTest {

    @Inject
    RegistrationService service;

    private static String mail(String name) {
        return name + "-" + System.nanoTime() + "@example.org";
    }

    @Test
    void theSeminarFormShowsEveryFieldWithLabelsMarksAndOneRadioGroupPerRound() {
        given().get("/events/van-regiobeeld-naar-regioplan/register").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("<label for=\"field-firstName\">Voornaam <abbr class=\"required\""))
                .body(containsString("Velden met een * zijn verplicht."))
                .body(containsString("autocomplete=\"given-name\""))
                .body(containsString("type=\"email\""))
                .body(containsString("<legend>Ronde 1 <abbr"))
                .body(containsString("<legend>Ronde 2 <abbr"))
                .body(containsString("name=\"session-round-1\""))
                .body(containsString("Kies per ronde één sessie."))
                .body(containsString("<label for=\"field-dietary\">Dieetwensen of allergieën</label>"))
                .body(containsString("name=\"newsletter\" value=\"yes\">"))
                .body(containsString("Ja, stuur mij de nieuwsbrief"))
                .body(containsString("name=\"website\""))
                .body(containsString("novalidate"));
        given().cookie("lang", "en").get("/events/van-regiobeeld-naar-regioplan/register").then().statusCode(200)
                .body(containsString("Fields marked * are required."))
                .body(containsString("<legend>Round 1 <abbr"))
                .body(containsString(">Dietary requirements or allergies</label>"));
    }

    @Test
    void breakoutSessionsAreOfferedEvenWhenTheFormEditorGotNoSessionField() {
        TestEvents.Created event = TestEvents.create("zonder-keuzeveld", 100, 10, 10);
        QuarkusTransaction.requiringNew().run(() -> FormField.delete("event.id = ?1 and fieldKey = ?2", event.id(),
                FormField.SESSIONS));

        given().get("/events/" + event.slug() + "/register").then().statusCode(200)
                .body(containsString("Keuze van deelsessies"))
                .body(containsString("value=\"" + event.sessionIds().get(0) + "\""));
        FormClient browser = FormClient.open("/events/" + event.slug() + "/register");
        browser.post().formParams(Map.of("firstName", "Sem", "lastName", "Keuze", "email", mail("zonder-keuze"),
                "organisation", "Gemeente Goes")).post("/events/" + event.slug() + "/register").then().statusCode(422)
                .body(containsString("Keuze van deelsessies"));
    }

    @Test
    void aFullSessionIsShownButCannotBeChosen() {
        TestEvents.Created event = TestEvents.create("volle-sessie", 100, 1, 10);
        long full = event.sessionIds().get(0);
        service.signUp(event.slug(), RegistrationServiceTest.input(mail("first"), full), Locale.forLanguageTag("nl"));

        String html = given().get("/events/" + event.slug() + "/register").then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"session-" + full + "\" name=\"session-round-1\" value=\"" + full + "\" disabled>"),
                html);
        assertTrue(html.contains("Sessie A <span class=\"choice__meta\">"));
        assertTrue(html.contains(" · vol</span>"));
    }

    @Test
    void aMissingAddressGives422WithASummaryLinkingToTheFieldAndKeepsTheValues() {
        TestEvents.Created event = TestEvents.create("fout", 10);
        FormClient browser = FormClient.open("/events/" + event.slug() + "/register");

        browser.post().formParam("firstName", "Anna").formParam("lastName", "<b>de Vries</b>")
                .formParam("organisation", "Gemeente Utrecht").formParam("newsletter", "yes")
                .post("/events/" + event.slug() + "/register")
                .then().statusCode(422)
                .body(containsString("Controleer de volgende velden"))
                .body(containsString("<a href=\"#field-email\">E-mailadres: Vul dit veld in.</a>"))
                .body(containsString("aria-describedby=\"field-email-error\" aria-invalid=\"true\""))
                .body(containsString("<p class=\"field__error\" id=\"field-email-error\">"))
                .body(containsString("value=\"Anna\""))
                .body(containsString("value=\"&lt;b&gt;de Vries&lt;/b&gt;\""))
                .body(containsString("value=\"Gemeente Utrecht\""))
                .body(containsString("name=\"newsletter\" value=\"yes\" checked>"));
        assertEquals(0, TestEvents.counts(event.id()).confirmedRows());
    }

    @Test
    void errorsComeInTheVisitorsLanguage() {
        TestEvents.Created event = TestEvents.create("taal", 10);
        FormClient browser = FormClient.open("/events/" + event.slug() + "/register").english();
        browser.post().formParam("firstName", "Anna").formParam("lastName", "Smith").formParam("organisation", "X")
                .formParam("email", "not-an-address")
                .post("/events/" + event.slug() + "/register")
                .then().statusCode(422)
                .body(containsString("<a href=\"#field-email\">Email address: Enter a valid email address"));
    }

    @Test
    void aValidSignUpRedirectsToAResultPageWithACalendarLink() {
        TestEvents.Created event = TestEvents.create("goed", 10);
        String email = mail("goed");
        Response posted = FormClient.open("/events/" + event.slug() + "/register").post()
                .formParam("firstName", "Anna").formParam("lastName", "de Vries").formParam("email", email)
                .formParam("organisation", "Gemeente Utrecht").formParam("newsletter", "yes")
                .post("/events/" + event.slug() + "/register");
        assertEquals(303, posted.statusCode());
        String location = posted.header("Location");
        assertTrue(location.contains("/events/" + event.slug() + "/registered?r="), location);

        given().get(location).then().statusCode(200)
                .body(containsString("<h1>Je bent aangemeld</h1>"))
                .body(containsString("/events/" + event.slug() + ".ics\""))
                .body(containsString("Wat gebeurt er nu?"));

        Registration stored = TestEvents.registration(event.id(), email);
        assertEquals(RegistrationStatus.CONFIRMED, stored.status);
        assertTrue(stored.newsletterOptIn);
        assertTrue(stored.newsletterConsentText.startsWith("Ja, stuur mij de nieuwsbrief"));
        assertEquals("nl", stored.locale);
    }

    @Test
    void theResultPageSaysWaitingListWhenTheEventIsFull() {
        TestEvents.Created event = TestEvents.create("wachtlijst", 0);
        String location = FormClient.open("/events/" + event.slug() + "/register").post()
                .formParam("firstName", "Anna").formParam("lastName", "de Vries").formParam("email", mail("w"))
                .formParam("organisation", "X").post("/events/" + event.slug() + "/register").header("Location");
        given().get(location).then().statusCode(200).body(containsString("<h1>Je staat op de wachtlijst</h1>"));
    }

    @Test
    void aRepeatedAddressGetsTheSamePageAndNoTokenOfTheExistingRegistration() {
        TestEvents.Created event = TestEvents.create("nogmaals", 10);
        String email = mail("twice");
        FormClient browser = FormClient.open("/events/" + event.slug() + "/register");
        String first = resultPage(browser, event.slug(), email);
        browser.get("/events/" + event.slug() + "/register");
        String second = resultPage(browser, event.slug(), email.toUpperCase(Locale.ROOT));

        assertEquals(withoutReceipt(first), withoutReceipt(second));
        Registration existing = TestEvents.registration(event.id(), email);
        assertTrue(!second.contains(existing.token) && !second.contains(existing.attendee.calendarToken));
        assertEquals(1, TestEvents.counts(event.id()).confirmedRows());
    }

    private static String resultPage(FormClient browser, String slug, String email) {
        String location = browser.post().formParam("firstName", "Anna").formParam("lastName", "de Vries")
                .formParam("email", email).formParam("organisation", "X").post("/events/" + slug + "/register")
                .then().statusCode(303).extract().header("Location");
        return given().get(location).then().statusCode(200).extract().asString();
    }

    private static String withoutReceipt(String html) {
        return html.replaceAll("r=[A-Za-z0-9_.-]+", "r=");
    }

    @Test
    void aForgedReceiptShowsNothing() {
        TestEvents.Created event = TestEvents.create("vals", 10);
        given().get("/events/" + event.slug() + "/registered?r=" + event.id() + "-c-abc.forged").then().statusCode(404);
        given().get("/events/" + event.slug() + "/registered").then().statusCode(404);
    }

    @Test
    void aPostWithoutTheCsrfTokenGetsAFriendly403AndCreatesNothing() {
        TestEvents.Created event = TestEvents.create("csrf", 10);
        given().contentType("application/x-www-form-urlencoded").redirects().follow(false)
                .formParam("firstName", "Anna").formParam("lastName", "de Vries").formParam("email", mail("csrf"))
                .formParam("organisation", "X")
                .post("/events/" + event.slug() + "/register")
                .then().statusCode(403).contentType(startsWith("text/html"))
                .body(containsString("Formulier verlopen"));
        FormClient browser = FormClient.open("/events/" + event.slug() + "/register");
        browser.csrf = "forged" + browser.csrf;
        browser.post().formParam("firstName", "Anna").formParam("lastName", "de Vries")
                .formParam("email", mail("csrf")).formParam("organisation", "X")
                .post("/events/" + event.slug() + "/register").then().statusCode(403);
        assertEquals(0, TestEvents.counts(event.id()).confirmedRows());
    }

    @Test
    void aFilledHoneypotLooksAcceptedButCreatesNothing() {
        TestEvents.Created event = TestEvents.create("honing", 10);
        String email = mail("bot");
        String location = FormClient.open("/events/" + event.slug() + "/register").post()
                .formParam("firstName", "Bot").formParam("lastName", "Bot").formParam("email", email)
                .formParam("organisation", "X").formParam("website", "https://spam.example")
                .post("/events/" + event.slug() + "/register").then().statusCode(303).extract().header("Location");
        given().get(location).then().statusCode(200).body(containsString("Je bent aangemeld"));
        assertNull(TestEvents.registration(event.id(), email));
        assertEquals(new TestEvents.Counts(0, 0, 0, 0), TestEvents.counts(event.id()));
    }

    @Test
    void aClosedEventShowsWhyAndNoForm() {
        TestEvents.Created event = TestEvents.create("dicht", 10);
        FormClient browser = FormClient.open("/events/" + event.slug() + "/register");
        TestEvents.change(event.id(), e -> e.signupClosesAt = Instant.now().minus(Duration.ofHours(1)));

        given().get("/events/" + event.slug() + "/register").then().statusCode(200)
                .body(containsString("De aanmelding voor deze bijeenkomst is gesloten."))
                .body(not(containsString("<form")));
        browser.post().formParam("firstName", "Anna").formParam("lastName", "de Vries")
                .formParam("email", mail("late")).formParam("organisation", "X")
                .post("/events/" + event.slug() + "/register").then().statusCode(409)
                .body(containsString("gesloten"));
    }

    @Test
    void beforeTheWindowThePageSaysWhenSignUpOpens() {
        TestEvents.Created event = TestEvents.create("straks", 10);
        TestEvents.change(event.id(), e -> e.signupOpensAt = Instant.parse("2099-03-20T09:00:00Z"));
        given().get("/events/" + event.slug() + "/register").then().statusCode(200)
                .body(containsString("De aanmelding opent op vrijdag 20 maart 2099 om 10:00."))
                .body(not(containsString("<form")));
    }

    @Test
    void anUnknownEventIs404() {
        given().get("/events/bestaat-niet/register").then().statusCode(404).body(containsString("Niet gevonden"));
    }

    @Test
    void hostileInputGetsClearErrorsOrIsStoredAndShownEscaped() {
        TestEvents.Created event = TestEvents.create("vijandig", 10);
        String path = "/events/" + event.slug() + "/register";
        FormClient browser = FormClient.open(path);

        // Header injection attempt in a name and in the address: refused with a clear message.
        browser.post().formParam("firstName", "Anna\r\nBcc: x@example.org").formParam("lastName", "de Vries")
                .formParam("email", "anna@example.org\r\nBcc: x@example.org").formParam("organisation", "X")
                .post(path).then().statusCode(422)
                .body(containsString("<a href=\"#field-firstName\">Voornaam: Gebruik geen regeleinden"))
                .body(containsString("<a href=\"#field-email\">E-mailadres: Gebruik geen regeleinden"));
        // 10,000 characters: too long, a clear message, the value comes back escaped, no 5xx.
        browser.post().formParam("firstName", "x".repeat(10_000)).formParam("lastName", "de Vries")
                .formParam("email", mail("long")).formParam("organisation", "<i>".repeat(3000))
                .post(path).then().statusCode(422)
                .body(containsString("Voornaam: Gebruik maximaal 100 tekens."))
                .body(containsString("Organisatie: Gebruik maximaal 200 tekens."))
                .body(not(containsString("<i><i>")));
        // Script tags and emoji are a name like any other: stored as typed, always shown escaped.
        String email = mail("script");
        browser.post().formParam("firstName", "<script>alert(1)</script>").formParam("lastName", "Jansen 🎉")
                .formParam("email", email).formParam("organisation", "\"Quotes\" & <Co>")
                .post(path).then().statusCode(303);
        Registration stored = TestEvents.registration(event.id(), email);
        assertEquals("<script>alert(1)</script>", stored.firstName);
        assertEquals("Jansen 🎉", stored.lastName);
        given().get("/registrations/" + stored.token).then().statusCode(200)
                .body(allOf(not(containsString("<script>alert(1)")), containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        containsString("Jansen 🎉"), containsString("&quot;Quotes&quot; &amp; &lt;Co&gt;")));
    }

    @Test
    void answersToTheEventsOwnFieldsAndTheBreakoutChoicesAreStored() {
        FormClient browser = FormClient.open("/events/van-regiobeeld-naar-regioplan/register");
        List<Long> rounds = QuarkusTransactionSupport.firstSessionPerRound("van-regiobeeld-naar-regioplan");
        String email = mail("seminar");
        browser.post().formParam("firstName", "Anna").formParam("lastName", "de Vries").formParam("email", email)
                .formParam("organisation", "Gemeente Utrecht").formParam("dietary", "Vegetarisch")
                .formParam("session-round-1", rounds.get(0)).formParam("session-round-2", rounds.get(1))
                .post("/events/van-regiobeeld-naar-regioplan/register").then().statusCode(303);
        Registration stored = QuarkusTransactionSupport.registration("van-regiobeeld-naar-regioplan", email);
        assertEquals(Map.of("dietary", "Vegetarisch"), stored.answers);
        assertEquals(2, stored.sessions.size());
    }

    @Test
    void aRequiredRoundLeftOpenIsAnErrorOnThatRoundOnly() {
        FormClient browser = FormClient.open("/events/van-regiobeeld-naar-regioplan/register");
        List<Long> rounds = QuarkusTransactionSupport.firstSessionPerRound("van-regiobeeld-naar-regioplan");
        String html = browser.post().formParam("firstName", "Anna").formParam("lastName", "de Vries")
                .formParam("email", mail("r")).formParam("organisation", "X")
                .formParam("session-round-1", rounds.get(0))
                .post("/events/van-regiobeeld-naar-regioplan/register").then().statusCode(422)
                .body(containsString("value=\"" + rounds.get(0) + "\" checked"))
                .extract().asString();
        Matcher link = Pattern.compile("<a href=\"#(session-\\d+)\">Deelsessies: Kies een sessie in ronde 2.</a>")
                .matcher(html);
        assertTrue(link.find(), "the summary links the round in error: " + html);
        String round1 = fieldset(html, "field-sessions-round-1");
        String round2 = fieldset(html, "field-sessions-round-2");
        assertTrue(round2.contains("id=\"" + link.group(1) + "\""), "the link leads to a choice in round 2");
        assertFalse(round1.contains("aria-invalid"), "round 1 was answered: " + round1);
        assertTrue(round2.contains("aria-invalid=\"true\""), "round 2 is marked invalid: " + round2);
    }

    @Test
    void everyRoundLeftOpenIsReportedAtOnce() {
        FormClient browser = FormClient.open("/events/van-regiobeeld-naar-regioplan/register");
        String html = browser.post().formParam("firstName", "Anna").formParam("lastName", "de Vries")
                .formParam("email", mail("rr")).formParam("organisation", "X")
                .post("/events/van-regiobeeld-naar-regioplan/register").then().statusCode(422).extract().asString();
        assertTrue(html.contains("Deelsessies: Kies een sessie in elk van deze rondes: 1 en 2.</a>"), html);
        assertTrue(fieldset(html, "field-sessions-round-1").contains("aria-invalid=\"true\""));
        assertTrue(fieldset(html, "field-sessions-round-2").contains("aria-invalid=\"true\""));
        assertTrue(html.contains("id=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\""
                + " tabindex=\"-1\" autofocus"), "the error summary takes the focus");
    }

    @Test
    void theResultPageRepeatsTheAddressAndTheChosenSessions() {
        FormClient browser = FormClient.open("/events/van-regiobeeld-naar-regioplan/register");
        List<Long> rounds = QuarkusTransactionSupport.firstSessionPerRound("van-regiobeeld-naar-regioplan");
        String email = mail("result");
        Response posted = browser.post().formParam("firstName", "Anna").formParam("lastName", "de Vries")
                .formParam("email", email).formParam("organisation", "Gemeente Utrecht")
                .formParam("session-round-1", rounds.get(0)).formParam("session-round-2", rounds.get(1))
                .post("/events/van-regiobeeld-naar-regioplan/register");
        assertEquals(303, posted.statusCode());
        String location = posted.header("Location");
        assertFalse(location.contains("example.org"), "the address never travels in the URL: " + location);
        String summary = posted.getCookie("ka-signup-summary");
        String page = browser.request().cookie("ka-signup-summary", summary).get(location).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("<dd class=\"result-summary__email\">" + email + "</dd>"), page);
        for (Long session : rounds) {
            String title = QuarkusTransaction.requiringNew().call(
                    () -> nl.kennisagenda.event.ProgrammeItem.<nl.kennisagenda.event.ProgrammeItem>findById(session).title);
            assertTrue(page.contains(title), "the chosen session " + title);
        }
        FormClient other = FormClient.open("/events/van-regiobeeld-naar-regioplan/register");
        String otherLocation = other.post().formParam("firstName", "Bas").formParam("lastName", "Smit")
                .formParam("email", mail("other")).formParam("organisation", "Gemeente Zeist")
                .formParam("session-round-1", rounds.get(0)).formParam("session-round-2", rounds.get(1))
                .post("/events/van-regiobeeld-naar-regioplan/register").header("Location");
        String otherPage = browser.request().cookie("ka-signup-summary", summary).get(otherLocation).asString();
        assertFalse(otherPage.contains(email), "a summary belongs to its own receipt only");
        String withoutCookie = given().get(location).then().statusCode(200).extract().asString();
        assertFalse(withoutCookie.contains("result-summary"), "without the cookie the details are left out");
    }

    @Test
    void aFullEventSaysTheFormPutsYouOnTheWaitingList() {
        TestEvents.Created full = TestEvents.create("vol-formulier", 0);
        String html = given().get("/events/" + full.slug() + "/register").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Met dit formulier zet je je op de wachtlijst"), html);
        assertTrue(html.contains(">Zet me op de wachtlijst</button>"));
        assertFalse(html.contains("Je krijgt meteen een bevestiging"));
    }

    /** The HTML of one round's fieldset. */
    private static String fieldset(String html, String id) {
        int start = html.indexOf("<fieldset class=\"round\" id=\"" + id + "\"");
        assertTrue(start >= 0, "fieldset " + id);
        return html.substring(start, html.indexOf("</fieldset>", start));
    }

}
