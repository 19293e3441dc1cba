package nl.kennisagenda.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import nl.kennisagenda.common.IdentifiedEntity;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.ProgrammeItem;

/**
 * A message from the organisers to one group of an event's registrations (docs/messages.md). Written and edited as a
 * DRAFT, then scheduled ("send now" is scheduled for now); {@link MessageDispatcher} turns it into one outbox mail per
 * recipient, and {@link MessageMails} renders each mail in the recipient's language when the sender gets to it.
 */
@Entity
@Table(name = "organiser_messages")
public class OrganiserMessage extends IdentifiedEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "event_id")
    public Event event;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;

    /** The breakout session, only for {@link Audience#SESSION}. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "session_id")
    public ProgrammeItem session;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessagePurpose purpose = MessagePurpose.MESSAGE;

    @Column(name = "subject_nl", nullable = false)
    public String subjectNl;

    /** Markdown with placeholders ({@link Placeholders}). */
    @Column(name = "body_nl", nullable = false)
    public String bodyNl;

    /** English version: used for recipients who signed up in English, when subject and body are both filled in. */
    @Column(name = "subject_en")
    public String subjectEn;

    @Column(name = "body_en")
    public String bodyEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageStatus status = MessageStatus.DRAFT;

    /** When a SCHEDULED message is due. */
    @Column(name = "send_at")
    public Instant sendAt;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "updated_by")
    public Long updatedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When the last recipient's mail was written to the outbox (status SENT). */
    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "recipient_count")
    public Integer recipientCount;

    /** While SENDING: until when the claiming dispatcher owns the message. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "claim_token")
    public String claimToken;

    @ElementCollection
    @CollectionTable(name = "organiser_message_links", joinColumns = @JoinColumn(name = "message_id"))
    @OrderColumn(name = "sort_order")
    public List<MessageLink> links = new ArrayList<>();

    /** Whether a recipient in this language gets the English version. */
    public boolean englishFor(String locale) {
        return "en".equals(locale) && hasEnglish();
    }

    public boolean hasEnglish() {
        return subjectEn != null && !subjectEn.isBlank() && bodyEn != null && !bodyEn.isBlank();
    }

    public static List<OrganiserMessage> ofEvent(long eventId) {
        return list("event.id = ?1 order by createdAt desc, id desc", eventId);
    }
}
