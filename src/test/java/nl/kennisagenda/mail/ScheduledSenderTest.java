package nl.kennisagenda.mail;

import static nl.kennisagenda.mail.MailTestData.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.registration.RegistrationChanged.Change;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.testsupport.Await;

/** Without anyone calling the sender: the scheduled run delivers the outbox on its own. */
@QuarkusTest
@TestProfile(ScheduledGreenMailProfile.class)
class ScheduledSenderTest {

    private static final String SENDER_JOB = "mail-outbox-sender";

    SmtpServer smtp;

    @Inject
    MailTestData data;

    @Inject
    ScheduledRuns scheduledRuns;

    @Inject
    MailClientWarmUp mailClient;

    @Test
    void theScheduledSenderDeliversAConfirmationOnItsOwn() throws Exception {
        // A lost greeting on a new connection costs an attempt (the mailer's 10 s timeout, then 1 s back-off in
        // this profile); the warm-up makes that rare, the deadline below leaves room for it.
        mailClient.awaitDelivery(smtp);
        MailTestData.TestEvent event = data.onlineEvent("Webinar via de planner");
        String email = uniqueEmail("planner");
        Long id = data.register(event.id(), email, "Paula", "nl", RegistrationStatus.CONFIRMED, Change.CONFIRMED);

        Await.until("the scheduled sender marks the mail SENT", Duration.ofSeconds(60),
                () -> data.storedMailsFor(id).get(0).status == MailStatus.SENT);

        assertEquals(MailStatus.SENT, data.onlyMailFor(id).status);
        int attemptsWhenSent = data.onlyMailFor(id).attempts;
        assertEquals(1, smtp.receivedBy(email).size());
        assertEquals("Aanmelding bevestigd: Webinar via de planner", smtp.receivedBy(email).get(0).getSubject());
        // Later runs leave it alone. The run that sent it may still be finishing; runs never overlap (SKIP), so
        // the second run to finish from now on started after the mail was SENT.
        int finishedBefore = scheduledRuns.finished(SENDER_JOB);
        Await.until("two more scheduled sender runs", Duration.ofSeconds(30),
                () -> scheduledRuns.finished(SENDER_JOB) >= finishedBefore + 2);
        assertEquals(1, smtp.receivedBy(email).size());
        assertEquals(MailStatus.SENT, data.onlyMailFor(id).status);
        assertEquals(attemptsWhenSent, data.onlyMailFor(id).attempts, "no further attempt after SENT");
    }
}
