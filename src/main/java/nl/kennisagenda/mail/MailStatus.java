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
    FAILED,
    /**
     * Not sent because, when the sender came to render it, the registration no longer was in the state the mail
     * announces (e.g. a confirmation whose registration was cancelled meanwhile); a later mail, written in the
     * transaction of that later change, tells the current state. The reason is in {@code lastError}.
     */
    SUPERSEDED
}
