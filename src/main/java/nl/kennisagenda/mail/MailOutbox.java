package nl.kennisagenda.mail;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import nl.kennisagenda.config.SiteConfig;

/**
 * Writes mails to the durable outbox. Only inside the transaction of the change that causes the mail
 * ({@link TxType#MANDATORY}): the mail exists if and only if that change committed.
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class);

    @Inject
    MailConfig config;

    @Inject
    SiteConfig site;

    @Inject
    MailRenderers renderers;

    /**
     * Adds the mail to the outbox, due at once. A deferred mail ({@link OutgoingMail#deferred}) is one small row:
     * the expensive part (templates, calendar invite) happens later in the sender, not in the caller's transaction.
     *
     * @throws InvalidMailAddressException when the recipient is not one strictly valid address; nothing is written
     * @throws IllegalArgumentException when an extra header is not allowed or not one line; nothing is written
     */
    @Transactional(TxType.MANDATORY)
    public OutboxMail enqueue(OutgoingMail outgoing) {
        OutboxMail mail = new OutboxMail();
        mail.kind = outgoing.kind();
        mail.registrationId = outgoing.registrationId();
        mail.recipient = MailHeaders.address(outgoing.recipient());
        mail.locale = outgoing.locale();
        mail.createdAt = Instant.now();
        mail.setExtraHeaders(MailHeaders.extraHeaders(outgoing.headers()));
        if (outgoing.isRendered()) {
            mail.subject = MailHeaders.subject(outgoing.subject());
            mail.textBody = outgoing.text();
            mail.htmlBody = outgoing.html();
            mail.attachments.addAll(outgoing.attachments());
            mail.renderedAt = mail.createdAt;
        } else if (!renderers.has(outgoing.kind())) {
            throw new IllegalArgumentException("No renderer for deferred mails of kind " + outgoing.kind());
        }
        // Fixed now, so every attempt of this mail carries the same Message-ID.
        mail.messageId = newMessageId();
        mail.status = MailStatus.PENDING;
        mail.nextAttemptAt = mail.createdAt;
        mail.persist();
        LOG.debugf("Mail %d %s to %s queued%s", mail.id, mail.kind, OutboxSender.mask(mail.recipient),
                mail.isRendered() ? ": \"" + mail.subject + "\"" : " (rendered by the sender)");
        return mail;
    }

    /**
     * Puts a FAILED mail back in the queue ("opnieuw versturen" in the mail log): PENDING, due now, with a fresh
     * attempt count, so the sender tries it again with its stored content and Message-ID. The last error stays for
     * the record until the next attempt replaces it.
     *
     * @return whether the mail was FAILED (and is queued now)
     */
    @Transactional
    public boolean retry(long mailId) {
        int updated = OutboxMail.update("status = ?1, attempts = 0, nextAttemptAt = ?2, leaseUntil = null,"
                + " claimToken = null where id = ?3 and status = ?4", MailStatus.PENDING, Instant.now(), mailId,
                MailStatus.FAILED);
        if (updated == 1) {
            LOG.infof("Mail %d put back in the queue by hand", mailId);
        }
        return updated == 1;
    }

    String newMessageId() {
        return "<" + UUID.randomUUID() + "@" + messageIdDomain() + ">";
    }

    private String messageIdDomain() {
        return config.messageIdDomain().filter(domain -> !domain.isBlank()).orElseGet(() -> {
            try {
                String host = URI.create(site.baseUrl()).getHost();
                return host == null || host.isBlank() ? "kennisagenda.local" : host.toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return "kennisagenda.local";
            }
        });
    }
}
