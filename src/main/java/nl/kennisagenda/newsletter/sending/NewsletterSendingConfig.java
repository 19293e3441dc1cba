package nl.kennisagenda.newsletter.sending;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the newsletter sender, under {@code kennisagenda.newsletter} (docs/operations.md). */
@ConfigMapping(prefix = "kennisagenda.newsletter")
public interface NewsletterSendingConfig {

    /** How often the scheduled sender looks for issues to start and deliveries to send; {@code off} stops it. */
    @WithDefault("5s")
    String sendInterval();

    /** Messages per second for all instances together (the shared token bucket, {@link SendRate}). */
    @WithDefault("50")
    double ratePerSecond();

    /** Most messages per clock hour for all instances together. */
    @WithDefault("100000")
    int maxPerHour();

    /** Deliveries one sender claims, rechecks and marks at once. */
    @WithDefault("200")
    int batchSize();

    /** Subscribers added to the outbox per expansion step (one INSERT … SELECT). */
    @WithDefault("2000")
    int expandBatchSize();

    /** Messages one instance has in flight at once; keep at or below {@code quarkus.mailer.max-pool-size}. */
    @WithDefault("8")
    int connections();

    /**
     * Batches one instance sends side by side: while one batch waits for its last mails or writes its outcomes, the
     * other keeps the SMTP connections busy.
     */
    @WithDefault("4")
    int workers();

    /** How long a claimed delivery belongs to its sender; after that (a crashed instance) it is due again. */
    @WithDefault("5m")
    Duration lease();

    /**
     * The mailbox of the {@code mailto:} in {@code List-Unsubscribe}; default {@code unsubscribe@} the domain of
     * {@code quarkus.mailer.from}. Nothing in the application reads this mailbox.
     */
    Optional<String> unsubscribeMailbox();
}
