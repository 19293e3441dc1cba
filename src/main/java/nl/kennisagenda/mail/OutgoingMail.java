package nl.kennisagenda.mail;

import java.util.List;

/**
 * A mail on its way into the outbox. Header fields are checked by {@link MailOutbox#enqueue}.
 * <p>
 * Either already rendered ({@code text} set: subject, bodies and attachments go into the row as they are) or
 * deferred ({@code text} null, see {@link #deferred}): only kind, registration, recipient and language are written,
 * and the sender renders the content later, outside the transaction of the change.
 */
public record OutgoingMail(MailKind kind, Long registrationId, String recipient, String locale, String subject,
        String text, String html, List<MailAttachment> attachments) {

    public OutgoingMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A rendered mail. */
    public OutgoingMail(MailKind kind, Long registrationId, String recipient, String subject, String text,
            String html, List<MailAttachment> attachments) {
        this(kind, registrationId, recipient, null, subject, text, html, attachments);
    }

    /** A mail about a registration, rendered later by the sender (see {@link AttendeeMails#render}). */
    public static OutgoingMail deferred(MailKind kind, Long registrationId, String recipient, String locale) {
        return new OutgoingMail(kind, registrationId, recipient, locale, null, null, null, List.of());
    }

    public boolean isRendered() {
        return text != null;
    }
}
