package nl.kennisagenda.mail;

/** Why a mail was written; stored with the mail for the log and the back-office. Each has one {@link MailRenderer}. */
public enum MailKind {
    CONFIRMATION,
    WAITING_LIST,
    PROMOTION,
    CANCELLATION,
    REGISTRATION_UPDATED,
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
    ORGANISER_DAILY_SUMMARY
}
