package nl.kennisagenda.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.xml.element.Node;
import io.restassured.response.Response;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.PasswordReset;
import nl.kennisagenda.account.PasswordResets;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.MailStatus;
import nl.kennisagenda.mail.MailTestData;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.OutboxSender;
import nl.kennisagenda.mail.SmtpServer;
import nl.kennisagenda.registration.RegistrationChanged;
import nl.kennisagenda.registration.RegistrationStatus;

/** The mail log: who sees which mails, a mail's content as sent, and sending a failed one again. */
@QuarkusTest
@TestProfile(BackofficeMailProfile.class)
class MailLogTest {

    private static final String A_EVENT = "Ruimte voor eerstelijnszorg";

    SmtpServer smtp;

    @Inject
    MailTestData data;

    @Inject
    OutboxSender sender;

    @Inject
    PasswordResets resets;

    @BeforeEach
    void emptyOutbox() {
        smtp.start();
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.delete("id > 0"));
    }

    @Test
    void aSentConfirmationIsListedWithItsContent() {
        String email = "piet-" + System.nanoTime() + "@example.org";
        long mailId = confirmationFor(email);
        sender.sendDue(Instant.now());
        assertEquals(1, smtp.receivedBy(email).size());

        AdminClient admin = AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD);
        Response list = admin.get("/admin/mails?q=" + email);
        assertEquals(200, list.statusCode());
        assertEquals("no-store", list.header("Cache-Control"));
        Node row = list.htmlPath().getNode("**.find { it.name() == 'tbody' }").getNode("tr");
        String text = row.toString();
        assertTrue(text.contains(email) && text.contains("bevestiging") && text.contains("verstuurd"), text);
        assertTrue(text.contains(A_EVENT), text);

        Response detail = admin.get("/admin/mails/" + mailId);
        assertEquals(200, detail.statusCode());
        String page = detail.asString();
        assertTrue(page.contains("Beste Piet,"), "text as sent");
        assertTrue(page.contains("<iframe class=\"mail-frame\" sandbox=\"\""), "HTML in a sandbox without scripts");
        assertTrue(page.contains("srcdoc=\"&lt;!DOCTYPE html&gt;"), "the HTML is escaped into the attribute");
        assertTrue(page.contains("Message-ID"));
        assertFalse(page.contains("action=\"/admin/mails/" + mailId + "/retry\""), "a sent mail has no retry");
    }

    @Test
    void anOrganiserOfAnotherOrganisationSeesNoMailsOfItsEvents() {
        String email = "an-" + System.nanoTime() + "@example.org";
        long mailId = confirmationFor(email);
        long eventId = aEventId();

        AdminClient own = AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
        assertTrue(own.get("/admin/mails").asString().contains(email));
        assertTrue(own.get("/admin/events/" + eventId + "/mails").asString().contains(email));
        assertEquals(200, own.get("/admin/mails/" + mailId).statusCode());

        AdminClient other = AdminClient.loggedIn("vilans@example.org", AdminClient.DEMO_PASSWORD);
        Response list = other.get("/admin/mails");
        assertEquals(200, list.statusCode());
        assertFalse(list.asString().contains(email));
        assertFalse(other.get("/admin/mails?q=" + email).asString().contains("href=\"/admin/mails/" + mailId + "\""));
        assertEquals(403, other.get("/admin/mails/" + mailId).statusCode());
        assertEquals(403, other.get("/admin/events/" + eventId + "/mails").statusCode());
    }

    @Test
    void aFailedMailIsQueuedAgainAndDelivered() {
        String email = "mislukt-" + System.nanoTime() + "@example.org";
        long mailId = confirmationFor(email);
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.update(
                "status = ?1, attempts = 5, lastError = 'SMTP 550 mailbox unavailable' where id = ?2",
                MailStatus.FAILED, mailId));

        AdminClient other = AdminClient.loggedIn("vilans@example.org", AdminClient.DEMO_PASSWORD);
        other.get("/admin");
        assertEquals(403, other.post().post("/admin/mails/" + mailId + "/retry").statusCode());

        AdminClient organiser = AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
        Response failed = organiser.get("/admin/mails?status=failed");
        assertTrue(failed.asString().contains(email));
        assertTrue(failed.asString().contains("SMTP 550 mailbox unavailable"));
        assertTrue(organiser.get("/admin/mails/" + mailId).asString()
                .contains("action=\"/admin/mails/" + mailId + "/retry\""));
        Response retried = organiser.post().post("/admin/mails/" + mailId + "/retry");
        assertEquals(303, retried.statusCode());
        assertTrue(retried.header("Location").endsWith("/admin/mails/" + mailId + "?notice=retried"));
        OutboxMail queued = mail(mailId);
        assertEquals(MailStatus.PENDING, queued.status);
        assertEquals(0, queued.attempts);
        assertTrue(organiser.get("/admin/mails?status=queued").asString().contains(email));

        assertEquals(1, sender.sendDue(Instant.now().plusMillis(1)).sent());
        assertEquals(MailStatus.SENT, mail(mailId).status);
        assertEquals(1, smtp.receivedBy(email).size());
        assertEquals(303, organiser.post().post("/admin/mails/" + mailId + "/retry").statusCode());
        assertEquals(MailStatus.SENT, mail(mailId).status, "only a failed mail is sent again");
    }

    @Test
    void passwordLinksAreNeverShownInTheLogAndOnlyAdministratorsSeeThoseMails() {
        String email = PasswordResetTest.newAccount();
        String token = QuarkusTransaction.requiringNew().call(() -> resets.issue(
                Account.findByEmail(email).orElseThrow(), PasswordReset.Purpose.RESET, Locale.forLanguageTag("nl")));
        long mailId = QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>find(
                "recipient = ?1 and kind = ?2", email, MailKind.PASSWORD_RESET).firstResult().id);

        AdminClient admin = AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD);
        String page = admin.get("/admin/mails/" + mailId).asString();
        assertTrue(page.contains("/admin/password-reset/\u2022\u2022\u2022\u2022\u2022\u2022"), "masked link");
        assertFalse(page.contains(token));
        AdminClient organiser = AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
        assertEquals(403, organiser.get("/admin/mails/" + mailId).statusCode());
        assertFalse(organiser.get("/admin/mails").asString().contains(email));
    }

    private long confirmationFor(String email) {
        long registrationId = data.register(aEventId(), email, "Piet", "nl", RegistrationStatus.CONFIRMED,
                RegistrationChanged.Change.CONFIRMED);
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxMail> mails = OutboxMail.forRegistration(registrationId);
            assertEquals(1, mails.size());
            return mails.get(0).id;
        });
    }

    private static long aEventId() {
        return QuarkusTransaction.requiringNew().call(() -> Event.<Event>find("title like ?1", A_EVENT + "%")
                .firstResult().id);
    }

    private static OutboxMail mail(long id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>findById(id));
    }
}
