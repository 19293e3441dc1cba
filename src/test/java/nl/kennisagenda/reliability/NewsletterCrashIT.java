package nl.kennisagenda.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import nl.kennisagenda.testsupport.Await;
import nl.kennisagenda.testsupport.LocalPostgres;
import nl.kennisagenda.testsupport.PostgresAvailable;

/**
 * A newsletter send survives a kill halfway: every subscriber receives the issue, and only mails that were in flight
 * at the kill can arrive twice.
 *
 * <p>The packaged PostgreSQL build sends an issue to {@value #SUBSCRIBERS} subscribers through GreenMail, at
 * {@value #RATE_PER_SECOND} mails a second, in batches of {@value #BATCH} with {@value #WORKERS} batches side by side
 * (docs/newsletter.md, "Sending"). Once about a third has arrived the process is killed with SIGKILL and started
 * again on the same database. The bound on duplicates, precisely: a delivery is marked SENT in the database only
 * after its whole batch was sent, so at the kill the deliveries whose mail may already have reached the SMTP server
 * without a SENT mark are exactly the rows in status SENDING (claimed, not yet recorded: the batches in progress,
 * normally at most workers × batch size, plus the unfinished rest of a batch that outlasted half the lease). Only
 * those are sent again, once their lease runs out. So: every subscriber receives the issue at least
 * once and at most twice, the number of second copies is at most the number of SENDING rows at the kill, every
 * subscriber with a second copy had such a row, and both copies carry the same Message-ID, by which mail programs
 * recognise the repeat.
 */
@ExtendWith(PostgresAvailable.class)
class NewsletterCrashIT {

    private static final int SUBSCRIBERS = 1000;
    private static final int RATE_PER_SECOND = 100;
    private static final int BATCH = 50;
    private static final int WORKERS = 2;
    /** Kill once this many have arrived: well into the send, far from its end. */
    private static final int RECEIVED_BEFORE_KILL = SUBSCRIBERS / 3;
    /** Claims of the dead instance become due again after this; kept short so the test does not wait minutes. */
    private static final String LEASE = "15s";

    @TempDir
    Path work;

    /** The subscribers' addresses start with this; other mails the application sends (demo data) do not. */
    private final String readers = "lezer-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Test
    void aSendKilledHalfwayReachesEverySubscriberAfterTheRestartAndRepeatsAtMostTheMailsInFlight() throws Exception {
        String database = LocalPostgres.forThisRun("kennisagenda_newsletter_crash_test");
        LocalPostgres.recreate(database);
        Deployment deployment = Deployment.onPostgres(database);
        int port = AppProcess.freePort();
        try (Mailbox smtp = new Mailbox()) {
            long issueId;
            Set<String> inFlightAtKill;
            int receivedAtKill;
            int sentMarkedAtKill;
            try (AppProcess beforeCrash = process(deployment, port, smtp, work.resolve("app-1.log"))) {
                beforeCrash.start();
                issueId = scheduleAnIssueTo(deployment, SUBSCRIBERS);
                Await.until(() -> RECEIVED_BEFORE_KILL + " newsletters received (got " + newsletters(smtp) + ")\n"
                        + beforeCrash.logTail(), Duration.ofMinutes(2),
                        () -> newsletters(smtp) >= RECEIVED_BEFORE_KILL);
                beforeCrash.kill();
            }
            // The database as the kill left it, before anything touches it again.
            inFlightAtKill = recipientsWithStatus(deployment, issueId, "SENDING");
            sentMarkedAtKill = recipientsWithStatus(deployment, issueId, "SENT").size();
            receivedAtKill = newsletters(smtp);
            assertTrue(receivedAtKill < SUBSCRIBERS, "the send was over before the kill: the test proves nothing");

            Instant restarted = Instant.now();
            try (AppProcess afterRestart = process(deployment, port, smtp, work.resolve("app-2.log"))) {
                afterRestart.start();
                Await.until(() -> "the issue is SENT after the restart (received " + newsletters(smtp) + ")\n"
                        + afterRestart.logTail(), Duration.ofMinutes(3),
                        () -> "SENT".equals(issueStatus(deployment, issueId)));
                afterRestart.stop();
            }
            Duration finishedAfterRestart = Duration.between(restarted, Instant.now());

            Map<String, Integer> received = received(smtp);
            Set<String> missing = new TreeSet<>(subscriberAddresses(deployment));
            missing.removeAll(received.keySet());
            assertTrue(missing.isEmpty(), missing.size() + " subscribers never received the issue, e.g. "
                    + missing.stream().limit(3).toList());
            Set<String> twice = new TreeSet<>();
            received.forEach((address, copies) -> {
                assertTrue(copies <= 2, address + " received the issue " + copies + " times");
                if (copies == 2) {
                    twice.add(address);
                }
            });
            assertTrue(twice.size() <= inFlightAtKill.size(), twice.size() + " duplicates, but only "
                    + inFlightAtKill.size() + " mails were in flight at the kill");
            Set<String> repeatedButNotInFlight = new TreeSet<>(twice);
            repeatedButNotInFlight.removeAll(inFlightAtKill);
            assertTrue(repeatedButNotInFlight.isEmpty(), "repeated although marked SENT or not yet claimed at the "
                    + "kill: " + repeatedButNotInFlight);
            for (String address : twice) {
                List<MimeMessage> copies = smtp.receivedBy(address);
                assertEquals(messageId(copies.get(0)), messageId(copies.get(1)), "the repeat of " + address);
            }
            assertEquals(SUBSCRIBERS, recipientsWithStatus(deployment, issueId, "SENT").size(),
                    "every delivery is marked SENT");
            assertEquals(SUBSCRIBERS + twice.size(), newsletters(smtp), "newsletters in all");

            System.out.printf("NewsletterCrashIT: %d subscribers; at the kill %d received, %d marked SENT, %d in "
                    + "flight (SENDING); after the restart every subscriber had it, %d twice (bound: %d); send "
                    + "finished %d s after the restart began (lease %s)%n", SUBSCRIBERS, receivedAtKill,
                    sentMarkedAtKill, inFlightAtKill.size(), twice.size(), inFlightAtKill.size(),
                    finishedAfterRestart.toSeconds(), LEASE);
        } finally {
            LocalPostgres.drop(database);
        }
    }

    private static AppProcess process(Deployment deployment, int port, Mailbox smtp, Path log) {
        return deployment.process(port, smtp.port(), List.of(
                "-Dkennisagenda.newsletter.send-interval=1s",
                "-Dkennisagenda.newsletter.rate-per-second=" + RATE_PER_SECOND,
                "-Dkennisagenda.newsletter.batch-size=" + BATCH,
                "-Dkennisagenda.newsletter.workers=" + WORKERS,
                "-Dkennisagenda.newsletter.lease=" + LEASE), log);
    }

    /**
     * What subscribing and composing leave in the database, written directly: an organisation of its own, its
     * confirmed subscribers, and a frozen issue due now, which the running instance's scheduled sender starts.
     */
    private long scheduleAnIssueTo(Deployment deployment, int subscribers) throws SQLException {
        try (Connection connection = deployment.connect()) {
            connection.setAutoCommit(false);
            long organisation = insert(connection, "insert into organisations (slug, name) values (?, ?)",
                    "nieuwsbrief-" + readers + "organisatie", "Netwerk " + readers);
            try (PreparedStatement subscriber = connection.prepareStatement("""
                    insert into newsletter_subscribers (email, email_key, name, mail_locale, status, token,
                        created_at, confirmed_at, updated_at)
                    values (?, ?, ?, 'nl', 'CONFIRMED', ?, now(), now(), now())""",
                    Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement choice = connection.prepareStatement(
                            "insert into newsletter_subscriber_organisations (subscriber_id, organisation_id) "
                                    + "values (?, ?)")) {
                for (int i = 0; i < subscribers; i++) {
                    String email = readers + i + "@example.org";
                    subscriber.setString(1, email);
                    subscriber.setString(2, email);
                    subscriber.setString(3, "Lezer " + i);
                    subscriber.setString(4, UUID.randomUUID().toString().replace("-", ""));
                    subscriber.executeUpdate();
                    try (ResultSet key = subscriber.getGeneratedKeys()) {
                        key.next();
                        choice.setLong(1, key.getLong(1));
                        choice.setLong(2, organisation);
                        choice.addBatch();
                    }
                }
                choice.executeBatch();
            }
            long issue = insert(connection, """
                    insert into newsletter_issues (organisation_id, status, subject_nl, edition_subject_nl,
                        edition_html_nl, edition_text_nl, send_at, created_at, updated_at)
                    values (?, 'SCHEDULED', 'Nieuws', 'Nieuwsbrief: de crashtest', ?, ?, now(), now(), now())""",
                    organisation, "<h2>Binnenkort</h2><p>Webinar <strong>Wonen en zorg</strong></p>",
                    "Binnenkort\n\nWebinar Wonen en zorg");
            connection.commit();
            return issue;
        }
    }

    private static long insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
            try (ResultSet key = statement.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    private static Set<String> recipientsWithStatus(Deployment deployment, long issueId, String status)
            throws SQLException {
        return strings(deployment, "select recipient from outbox_mails where newsletter_issue_id = ? and status = ?",
                issueId, status);
    }

    private Set<String> subscriberAddresses(Deployment deployment) throws SQLException {
        return strings(deployment, "select email from newsletter_subscribers where email like ?", readers + "%");
    }

    /** What this test's subscribers received, by address. */
    private Map<String, Integer> received(Mailbox smtp) {
        Map<String, Integer> received = new HashMap<>(smtp.receivedPerAddress());
        received.keySet().removeIf(address -> !address.startsWith(readers));
        return received;
    }

    private int newsletters(Mailbox smtp) {
        return received(smtp).values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String issueStatus(Deployment deployment, long issueId) {
        try {
            Set<String> status = strings(deployment, "select status from newsletter_issues where id = ?", issueId);
            return status.isEmpty() ? null : status.iterator().next();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> strings(Deployment deployment, String sql, Object... values) throws SQLException {
        try (Connection connection = deployment.connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i]);
            }
            Set<String> found = new TreeSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }

    private static String messageId(MimeMessage message) throws MessagingException {
        return message.getMessageID();
    }
}
