package nl.kennisagenda.mail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mail on its way into the outbox. Header fields are checked by {@link MailOutbox#enqueue}.
 * <p>
 * Either already rendered ({@code text} set: subject, bodies and attachments go into the row as they are) or
 * deferred ({@code text} null, see {@link #deferred}): only kind, registration, recipient and language are written,
 * and the sender renders the content later, outside the transaction of the change.
 */
public record OutgoingMail(MailKind kind, Long registrationId, String recipient, String locale, String subject,
        String text, String html, List<MailAttachment> attachments, Map<String, String> headers) {

    public OutgoingMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A rendered mail. */
    public OutgoingMail(MailKind kind, Long registrationId, String recipient, String subject, String text,
            String html, List<MailAttachment> attachments) {
        this(kind, registrationId, recipient, null, subject, text, html, attachments, Map.of());
    }

    /** A mail rendered later by the sender, by the {@link MailRenderer} of its kind. */
    public static OutgoingMail deferred(MailKind kind, Long registrationId, String recipient, String locale) {
        return new OutgoingMail(kind, registrationId, recipient, locale, null, null, null, List.of(), Map.of());
    }

    /**
     * The same mail with extra header fields (e.g. Reply-To, List-Unsubscribe), checked by
     * {@link MailHeaders#extraHeaders} when it is enqueued.
     */
    public OutgoingMail withHeaders(Map<String, String> extra) {
        return new OutgoingMail(kind, registrationId, recipient, locale, subject, text, html, attachments, extra);
    }

    public boolean isRendered() {
        return text != null;
    }
}
