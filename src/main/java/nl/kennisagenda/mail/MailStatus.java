package nl.kennisagenda.mail;

/** Where a mail in the outbox stands. */
public enum MailStatus {
    /** Waiting for its next attempt ({@code nextAttemptAt}). */
    PENDING,
    /** Claimed by a sender until {@code leaseUntil}; a lease that runs out makes the mail due again. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Gave up after the configured number of attempts; kept with its last error. */
    FAILED
}
