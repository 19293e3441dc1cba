package nl.kennisagenda.mail;

import static nl.kennisagenda.mail.MailTestData.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.registration.RegistrationChanged.Change;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.testsupport.PostgresAvailable;

/**
 * The claims that make the outbox safe for several instances, on PostgreSQL: concurrent senders (small batches,
 * so they compete for the same rows) deliver every mail exactly once, and concurrent reminder jobs remind once.
 * The V2 migration runs here on PostgreSQL too.
 */
@QuarkusTest
@ExtendWith(PostgresAvailable.class)
@TestProfile(PostgresGreenMailProfile.class)
class OutboxOnPostgresTest {

    SmtpServer smtp;

    @Inject
    MailTestData data;

    @Inject
    OutboxSender sender;

    @Inject
    ReminderJob reminders;

    @Inject
    MailClientWarmUp mailClient;

    @BeforeEach
    void mailClientDelivers() {
        mailClient.awaitDelivery(smtp);
    }

    @Test
    void concurrentSendersDeliverEveryMailExactlyOnce() throws Exception {
        MailTestData.TestEvent event = data.onlineEvent("Webinar op PostgreSQL");
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String email = uniqueEmail("pg" + i);
            addresses.add(email);
            data.register(event.id(), email, "Deelnemer" + i, i % 2 == 0 ? "nl" : "en", RegistrationStatus.CONFIRMED,
                    Change.CONFIRMED, event.sessionA());
        }

        Instant now = Instant.now();
        int sent = concurrently(4, () -> {
            int mine = 0;
            OutboxSender.Run run;
            do {
                run = sender.sendDue(now);
                mine += run.sent();
            } while (run.claimed() > 0);
            return mine;
        });

        // Four senders need new SMTP connections, and the mail client sometimes loses the greeting on a new one (see
        // MailClientWarmUp): such a send fails and is rescheduled, not lost. Deliver what is due later too.
        int sentLater = MailTestData.sendEverythingDue(sender, now.plus(Duration.ofHours(2)));

        assertEquals(40, sent + sentLater, "sent by the concurrent senders: " + sent);
        for (String email : addresses) {
            assertEquals(1, smtp.receivedBy(email).size(), email);
        }
        assertEquals(0, sender.sendDue(now.plus(Duration.ofDays(1))).claimed());
    }

    @Test
    void concurrentReminderJobsRemindEachAttendeeOnce() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MailTestData.TestEvent event = data.event("Webinar morgen op PostgreSQL", EventFormat.ONLINE,
                now.plus(Duration.ofHours(12)));
        List<Long> registrations = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            registrations.add(data.registerQuietly(event.id(), uniqueEmail("pgr" + i), "R" + i, "nl",
                    RegistrationStatus.CONFIRMED, now.minus(Duration.ofDays(4))));
        }

        int written = concurrently(3, () -> reminders.sendDueReminders(now));

        assertEquals(25, written);
        for (Long registration : registrations) {
            assertEquals(List.of(MailKind.REMINDER),
                    data.mailsFor(registration).stream().map(mail -> mail.kind).toList());
        }
    }

    private static int concurrently(int threads, Callable<Integer> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> future : futures) {
            total += future.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return total;
    }
}
