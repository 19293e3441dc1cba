package nl.kennisagenda.newsletter;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import nl.kennisagenda.backoffice.BackofficeMailProfile;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.OutboxSender;
import nl.kennisagenda.mail.SmtpServer;
import nl.kennisagenda.newsletter.subscription.Consent;
import nl.kennisagenda.newsletter.subscription.ConsentSource;
import nl.kennisagenda.registration.TestEvents;

/**
 * Subscribing to the newsletter as a visitor: the double opt-in through the mailed link, the same answer whatever the
 * address, expiry, the preferences page, unsubscribing (the page and the RFC 8058 one-click POST) and the event
 * sign-up's newsletter box. Against real SMTP (GreenMail).
 */
@QuarkusTest
@TestProfile(BackofficeMailProfile.class)
class SubscribingTest {

    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://\\S+/newsletter/confirm/([A-Za-z0-9_-]+)");

    SmtpServer smtp;

    @Inject
    OutboxSender sender;

    @BeforeEach
    void cleanMailbox() {
        smtp.start();
        smtp.purge();
    }

    @Test
    void aSubscriptionWaitsForTheButtonBehindTheMailedLink() throws Exception {
        String email = address("dubbel");
        Response posted = subscribe(VisitorBrowser.dutch(), email, "Anna de Vries", "platform31");
        assertEquals(303, posted.statusCode());
        assertTrue(posted.header("Location").endsWith("/newsletter/check-your-mail"));
        assertEquals(SubscriberStatus.PENDING, subscriber(email).status);

        Consent consent = onlyConsent(email);
        assertEquals(ConsentSource.FORM, consent.source);
        assertTrue(consent.consentText.startsWith("Ja, stuur mij de nieuwsbrief over de gekozen organisaties"));
        assertTrue(consent.consentVersion.startsWith("form-"), consent.consentVersion);
        assertEquals(nl.kennisagenda.privacy.PrivacyStatements.PLATFORM_VERSION, consent.privacyVersion);
        assertEquals("Platform31", consent.scope);
        assertNull(consent.confirmedAt);
        assertNotNull(consent.confirmTokenHash);

        sender.sendDue(Instant.now());
        List<MimeMessage> received = smtp.receivedBy(email);
        assertEquals(1, received.size());
        assertEquals("Bevestig je aanmelding voor de nieuwsbrief", received.get(0).getSubject());
        String token = confirmToken(email, MailKind.NEWSLETTER_CONFIRMATION);
        assertFalse(consent.confirmTokenHash.contains(token), "only the hash of the token is stored");

        // Following the link shows a button; a link scanner that only GETs confirms nothing.
        VisitorBrowser browser = VisitorBrowser.dutch();
        Response page = browser.get("/newsletter/confirm/" + token);
        assertEquals(200, page.statusCode());
        assertEquals("Bevestig je aanmelding", Html.of(page).h1());
        assertEquals(SubscriberStatus.PENDING, subscriber(email).status);

        Response confirmed = browser.post().post("/newsletter/confirm/" + token);
        assertEquals(303, confirmed.statusCode());
        Subscriber subscriber = subscriber(email);
        assertEquals(SubscriberStatus.CONFIRMED, subscriber.status);
        assertNotNull(subscriber.confirmedAt);
        assertNotNull(onlyConsent(email).confirmedAt);
        assertTrue(confirmed.header("Location").endsWith("/newsletter/preferences/" + subscriber.token
                + "?confirmed=1"));
        assertEquals("Bedankt, je aanmelding is bevestigd.", Html.of(browser.get(confirmed.header("Location")))
                .notice());
    }

    @Test
    void theAnswerIsTheSameForANewAPendingAndAConfirmedAddress() throws Exception {
        String confirmedAddress = address("bekend");
        subscribe(VisitorBrowser.dutch(), confirmedAddress, "", "platform31");
        confirm(confirmedAddress);
        // Its confirmation mail went out long ago (outside the quiet period).
        QuarkusTransaction.requiringNew().run(() -> Subscriber.update("lastMailedAt = ?1 where emailKey = ?2",
                Instant.now().minusSeconds(3600), confirmedAddress));
        String pendingAddress = address("wachtend");
        subscribe(VisitorBrowser.dutch(), pendingAddress, "", "platform31");
        sender.sendDue(Instant.now());
        smtp.purge();

        Response forNew = subscribe(VisitorBrowser.dutch(), address("nieuw"), "", "platform31");
        Response forPending = subscribe(VisitorBrowser.dutch(), pendingAddress, "", "vilans");
        Response forConfirmed = subscribe(VisitorBrowser.dutch(), confirmedAddress, "", "vilans");
        for (Response answer : List.of(forNew, forPending, forConfirmed)) {
            assertEquals(303, answer.statusCode());
            assertEquals(forNew.header("Location"), answer.header("Location"));
        }
        String page = mainText(given().get(forNew.header("Location")));
        assertTrue(page.contains("Je bent pas aangemeld als je op de link in die mail klikt"), page);

        sender.sendDue(Instant.now());
        // The confirmed address hears that it is already subscribed, with its preferences link; its choices stay.
        List<MimeMessage> toConfirmed = smtp.receivedBy(confirmedAddress);
        assertEquals(1, toConfirmed.size());
        assertEquals("Je bent al aangemeld voor de nieuwsbrief", toConfirmed.get(0).getSubject());
        assertTrue(onlyMail(confirmedAddress, MailKind.NEWSLETTER_ALREADY_SUBSCRIBED).textBody
                .contains("/newsletter/preferences/" + subscriber(confirmedAddress).token));
        assertEquals(Set.of("platform31"), organisationsOf(confirmedAddress));
        // The pending address was mailed a moment ago: no second mail within the quiet period.
        assertEquals(0, smtp.receivedBy(pendingAddress).size());
        assertEquals(Set.of("platform31", "vilans"), organisationsOf(pendingAddress));
    }

    @Test
    void anUnsubscribedAddressThatSubscribesAgainWaitsForANewConfirmation() {
        String email = address("terug");
        subscribe(VisitorBrowser.dutch(), email, "", "platform31");
        confirm(email);
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .post("/newsletter/unsubscribe/" + subscriber(email).token).then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> Subscriber.update("lastMailedAt = ?1 where emailKey = ?2",
                Instant.now().minusSeconds(3600), email));

        subscribe(VisitorBrowser.dutch(), email, "", "vilans").then().statusCode(303);
        Subscriber subscriber = subscriber(email);
        assertEquals(SubscriberStatus.PENDING, subscriber.status);
        assertEquals(Set.of("vilans"), organisationsOf(email), "the new choice only");
        List<Consent> consents = consents(email);
        assertEquals(2, consents.size());
        assertNull(consents.get(0).confirmedAt);
        assertEquals("Vilans", consents.get(0).scope);
        assertNotNull(consents.get(1).withdrawnAt, "the earlier consent stays withdrawn");
        assertEquals(2L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMail.count(
                "recipient = ?1 and kind = ?2", email, MailKind.NEWSLETTER_CONFIRMATION)));
    }

    @Test
    void aFormWithErrorsIsShownAgainWithItsValues() {
        VisitorBrowser browser = VisitorBrowser.dutch();
        browser.get("/newsletter");
        Response answer = browser.post().formParam("email", "geen-adres").formParam("name", "Piet")
                .post("/newsletter");
        assertEquals(422, answer.statusCode());
        Html html = Html.of(answer);
        assertEquals("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.", html.link("#news-email"));
        assertEquals("Kies minstens één organisatie of thema.", html.link("#news-choices"));
        assertEquals("geen-adres", html.attribute("news-email", "value"));
        assertEquals("Piet", html.attribute("news-name", "value"));
        assertEquals("news-email-error", html.attribute("news-email", "aria-describedby"));
    }

    @Test
    void aBotThatFillsTheHiddenFieldGetsTheSameAnswerAndNothingIsStored() {
        String email = address("robot");
        VisitorBrowser browser = VisitorBrowser.dutch();
        browser.get("/newsletter");
        Response answer = browser.post().formParam("email", email).formParam("organisation", "platform31")
                .formParam("website", "https://spam.example").post("/newsletter");
        assertEquals(303, answer.statusCode());
        assertTrue(answer.header("Location").endsWith("/newsletter/check-your-mail"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Subscriber.count("emailKey", email)));
    }

    @Test
    void anExpiredLinkConfirmsNothingAndOffersTheFormAgain() {
        String email = address("verlopen");
        subscribe(VisitorBrowser.dutch(), email, "", "platform31");
        String token = confirmToken(email, MailKind.NEWSLETTER_CONFIRMATION);
        QuarkusTransaction.requiringNew().run(() -> Consent.update("confirmExpiresAt = ?1 where subscriber.emailKey"
                + " = ?2", Instant.now().minusSeconds(1), email));

        VisitorBrowser browser = VisitorBrowser.dutch();
        Response page = browser.get("/newsletter/confirm/" + token);
        assertEquals(410, page.statusCode());
        Html html = Html.of(page);
        assertEquals("Deze link is verlopen", html.h1());
        assertEquals("Opnieuw aanmelden", html.link("/newsletter"));
        assertNull(html.formAction(), "the button posts back to the link itself");
        assertFalse(page.asString().contains(token), "the page does not repeat the token");
        browser.get("/newsletter");
        assertEquals(410, browser.post().post("/newsletter/confirm/" + token).statusCode());
        assertEquals(SubscriberStatus.PENDING, subscriber(email).status);
        assertEquals(404, VisitorBrowser.dutch().get("/newsletter/confirm/onbekend-token").statusCode());

        // The page's button asks for a new mail (outside the quiet period); its new link works.
        QuarkusTransaction.requiringNew().run(() -> Subscriber.update("lastMailedAt = ?1 where emailKey = ?2",
                Instant.now().minusSeconds(3600), email));
        browser.get("/newsletter/confirm/" + token);
        Response again = browser.post().formParam("again", "1").post("/newsletter/confirm/" + token);
        assertEquals(303, again.statusCode());
        assertTrue(again.header("Location").endsWith("/newsletter/check-your-mail"));
        String fresh = confirmToken(email, MailKind.NEWSLETTER_CONFIRMATION);
        assertFalse(fresh.equals(token));
        assertEquals(2, consents(email).size());
        browser.get("/newsletter/confirm/" + fresh);
        browser.post().post("/newsletter/confirm/" + fresh).then().statusCode(303);
        assertEquals(SubscriberStatus.CONFIRMED, subscriber(email).status);
    }

    @Test
    void aMailProgramUnsubscribesWithOneClickPostWithoutAnyCookieOrToken() {
        String email = address("eenklik");
        subscribe(VisitorBrowser.dutch(), email, "", "platform31");
        confirm(email);
        String token = subscriber(email).token;

        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post("/newsletter/unsubscribe/" + token)
                .then().statusCode(200);

        Subscriber subscriber = subscriber(email);
        assertEquals(SubscriberStatus.UNSUBSCRIBED, subscriber.status);
        assertEquals("ONE_CLICK", subscriber.unsubscribeMethod);
        assertNotNull(subscriber.unsubscribedAt);
        assertFalse(subscriber.receivesIssues());
        Consent consent = onlyConsent(email);
        assertNotNull(consent.withdrawnAt);
        assertEquals("ONE_CLICK", consent.withdrawnMethod);
    }

    @Test
    void theOneClickPostMayAlsoComeAsMultipartFormData() {
        String email = address("eenklik-multipart");
        subscribe(VisitorBrowser.dutch(), email, "", "platform31");
        confirm(email);

        given().redirects().follow(false).multiPart("List-Unsubscribe", "One-Click")
                .post("/newsletter/unsubscribe/" + subscriber(email).token).then().statusCode(200);

        Subscriber subscriber = subscriber(email);
        assertEquals(SubscriberStatus.UNSUBSCRIBED, subscriber.status);
        assertEquals("ONE_CLICK", subscriber.unsubscribeMethod);
    }

    @Test
    void theUnsubscribeLinkShowsAButtonAndOnlyThePostUnsubscribes() {
        String email = address("afmeldlink");
        subscribe(VisitorBrowser.dutch(), email, "", "platform31");
        confirm(email);
        String token = subscriber(email).token;

        VisitorBrowser browser = VisitorBrowser.dutch();
        Response page = browser.get("/newsletter/unsubscribe/" + token);
        assertEquals(200, page.statusCode());
        assertEquals("/newsletter/unsubscribe/" + token, Html.of(page).formAction());
        assertEquals(SubscriberStatus.CONFIRMED, subscriber(email).status, "a GET changes nothing");

        Response done = browser.post().post("/newsletter/unsubscribe/" + token);
        assertEquals(200, done.statusCode());
        assertEquals("Je bent afgemeld", Html.of(done).h1());
        assertEquals("LINK", subscriber(email).unsubscribeMethod);
        assertEquals(404, given().get("/newsletter/unsubscribe/onbekend").statusCode());
    }

    @Test
    void thePreferencesPageChangesTopicsAndLanguage() {
        String email = address("voorkeur");
        subscribe(VisitorBrowser.dutch(), email, "", "platform31");
        confirm(email);
        String token = subscriber(email).token;

        VisitorBrowser browser = VisitorBrowser.dutch();
        assertEquals(200, browser.get("/newsletter/preferences/" + token).statusCode());
        Response nothing = browser.post().formParam("language", "nl").post("/newsletter/preferences/" + token);
        assertEquals(422, nothing.statusCode());
        assertEquals(Set.of("platform31"), organisationsOf(email));

        Response saved = browser.post().formParam("organisation", "vilans").formParam("language", "en")
                .post("/newsletter/preferences/" + token);
        assertEquals(303, saved.statusCode());
        assertEquals(Set.of("vilans"), organisationsOf(email));
        Subscriber subscriber = subscriber(email);
        assertEquals("en", subscriber.locale);
        assertEquals(SubscriberStatus.CONFIRMED, subscriber.status);
        Consent latest = consents(email).get(0);
        assertEquals(ConsentSource.PREFERENCES, latest.source);
        assertNotNull(latest.confirmedAt);
        assertEquals("Vilans", latest.scope);
    }

    @Test
    void theEventSignUpsNewsletterBoxLeadsToAPendingSubscriptionAndAConfirmationMail() throws Exception {
        TestEvents.Created event = TestEvents.create("nieuwsbrief", 10);
        String email = address("vinkje");
        VisitorBrowser browser = VisitorBrowser.dutch();
        browser.get("/events/" + event.slug() + "/register");
        Response signedUp = browser.post().formParam("firstName", "Anna").formParam("lastName", "de Vries")
                .formParam("email", email).formParam("organisation", "Gemeente Utrecht")
                .formParam("newsletter", "yes").post("/events/" + event.slug() + "/register");
        assertEquals(303, signedUp.statusCode());

        Subscriber subscriber = subscriber(email);
        assertEquals(SubscriberStatus.PENDING, subscriber.status);
        assertEquals("Anna de Vries", subscriber.name);
        Consent consent = onlyConsent(email);
        assertEquals(ConsentSource.EVENT_SIGNUP, consent.source);
        assertEquals(event.slug(), consent.sourceDetail);
        assertTrue(consent.consentText.startsWith("Ja, stuur mij de nieuwsbrief van de organisator"));
        assertTrue(consent.consentVersion.startsWith("signup-"));
        assertEquals(nl.kennisagenda.privacy.PrivacyStatements.PLATFORM_VERSION, consent.privacyVersion,
                "the privacy statement version the sign-up form showed, as on the registration");

        sender.sendDue(Instant.now());
        List<String> subjects = smtp.receivedBy(email).stream().map(SubscribingTest::subject).toList();
        assertTrue(subjects.contains("Bevestig je aanmelding voor de nieuwsbrief"), subjects.toString());

        // Without the box: no subscriber at all.
        String without = address("zonder-vinkje");
        browser.get("/events/" + event.slug() + "/register");
        browser.post().formParam("firstName", "Bob").formParam("lastName", "Jansen").formParam("email", without)
                .formParam("organisation", "Gemeente Utrecht").post("/events/" + event.slug() + "/register")
                .then().statusCode(303);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Subscriber.count("emailKey", without)));
    }

    @Test
    void anOrganisationsOwnFormRecordsWhereTheConsentCameFrom() {
        String email = address("eigenformulier");
        VisitorBrowser browser = VisitorBrowser.english();
        Response form = browser.get("/organisations/vilans/newsletter");
        assertEquals(200, form.statusCode());
        assertTrue(form.asString().contains("id=\"news-org-vilans\" name=\"organisation\" value=\"vilans\" checked>"));
        assertEquals("/organisations/vilans/newsletter", Html.of(form).formAction());
        Response posted = browser.post().formParam("email", email).formParam("organisation", "vilans")
                .formParam("language", "en").post("/organisations/vilans/newsletter");
        assertEquals(303, posted.statusCode());
        Consent consent = onlyConsent(email);
        assertEquals(ConsentSource.ORGANISATION_FORM, consent.source);
        assertEquals("vilans", consent.sourceDetail);
        assertTrue(consent.consentText.startsWith("Yes, send me the newsletter"), consent.consentText);
        assertEquals("en", subscriber(email).locale);
        assertEquals("Confirm your subscription to the newsletter",
                onlyMail(email, MailKind.NEWSLETTER_CONFIRMATION).subject);
        assertEquals(404, VisitorBrowser.dutch().get("/organisations/bestaat-niet/newsletter").statusCode());
    }

    // ---------------------------------------------------------------- helpers

    static Response subscribe(VisitorBrowser browser, String email, String name, String organisation) {
        browser.get("/newsletter");
        return browser.post().formParam("email", email).formParam("name", name)
                .formParam("organisation", organisation).formParam("language", "nl").post("/newsletter");
    }

    /** Follows the confirmation link of the address's latest confirmation mail and presses the button. */
    static void confirm(String email) {
        String token = confirmToken(email, MailKind.NEWSLETTER_CONFIRMATION);
        VisitorBrowser browser = VisitorBrowser.dutch();
        browser.get("/newsletter/confirm/" + token);
        browser.post().post("/newsletter/confirm/" + token).then().statusCode(303);
    }

    static String confirmToken(String email, MailKind kind) {
        Matcher matcher = CONFIRM_LINK.matcher(latestMail(email, kind).textBody);
        assertTrue(matcher.find(), "a confirmation link in the mail");
        return matcher.group(1);
    }

    static OutboxMail latestMail(String email, MailKind kind) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail
                .<OutboxMail>find("recipient = ?1 and kind = ?2 order by id desc", email, kind).firstResult());
    }

    static OutboxMail onlyMail(String email, MailKind kind) {
        List<OutboxMail> mails = QuarkusTransaction.requiringNew().call(() -> OutboxMail
                .<OutboxMail>list("recipient = ?1 and kind = ?2 order by id desc", email, kind));
        assertEquals(1, mails.size(), "one " + kind + " to " + email);
        return mails.get(0);
    }

    static Subscriber subscriber(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.findByEmail(email).orElseThrow());
    }

    static Set<String> organisationsOf(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.findByEmail(email).orElseThrow()
                .organisations.stream().map(organisation -> organisation.slug)
                .collect(java.util.stream.Collectors.toSet()));
    }

    static List<Consent> consents(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Consent.of(Subscriber.findByEmail(email).orElseThrow()));
    }

    static Consent onlyConsent(String email) {
        List<Consent> consents = consents(email);
        assertEquals(1, consents.size());
        return consents.get(0);
    }

    static String address(String name) {
        return name + "-" + System.nanoTime() + "@example.org";
    }

    private static String mainText(Response response) {
        return Html.of(response).main();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
