package nl.kennisagenda.mail;

/** Why a mail was written; stored with the mail for the log and the back-office. Each has one {@link MailRenderer}. */
public enum MailKind {
    CONFIRMATION,
    WAITING_LIST,
    PROMOTION,
    CANCELLATION,
    REGISTRATION_UPDATED,
    /**
     * The person's breakout sessions changed (by themselves or moved by the organiser): the update with the new
     * programme and, while confirmed, the calendar invite with a higher SEQUENCE.
     */
    SESSIONS_CHANGED,
    DUPLICATE_SIGNUP,
    REMINDER,
    EVENT_UPDATED,
    EVENT_CANCELLED,
    /** Sign-up for an event that requires approval received; the organiser decides. */
    REGISTRATION_PENDING,
    /** The organiser declined a pending sign-up. */
    REGISTRATION_DECLINED,
    /** A link to choose a new password (account/PasswordResets), rendered when it is asked for. */
    PASSWORD_RESET,
    /** A new back-office account's link to set its first password (same flow as a reset). */
    ACCOUNT_INVITATION,
    /** To opted-in organisers and the contact person: the last place of the event was just taken. */
    ORGANISER_EVENT_FULL,
    /** To opted-in organisers and the contact person: the last place of a breakout session was just taken. */
    ORGANISER_SESSION_FULL,
    /** To opted-in organisers and the contact person: the first person went on the waiting list. */
    ORGANISER_WAITLIST_STARTED,
    /** To opted-in organisers: the sign-ups and cancellations of one day (mail/OrganiserSummaryJob). */
    ORGANISER_DAILY_SUMMARY,
    /** Newsletter double opt-in: the link that confirms a pending subscription. */
    NEWSLETTER_CONFIRMATION,
    /** Someone asked to subscribe an address that is already subscribed: says so (no enumeration on the page). */
    NEWSLETTER_ALREADY_SUBSCRIBED,
    /** The single re-permission request to an imported address that never confirmed. */
    NEWSLETTER_REPERMISSION,
    /** One issue of a newsletter to one subscriber. */
    NEWSLETTER_ISSUE,
    /** A test mail of an issue to the organiser's own address. */
    NEWSLETTER_TEST,
    /** An organiser's message to one group of an event's registrations (message/), one per recipient. */
    ORGANISER_MESSAGE,
    /** The test of an organiser message, to the organiser's own address, rendered when it is written. */
    ORGANISER_MESSAGE_TEST;

    /**
     * Whether mails of this kind are delivered by a sender of their own rather than rendered and sent by
     * {@link OutboxSender}: newsletter issues go out in large batches at a shared rate (newsletter/sending), as light
     * rows that are never rendered into the outbox.
     */
    public boolean hasOwnSender() {
        return this == NEWSLETTER_ISSUE;
    }
}
