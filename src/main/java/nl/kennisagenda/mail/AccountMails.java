package nl.kennisagenda.mail;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.backoffice.AdmMailMessages;

/**
 * Mails to back-office accounts: the password-reset link and the link a new account uses to choose its first
 * password. Both go through the outbox (no registration), on the general mail layout.
 * <p>
 * Rendered when enqueued, not by the sender like attendee mails: the link holds a token that exists only in the
 * request that made it (the database keeps just its SHA-256), so there is nothing the sender could render it from
 * later, and no row lock is held while rendering. The rendered text does contain the link, as every sent mail's
 * content is kept for the mail log; the log masks it ({@code MailLog}), and the token works once, for a short time.
 */
@ApplicationScoped
public class AccountMails implements MailRenderer {

    @Inject
    MailOutbox outbox;

    /** What the account mails show. */
    public record AccountMailView(String name, String email, String link, long validHours) {
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance passwordReset(AccountMailView m, MailFrame frame);

        static native MailTemplateInstance accountInvitation(AccountMailView m, MailFrame frame);
    }

    @Override
    public boolean renders(MailKind kind) {
        return kind == MailKind.PASSWORD_RESET || kind == MailKind.ACCOUNT_INVITATION;
    }

    /**
     * The renderer of these kinds for the sender: they are always enqueued rendered, so there is nothing to do; a row
     * without content (written by hand) cannot be rendered later, as its token is gone, and is not sent.
     */
    @Override
    public Optional<String> render(OutboxMail mail) {
        return mail.isRendered() ? Optional.empty()
                : Optional.of("Superseded: a password link is rendered when it is made; its token is not kept");
    }

    /**
     * Writes a password-reset ({@link MailKind#PASSWORD_RESET}) or first-password ({@link MailKind#ACCOUNT_INVITATION})
     * mail to the outbox in the caller's transaction.
     */
    @Transactional(TxType.MANDATORY)
    public OutboxMail passwordLink(MailKind kind, String recipient, String name, String link, Duration validity,
            Locale locale) {
        if (kind != MailKind.PASSWORD_RESET && kind != MailKind.ACCOUNT_INVITATION) {
            throw new IllegalArgumentException("Not an account mail: " + kind);
        }
        AdmMailMessages messages = MessageBundles.get(AdmMailMessages.class,
                Localized.Literal.of(locale.getLanguage()));
        boolean invitation = kind == MailKind.ACCOUNT_INVITATION;
        String subject = MailHeaders.subject(invitation ? messages.invite_subject() : messages.reset_subject());
        AccountMailView view = new AccountMailView(name, recipient, link, Math.max(1, validity.toHours()));
        MailFrame frame = new MailFrame(locale.getLanguage(), subject, subject,
                messages.mail_greeting(name), List.of(messages.mail_signature(), messages.mail_signature_name()),
                List.of(invitation ? messages.invite_footer() : messages.reset_footer()));
        MailTemplates.Rendered body = MailTemplates.render(invitation ? Templates.accountInvitation(view, frame)
                : Templates.passwordReset(view, frame), locale);
        return outbox.enqueue(new OutgoingMail(kind, null, recipient, locale.getLanguage(), subject, body.text(),
                body.html(), List.of(), java.util.Map.of()));
    }
}
