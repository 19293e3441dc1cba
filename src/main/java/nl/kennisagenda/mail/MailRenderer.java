package nl.kennisagenda.mail;

import java.util.Optional;

/**
 * Renders the outbox mails of some kinds in the sender, from the state at sending time. Each kind of mail
 * (attendee mails, later organiser messages, password resets, the newsletter) has its own renderer; the outbox
 * and the sender know none of them by name ({@link MailRenderers}).
 */
public interface MailRenderer {

    /** Whether this renderer renders mails of this kind. */
    boolean renders(MailKind kind);

    /**
     * Stores subject, bodies, attachments and extra headers on the mail, which the caller has locked in its
     * transaction; or says why the mail is no longer to be sent (it is then marked SUPERSEDED).
     *
     * @return empty when rendered, else the reason it is superseded
     */
    Optional<String> render(OutboxMail mail);
}
