package nl.kennisagenda.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import nl.kennisagenda.audit.AuditEntry;
import nl.kennisagenda.backoffice.AdminClient;
import nl.kennisagenda.backoffice.BackofficeMailProfile;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.OutboxSender;
import nl.kennisagenda.mail.SmtpServer;
import nl.kennisagenda.newsletter.subscription.Consent;
import nl.kennisagenda.newsletter.subscription.ConsentSource;
import nl.kennisagenda.newsletter.subscription.Subscriptions;
import nl.kennisagenda.testsupport.HtmlChecker;

/**
 * The subscribers of an organisation in the back-office: the list and consent records, the CSV export, unsubscribing
 * by hand, importing a list with its legal basis (one re-permission mail per address, ever), and access.
 */
@QuarkusTest
@TestProfile(BackofficeMailProfile.class)
class SubscriberAdminTest {

    private static final String ORGANISER = "platform31@example.org";
    private static final String OUTSIDER = "vilans@example.org";
    private static final String LIST = "/admin/organisations/platform31/subscribers";

    SmtpServer smtp;

    @Inject
    OutboxSender sender;

    @Inject
    Subscriptions subscriptions;

    @BeforeEach
    void cleanMailbox() {
        smtp.start();
        smtp.purge();
    }

    @Test
    void anImportedAddressGetsOneRepermissionMailEverAndUnsubscribedOnesNone() throws Exception {
        String fresh = SubscribingTest.address("import-nieuw");
        String confirmed = SubscribingTest.address("import-bevestigd");
        SubscribingTest.subscribe(VisitorBrowser.dutch(), confirmed, "", "platform31");
        SubscribingTest.confirm(confirmed);
        String unsubscribed = SubscribingTest.address("import-afgemeld");
        SubscribingTest.subscribe(VisitorBrowser.dutch(), unsubscribed, "", "platform31");
        SubscribingTest.confirm(unsubscribed);
        subscriptions.unsubscribe(SubscribingTest.subscriber(unsubscribed).token, Subscriptions.LINK);
        sender.sendDue(Instant.now());
        smtp.purge();

        String csv = "email;naam;taal\n" + fresh + ";Fenna Fris;en\n" + confirmed + ";;\n" + unsubscribed
                + "\ngeen-adres;Iemand\n";
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        Response result = upload(organiser, "EARLIER_CONSENT", "Mailchimp-lijst Zorgnieuws, maart 2025", csv);
        assertEquals(200, result.statusCode());
        // The result page is not in PageQualityTest (it answers a multipart upload): its HTML is checked here.
        assertEquals(List.of(), new HtmlChecker().check(result.asString()).errors());
        String summary = Html.of(result).main();
        assertTrue(summary.contains("Nieuw of nog niet bevestigd: 1"), summary);
        assertTrue(summary.contains("Al aangemeld (niet gewijzigd): 1"), summary);
        assertTrue(summary.contains("Overgeslagen omdat afgemeld of onbestelbaar: 1"), summary);
        assertTrue(summary.contains("Ongeldige regels: 1"), summary);
        assertTrue(summary.contains("Verstuurde vragen om toestemming: 1"), summary);

        Subscriber imported = SubscribingTest.subscriber(fresh);
        assertEquals(SubscriberStatus.PENDING, imported.status);
        assertEquals("Fenna Fris", imported.name);
        assertEquals("en", imported.locale);
        assertNotNull(imported.repermissionSentAt);
        Consent consent = SubscribingTest.onlyConsent(fresh);
        assertEquals(ConsentSource.IMPORT, consent.source);
        assertEquals("EARLIER_CONSENT: Mailchimp-lijst Zorgnieuws, maart 2025", consent.legalBasis);
        assertEquals(SubscriberStatus.UNSUBSCRIBED, SubscribingTest.subscriber(unsubscribed).status);

        sender.sendDue(Instant.now());
        assertEquals(1, smtp.receivedBy(fresh).size());
        assertEquals("Would you like to keep receiving the newsletter of Platform31?",
                smtp.receivedBy(fresh).get(0).getSubject());
        assertEquals(0, smtp.receivedBy(confirmed).size());
        assertEquals(0, smtp.receivedBy(unsubscribed).size());

        // The same list again, later: nobody is asked a second time.
        Response again = upload(organiser, "EXISTING_RELATIONSHIP", "deelnemers 2024", csv);
        assertTrue(Html.of(again).main().contains("Verstuurde vragen om toestemming: 0"));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMail.count(
                "recipient = ?1 and kind = ?2", fresh, MailKind.NEWSLETTER_REPERMISSION)));

        // The re-permission link confirms the imported address.
        String token = SubscribingTest.confirmToken(fresh, MailKind.NEWSLETTER_REPERMISSION);
        VisitorBrowser browser = VisitorBrowser.dutch();
        browser.get("/newsletter/confirm/" + token);
        browser.post().post("/newsletter/confirm/" + token).then().statusCode(303);
        assertEquals(SubscriberStatus.CONFIRMED, SubscribingTest.subscriber(fresh).status);
    }

    @Test
    void anImportWithoutLegalBasisOrReferenceIsRefusedWithTheFormAgain() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        String email = SubscribingTest.address("zonder-grondslag");
        Response refused = upload(organiser, "", "  ", email + "\n");
        assertEquals(422, refused.statusCode());
        Html html = Html.of(refused);
        assertEquals("Kies een grondslag.", html.link("#import-basis-earlier"));
        assertEquals("Vul de verwijzing in.", html.link("#import-reference"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Subscriber.count("emailKey", email)));
    }

    @Test
    void theOrganiserSeesTheConsentRecordsAndCanExportThem() {
        String email = SubscribingTest.address("toestemming");
        SubscribingTest.subscribe(VisitorBrowser.dutch(), email, "Karin Kok", "platform31");
        SubscribingTest.confirm(email);
        long id = SubscribingTest.subscriber(email).id;

        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        Response list = organiser.get(LIST + "?q=" + email.substring(0, 18));
        assertEquals(200, list.statusCode());
        assertEquals(email, Html.of(list).link(LIST + "/" + id));

        Response detail = organiser.get(LIST + "/" + id);
        assertEquals(200, detail.statusCode());
        String text = Html.of(detail).main();
        assertTrue(detail.asString().contains("· Aanmeldformulier nieuwsbrief</h3>"), "the consent record's source");
        assertTrue(text.contains("Ja, stuur mij de nieuwsbrief over de gekozen organisaties"), text);

        Response csv = organiser.get(LIST + "/consents.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        String body = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        String line = body.lines().filter(l -> l.contains(email)).findFirst().orElseThrow();
        assertTrue(line.contains("\"FORM\""), line);
        assertTrue(line.contains("\"CONFIRMED\""), line);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("action = ?1 and detail like ?2",
                "EXPORTED", "newsletter consent records%")) > 0);
    }

    @Test
    void theOrganiserCanUnsubscribeSomeoneByHand() {
        String email = SubscribingTest.address("handmatig");
        SubscribingTest.subscribe(VisitorBrowser.dutch(), email, "", "platform31");
        SubscribingTest.confirm(email);
        long id = SubscribingTest.subscriber(email).id;

        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        organiser.get(LIST + "/" + id);
        Response done = organiser.post().post(LIST + "/" + id + "/unsubscribe");
        assertEquals(303, done.statusCode());
        Subscriber subscriber = SubscribingTest.subscriber(email);
        assertEquals(SubscriberStatus.UNSUBSCRIBED, subscriber.status);
        assertEquals("ORGANISER", subscriber.unsubscribeMethod);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("action = ?1 and detail = ?2",
                "NEWSLETTER_UNSUBSCRIBED", email)) == 1);
    }

    @Test
    void anOrganiserOfAnotherOrganisationIsRefused() {
        String email = SubscribingTest.address("buitenstaander");
        SubscribingTest.subscribe(VisitorBrowser.dutch(), email, "", "platform31");
        long id = SubscribingTest.subscriber(email).id;

        AdminClient outsider = AdminClient.loggedIn(OUTSIDER, AdminClient.DEMO_PASSWORD);
        for (String path : List.of(LIST, LIST + "/" + id, LIST + "/consents.csv", LIST + "/import")) {
            assertEquals(403, outsider.get(path).statusCode(), path);
        }
        assertEquals(403, outsider.post().post(LIST + "/" + id + "/unsubscribe").statusCode());
        assertEquals(403, upload(outsider, "EARLIER_CONSENT", "lijst", SubscribingTest.address("x") + "\n")
                .statusCode());
        assertEquals(SubscriberStatus.PENDING, SubscribingTest.subscriber(email).status);
        // Their own organisation's list does not show platform31's subscriber.
        Response own = outsider.get("/admin/organisations/vilans/subscribers");
        assertEquals(200, own.statusCode());
        assertTrue(!own.asString().contains(email));
    }

    @Test
    void aBounceStopsTheAddressAndKeepsTheReason() {
        String email = SubscribingTest.address("stuitert");
        SubscribingTest.subscribe(VisitorBrowser.dutch(), email, "", "platform31");
        SubscribingTest.confirm(email);
        long id = SubscribingTest.subscriber(email).id;

        subscriptions.markBouncing(id, "550 5.1.1 mailbox unknown");
        Subscriber subscriber = SubscribingTest.subscriber(email);
        assertEquals(SubscriberStatus.BOUNCING, subscriber.status);
        assertEquals("550 5.1.1 mailbox unknown", subscriber.bounceReason);
        assertNotNull(subscriber.bouncedAt);
        assertNull(subscriber.unsubscribedAt);
    }

    private static Response upload(AdminClient client, String basis, String reference, String csv) {
        return client.request().redirects().follow(false)
                .multiPart("_csrf", csrfToken(client))
                .multiPart("basis", basis)
                .multiPart("reference", reference)
                .multiPart("file", "lijst.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(LIST + "/import");
    }

    /** The CSRF token of the logged-in browser, from a page every account may open (its own account). */
    private static String csrfToken(AdminClient client) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(client.get("/admin/account").asString());
        assertTrue(matcher.find());
        return matcher.group(1);
    }
}
