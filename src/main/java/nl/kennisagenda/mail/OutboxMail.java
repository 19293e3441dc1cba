package nl.kennisagenda.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import nl.kennisagenda.common.IdentifiedEntity;

/**
 * A mail in the durable outbox. Written by {@link MailOutbox#enqueue} in the transaction of the change that caused
 * it, delivered later by {@link OutboxSender}. Rows are kept after sending, so the outbox is also the mail log.
 */
@Entity
@Table(name = "outbox_mails")
public class OutboxMail extends IdentifiedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MailKind kind;

    /** The registration the mail is about, if any (a plain id: the outbox does not need the entity). */
    @Column(name = "registration_id")
    public Long registrationId;

    /** The organiser message this mail delivers (message/OrganiserMessage), if any. */
    @Column(name = "organiser_message_id")
    public Long organiserMessageId;

    /** One validated address, nothing else (see {@link MailHeaders#address}). */
    @Column(nullable = false)
    public String recipient;

    /** Language the mail is rendered in ("nl"/"en"), fixed in the transaction of the change. */
    @Column(name = "mail_locale")
    public String locale;

    /**
     * Single line: CR/LF removed (see {@link MailHeaders#subject}). Null until the sender rendered the mail
     * ({@link #renderedAt}).
     */
    @Column(name = "subject")
    public String subject;

    /** Null until rendered. */
    @Column(name = "text_body")
    public String textBody;

    @Column(name = "html_body")
    public String htmlBody;

    @ElementCollection
    @CollectionTable(name = "outbox_mail_attachments", joinColumns = @JoinColumn(name = "mail_id"))
    @OrderColumn(name = "sort_order")
    public List<MailAttachment> attachments = new ArrayList<>();

    /**
     * Header fields beyond From, To, Subject and Message-ID (e.g. Reply-To, List-Unsubscribe), one "Name: value"
     * per line, each checked by {@link MailHeaders#extraHeaders}; null when there are none.
     */
    @Column(name = "extra_headers")
    public String extraHeaders;

    /** Stable across retries, so a receiver can recognise a mail that reached it twice. */
    @Column(name = "message_id", nullable = false, unique = true)
    public String messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MailStatus status = MailStatus.PENDING;

    /** Attempts started so far (counted when a sender claims the mail). */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** While SENDING: until when the claiming sender owns the mail. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** While SENDING: which claim owns the mail. */
    @Column(name = "claim_token")
    public String claimToken;

    @Column(name = "last_error")
    public String lastError;

    /**
     * When subject, bodies and attachments were rendered and stored; null while the row is only the light record
     * written in the transaction of the change. Once set, the content never changes: every attempt sends it.
     */
    @Column(name = "rendered_at")
    public Instant renderedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /**
     * For a newsletter delivery (kind NEWSLETTER_ISSUE): the issue and the subscriber, a unique pair. Such rows are
     * sent by newsletter/sending/NewsletterSender, never by {@link OutboxSender}.
     */
    @Column(name = "newsletter_issue_id")
    public Long newsletterIssueId;

    @Column(name = "newsletter_subscriber_id")
    public Long newsletterSubscriberId;

    public static List<OutboxMail> forRegistration(Long registrationId) {
        return list("registrationId = ?1 order by id", registrationId);
    }

    public boolean isRendered() {
        return renderedAt != null;
    }

    public static List<OutboxMail> withStatus(MailStatus status) {
        return list("status = ?1 order by id", status);
    }

    /** The extra header fields in their order. */
    public Map<String, String> extraHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (extraHeaders != null) {
            for (String line : extraHeaders.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon), line.substring(colon + 1).strip());
                }
            }
        }
        return headers;
    }

    /** Stores checked header fields (see {@link MailHeaders#extraHeaders}). */
    public void setExtraHeaders(Map<String, String> headers) {
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append('\n'));
        extraHeaders = lines.isEmpty() ? null : lines.toString();
    }
}
