package nl.kennisagenda.mail;

import static nl.kennisagenda.mail.MailTestData.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.registration.RegistrationChanged.Change;
import nl.kennisagenda.registration.RegistrationStatus;

/** Without anyone calling the sender: the scheduled run delivers the outbox on its own. */
@QuarkusTest
@TestProfile(ScheduledGreenMailProfile.class)
class ScheduledSenderTest {

    SmtpServer smtp;

    @Inject
    MailTestData data;

    @Test
    void theScheduledSenderDeliversAConfirmationOnItsOwn() throws Exception {
        MailTestData.TestEvent event = data.onlineEvent("Webinar via de planner");
        String email = uniqueEmail("planner");
        Long id = data.register(event.id(), email, "Paula", "nl", RegistrationStatus.CONFIRMED, Change.CONFIRMED);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (data.onlyMailFor(id).status != MailStatus.SENT && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }

        assertEquals(MailStatus.SENT, data.onlyMailFor(id).status);
        assertEquals(1, smtp.receivedBy(email).size());
        assertEquals("Aanmelding bevestigd: Webinar via de planner", smtp.receivedBy(email).get(0).getSubject());
        // Later runs leave it alone.
        Thread.sleep(2500);
        assertEquals(1, smtp.receivedBy(email).size());
    }
}
