package nl.kennisagenda.newsletter;

/** Where an issue of a newsletter stands. */
public enum IssueStatus {
    /** Being composed; nothing is frozen yet. */
    DRAFT,
    /** Editions frozen, goes out at {@code sendAt}. Can be cancelled (back to DRAFT) until then. */
    SCHEDULED,
    /** Going out: deliveries are being created and sent. */
    SENDING,
    /** Stopped by an organiser while sending; resumes where it stopped. */
    PAUSED,
    /** Every subscriber of the audience was handled. Shown in the public archive. */
    SENT,
    /** Withdrawn before it went out. */
    CANCELLED
}
