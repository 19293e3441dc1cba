package nl.kennisagenda.mail;

import java.util.List;

/** A rendered mail on its way into the outbox. Header fields are checked by {@link MailOutbox#enqueue}. */
public record OutgoingMail(MailKind kind, Long registrationId, String recipient, String subject, String text,
        String html, List<MailAttachment> attachments) {

    public OutgoingMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
