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
    ACCOUNT_INVITATION
}
