package nl.kennisagenda.mail;

import static nl.kennisagenda.mail.MailTestData.JOIN_URL;
import static nl.kennisagenda.mail.MailTestData.uniqueEmail;
import static nl.kennisagenda.mail.Texts.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;

/** The reminder goes once, to confirmed attendees, the configured time (24 h) before the start. */
@QuarkusTest
class ReminderJobTest {

    @Inject
    MailTestData data;

    @Inject
    ReminderJob job;

    @Test
    void confirmedAttendeesGetOneReminderADayBeforeAndNobodyElseDoes() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant threeDaysAgo = now.minus(Duration.ofDays(3));
        MailTestData.TestEvent soon = data.event("Webinar morgen", EventFormat.ONLINE, now.plus(Duration.ofHours(20)));
        Long confirmed = data.registerQuietly(soon.id(), uniqueEmail("c"), "Carla", "nl",
                RegistrationStatus.CONFIRMED, threeDaysAgo);
        Long english = data.registerQuietly(soon.id(), uniqueEmail("e"), "Ella", "en",
                RegistrationStatus.CONFIRMED, threeDaysAgo);
        Long waitlisted = data.registerQuietly(soon.id(), uniqueEmail("w"), "Wim", "nl",
                RegistrationStatus.WAITLISTED, threeDaysAgo);
        Long cancelled = data.registerQuietly(soon.id(), uniqueEmail("x"), "Xander", "nl",
                RegistrationStatus.CANCELLED, threeDaysAgo);
        Long lateSignUp = data.registerQuietly(soon.id(), uniqueEmail("l"), "Lotte", "nl",
                RegistrationStatus.CONFIRMED, now.minus(Duration.ofHours(1)));
        MailTestData.TestEvent later = data.event("Webinar overmorgen", EventFormat.ONLINE,
                now.plus(Duration.ofHours(30)));
        Long laterConfirmed = data.registerQuietly(later.id(), uniqueEmail("o"), "Olga", "nl",
                RegistrationStatus.CONFIRMED, threeDaysAgo);

        job.sendDueReminders(now);

        OutboxMail reminder = data.onlyMailFor(confirmed);
        assertEquals(MailKind.REMINDER, reminder.kind);
        assertTrue(reminder.subject.startsWith("Herinnering: Webinar morgen, "), reminder.subject);
        assertContains(reminder.textBody, "Beste Carla,", "Binnenkort is het zover", "Deelnemen: " + JOIN_URL);
        assertTrue(reminder.attachments.isEmpty());
        OutboxMail englishReminder = data.onlyMailFor(english);
        assertTrue(englishReminder.subject.startsWith("Reminder: Webinar morgen, "), englishReminder.subject);
        assertContains(englishReminder.textBody, "Dear Ella,", "It is nearly time");
        assertNotNull(registration(confirmed).reminderSentAt);
        for (Long none : List.of(waitlisted, cancelled, lateSignUp, laterConfirmed)) {
            assertEquals(0, data.mailsFor(none).size(), "registration " + none);
            assertNull(registration(none).reminderSentAt);
        }

        // Runs after that do not remind anyone twice; the later event's turn comes when it is 24 hours away.
        job.sendDueReminders(now.plus(Duration.ofMinutes(1)));
        job.sendDueReminders(now.plus(Duration.ofHours(7)));
        job.sendDueReminders(now.plus(Duration.ofHours(8)));
        assertEquals(1, data.mailsFor(confirmed).size());
        assertEquals(1, data.mailsFor(english).size());
        assertEquals(0, data.mailsFor(waitlisted).size());
        assertEquals(List.of(MailKind.REMINDER), data.mailsFor(laterConfirmed).stream().map(m -> m.kind).toList());
    }

    @Test
    void jobsRunningAtTheSameTimeRemindEachAttendeeOnce() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MailTestData.TestEvent soon = data.event("Drukbezocht webinar", EventFormat.ONLINE,
                now.plus(Duration.ofHours(10)));
        List<Long> registrations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            registrations.add(data.registerQuietly(soon.id(), uniqueEmail("p" + i), "P" + i, "nl",
                    RegistrationStatus.CONFIRMED, now.minus(Duration.ofDays(5))));
        }

        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return job.sendDueReminders(now);
            }));
        }
        start.countDown();
        int written = 0;
        for (Future<Integer> run : runs) {
            written += run.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertEquals(20, written);
        for (Long registration : registrations) {
            assertEquals(1, data.mailsFor(registration).size(), "registration " + registration);
        }
    }

    private static Registration registration(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.findById(id));
    }
}
