package nl.kennisagenda.registration;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.kennisagenda.common.IdentifiedEntity;
import nl.kennisagenda.common.Tokens;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.ProgrammeItem;

/** One person's sign-up for one event, with their answers and breakout choices. */
@Entity
@Table(name = "registrations")
public class Registration extends IdentifiedEntity {

    @NotNull
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "event_id")
    public Event event;

    @NotNull
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "attendee_id")
    public Attendee attendee;

    /** Secret for the self-service page; at least 128 random bits. */
    @Column(nullable = false, unique = true)
    public String token;

    @NotNull
    @Enumerated(EnumType.STRING)
    public RegistrationStatus status;

    @NotBlank
    @Size(max = 100)
    @Column(name = "first_name")
    public String firstName;

    @NotBlank
    @Size(max = 100)
    @Column(name = "last_name")
    public String lastName;

    /** As typed (the attendee holds the normalised form). */
    @NotBlank
    @Email
    @Size(max = 254)
    public String email;

    @Size(max = 200)
    @Column(name = "organisation_name")
    public String organisationName;

    @Size(max = 200)
    @Column(name = "job_role")
    public String jobRole;

    /** Language of the person's mails: "nl" or "en". */
    @NotBlank
    @Size(max = 8)
    public String locale = "nl";

    @Column(name = "newsletter_opt_in", nullable = false)
    public boolean newsletterOptIn;

    /** The exact consent text the person saw when ticking the newsletter box. */
    @Size(max = 1000)
    @Column(name = "newsletter_consent_text")
    public String newsletterConsentText;

    /** Answers to the event's own fields, by field key (multi-select answers joined by newlines). */
    @ElementCollection
    @CollectionTable(name = "registration_answers", joinColumns = @JoinColumn(name = "registration_id"))
    @MapKeyColumn(name = "field_key")
    @Column(name = "answer")
    public Map<String, String> answers = new LinkedHashMap<>();

    /** Chosen breakout sessions, at most one per round. */
    @ManyToMany
    @JoinTable(name = "registration_sessions",
            joinColumns = @JoinColumn(name = "registration_id"),
            inverseJoinColumns = @JoinColumn(name = "programme_item_id"))
    public Set<ProgrammeItem> sessions = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "reminder_sent_at")
    public Instant reminderSentAt;

    /**
     * Raised when a cancelled registration is signed up again: calendars hold a cancelled entry for the old UID,
     * so the renewed registration gets a new UID (see CalendarUids).
     */
    @Column(name = "calendar_generation", nullable = false)
    public int calendarGeneration;

    /** When the person was marked present on the day; null when not (or the mark was undone). */
    @Column(name = "checked_in_at")
    public Instant checkedInAt;

    /** The name of the account that marked the person present. */
    @Size(max = 200)
    @Column(name = "checked_in_by")
    public String checkedInBy;

    @PrePersist
    void onCreate() {
        if (token == null) {
            token = Tokens.newToken();
        }
        createdAt = createdAt == null ? Instant.now() : createdAt;
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public Locale mailLocale() {
        return Locale.forLanguageTag(locale);
    }

    /**
     * The one answer to "does this person get the join link": only a confirmed attendee of an online or hybrid
     * event that is still on (published), and only when the link is a web address. Mails, invites and feeds ask
     * this, never the event's field.
     */
    public Optional<URI> joinLink() {
        if (!isConfirmed() || event.status != EventStatus.PUBLISHED) {
            return Optional.empty();
        }
        return event.joinLink();
    }

    public boolean isConfirmed() {
        return status == RegistrationStatus.CONFIRMED;
    }

    public boolean isWaitlisted() {
        return status == RegistrationStatus.WAITLISTED;
    }

    public boolean isCancelled() {
        return status == RegistrationStatus.CANCELLED;
    }

    public boolean isPending() {
        return status == RegistrationStatus.PENDING;
    }

    public boolean isDeclined() {
        return status == RegistrationStatus.DECLINED;
    }

    /** Cancelled or declined: no longer in play; signing up again starts afresh. */
    public boolean isClosed() {
        return isCancelled() || isDeclined();
    }

    public boolean isCheckedIn() {
        return checkedInAt != null;
    }

    public static Optional<Registration> findByToken(String token) {
        return find("token", token).firstResultOptional();
    }
}
