package nl.kennisagenda.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
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
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.PasswordReset;
import nl.kennisagenda.account.PasswordResets;
import nl.kennisagenda.account.Role;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.OutboxSender;
import nl.kennisagenda.mail.SmtpServer;

/** "Wachtwoord vergeten?": the mailed link, its limits, and what it does to sessions opened with the old password. */
@QuarkusTest
@TestProfile(BackofficeMailProfile.class)
class PasswordResetTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/admin/password-reset/([A-Za-z0-9_-]+)");

    SmtpServer smtp;

    @Inject
    OutboxSender sender;

    @Inject
    PasswordResets resets;

    @BeforeEach
    void clean() {
        awaitRequestsHandled();
        smtp.start();
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMail.delete("id > 0");
            Account.getEntityManager().createNativeQuery(
                    "delete from rate_limit_hits where bucket like 'reset-%' or bucket like 'login-%'").executeUpdate();
        });
    }

    @Test
    void theMailedLinkSetsANewPasswordOnce() throws Exception {
        String email = newAccount();
        AdminClient browser = AdminClient.atLoginPage();
        assertTrue(browser.get("/admin/login").asString().contains("href=\"/admin/password-reset\""));
        browser.get("/admin/password-reset");
        Response asked = browser.post().formParam("email", email).post("/admin/password-reset");
        assertEquals(200, asked.statusCode());
        assertEquals("Kijk in je mailbox · Kennisagenda", heading(asked));

        awaitRequestsHandled();
        sender.sendDue(Instant.now());
        List<MimeMessage> received = smtp.receivedBy(email);
        assertEquals(1, received.size());
        assertEquals("Kies een nieuw wachtwoord voor Kennisagenda", received.get(0).getSubject());
        String token = tokenIn(onlyMail(email).textBody);
        assertTrue(onlyMail(email).htmlBody.contains("Beste Test organiser,"), "greeting in the general layout");

        AdminClient link = AdminClient.atLoginPage();
        Response form = link.get("/admin/password-reset/" + token);
        assertEquals(200, form.statusCode());
        Response tooShort = link.post().formParam("password", "kort").formParam("confirm", "kort")
                .post("/admin/password-reset/" + token);
        assertEquals(422, tooShort.statusCode());
        Response mismatch = link.post().formParam("password", "een-nieuw-wachtwoord")
                .formParam("confirm", "iets-heel-anders!").post("/admin/password-reset/" + token);
        assertEquals(422, mismatch.statusCode());
        Response chosen = link.post().formParam("password", "een-nieuw-wachtwoord")
                .formParam("confirm", "een-nieuw-wachtwoord").post("/admin/password-reset/" + token);
        assertEquals(303, chosen.statusCode());
        assertTrue(chosen.header("Location").endsWith("/admin/login?password-changed=1"));

        AdminClient.loggedIn(email, "een-nieuw-wachtwoord");
        assertTrue(AdminClient.atLoginPage().login(email, "een-lang-wachtwoord").header("Location")
                .contains("error="), "the old password no longer works");

        // Used once: the link is gone.
        assertEquals(410, AdminClient.atLoginPage().get("/admin/password-reset/" + token).statusCode());
        AdminClient again = AdminClient.atLoginPage();
        again.get("/admin/password-reset");
        assertEquals(410, again.post().formParam("password", "nog-een-ander-wachtwoord")
                .formParam("confirm", "nog-een-ander-wachtwoord").post("/admin/password-reset/" + token)
                .statusCode());
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        String known = newAccount();
        AdminClient browser = AdminClient.atLoginPage();
        browser.get("/admin/password-reset");
        Response forKnown = browser.post().formParam("email", known).post("/admin/password-reset");
        Response forUnknown = browser.post().formParam("email", "niemand-" + System.nanoTime() + "@example.org")
                .post("/admin/password-reset");
        assertEquals(forKnown.statusCode(), forUnknown.statusCode());
        assertEquals(mainText(forKnown), mainText(forUnknown));
        awaitRequestsHandled();
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMail.count()));
    }

    @Test
    void anExpiredLinkNoLongerWorks() {
        String email = newAccount();
        String token = issue(email);
        QuarkusTransaction.requiringNew().run(() -> PasswordReset.update("expiresAt = ?1 where account.email = ?2",
                Instant.now().minusSeconds(1), email));
        assertEquals(410, AdminClient.atLoginPage().get("/admin/password-reset/" + token).statusCode());
        assertThrows(PasswordResets.InvalidLinkException.class,
                () -> resets.choosePassword(token, "een-nieuw-wachtwoord"));
    }

    @Test
    void choosingAPasswordClosesTheOtherLinksOfTheAccount() {
        String email = newAccount();
        String first = issue(email);
        String second = issue(email);
        resets.choosePassword(second, "een-nieuw-wachtwoord");
        assertTrue(resets.emailFor(first).isEmpty());
        assertTrue(resets.emailFor(second).isEmpty());
    }

    @Test
    void anAddressMayAskOnlyAFewTimes() {
        String email = newAccount();
        AdminClient browser = AdminClient.atLoginPage();
        browser.get("/admin/password-reset");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, browser.post().formParam("email", email).post("/admin/password-reset").statusCode());
        }
        Response throttled = browser.post().formParam("email", email).post("/admin/password-reset");
        assertEquals(429, throttled.statusCode());
        awaitRequestsHandled();
        assertEquals(3L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMail.count()));
    }

    @Test
    void oneClientMayAskOnlyAFewTimesWhateverTheAddress() {
        for (int i = 0; i < 10; i++) {
            resets.request("iemand-" + i + "-" + System.nanoTime() + "@example.org", "192.0.2.7", Locale.ENGLISH);
        }
        assertThrows(PasswordResets.ThrottledException.class,
                () -> resets.request("nog-iemand@example.org", "192.0.2.7", Locale.ENGLISH));
        resets.request("nog-iemand@example.org", "192.0.2.8", Locale.ENGLISH);
    }

    @Test
    void sessionsOpenedWithTheOldPasswordEndAfterAReset() {
        String email = newAccount();
        AdminClient before = AdminClient.loggedIn(email, "een-lang-wachtwoord");
        assertEquals(200, before.get("/admin").statusCode());

        resets.choosePassword(issue(email), "een-nieuw-wachtwoord");

        Response refused = before.get("/admin");
        assertEquals(302, refused.statusCode());
        assertTrue(refused.header("Location").contains("/admin/login"));
        AdminClient after = AdminClient.loggedIn(email, "een-nieuw-wachtwoord");
        assertEquals(200, after.get("/admin").statusCode());
        assertEquals(200, after.get("/admin").statusCode());
    }

    @Test
    void anInvalidAddressIsShownAgainWithItsError() {
        AdminClient browser = AdminClient.atLoginPage();
        browser.get("/admin/password-reset");
        Response response = browser.post().formParam("email", "geen adres").post("/admin/password-reset");
        assertEquals(422, response.statusCode());
        assertTrue(response.asString().contains("aria-describedby=\"reset-email-error\""));
        assertNull(QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>findAll().firstResult()));
    }

    /** The link is written after the answer (so its timing says nothing): wait until every request was handled. */
    private void awaitRequestsHandled() {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!resets.idle()) {
            assertTrue(Instant.now().isBefore(deadline), "password-reset requests still being handled after 30 s");
            LockSupport.parkNanos(5_000_000);
        }
    }

    private String issue(String email) {
        return QuarkusTransaction.requiringNew().call(() -> resets.issue(Account.findByEmail(email).orElseThrow(),
                PasswordReset.Purpose.RESET, Locale.forLanguageTag("nl")));
    }

    static String newAccount() {
        String email = "reset-" + System.nanoTime() + "@example.org";
        BackofficeLoginTest.createAccount(email, Role.ORGANISER, "platform31");
        return email;
    }

    private static OutboxMail onlyMail(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxMail> mails = OutboxMail.list("recipient = ?1 and kind = ?2", email, MailKind.PASSWORD_RESET);
            assertEquals(1, mails.size());
            return mails.get(0);
        });
    }

    static String tokenIn(String text) {
        Matcher matcher = LINK.matcher(text);
        assertTrue(matcher.find(), "a reset link in: " + text);
        return matcher.group(1);
    }

    private static String heading(Response response) {
        return response.htmlPath().getString("html.head.title");
    }

    private static String mainText(Response response) {
        String html = response.asString();
        int start = html.indexOf("<main");
        int end = html.indexOf("</main>");
        assertFalse(start < 0 || end < 0);
        return html.substring(start, end).replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }
}
