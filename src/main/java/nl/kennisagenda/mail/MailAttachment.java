package nl.kennisagenda.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A text attachment of an outbox mail, such as an iCalendar invite ({@code text/calendar; method=REQUEST}).
 * Stored as text so the outbox stays readable and portable between H2 and PostgreSQL.
 */
@Embeddable
public class MailAttachment {

    public static final String INVITE_REQUEST = "text/calendar; charset=utf-8; method=REQUEST";
    public static final String INVITE_CANCEL = "text/calendar; charset=utf-8; method=CANCEL";

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "content_text", nullable = false)
    public String content;

    protected MailAttachment() {
    }

    public MailAttachment(String fileName, String contentType, String content) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
    }
}
