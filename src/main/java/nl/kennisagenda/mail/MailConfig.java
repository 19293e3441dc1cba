package nl.kennisagenda.mail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the mail outbox and the attendee mails, under {@code kennisagenda.mail}. */
@ConfigMapping(prefix = "kennisagenda.mail")
public interface MailConfig {

    /** How often the sender looks for due mails, e.g. {@code 5s}; {@code off} stops the scheduled sender. */
    @WithDefault("5s")
    String sendInterval();

    /** Most mails one sender run claims. */
    @WithDefault("20")
    int batchSize();

    /**
     * How long a claimed mail belongs to the sender that claimed it. After that (a crashed instance) another run
     * picks it up again. Keep it well above {@code quarkus.mailer.timeout}.
     */
    @WithDefault("5m")
    Duration lease();

    /** Wait before attempt 2, 3, …; the last value repeats. */
    @WithDefault("30s,2m,10m,1h,6h")
    List<Duration> retryBackoff();

    /** After this many failed attempts a mail is marked FAILED and left alone. */
    @WithDefault("8")
    int maxAttempts();

    /** How long before the start of an event confirmed attendees get their reminder. */
    @WithDefault("24h")
    Duration reminderBefore();

    /** How often the reminder job runs, e.g. {@code 1m}; {@code off} stops it. */
    @WithDefault("1m")
    String reminderInterval();

    /**
     * After a "you were already registered" mail, further ones for the same registration are skipped for this long,
     * so repeated sign-ups with someone's address cannot flood their mailbox.
     */
    @WithDefault("15m")
    Duration duplicateSignupQuietPeriod();

    /** Right-hand side of generated Message-IDs; defaults to the host of the site's base URL. */
    Optional<String> messageIdDomain();

    /** The back-off before the attempt after {@code failedAttempts} failures. */
    default Duration backoffAfter(int failedAttempts) {
        List<Duration> steps = retryBackoff();
        int index = Math.max(0, Math.min(failedAttempts - 1, steps.size() - 1));
        return steps.get(index);
    }
}
