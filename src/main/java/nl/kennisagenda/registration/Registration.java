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
import nl.kennisagenda.event.AttendanceMode;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.ProgrammeItem;

/** One person's sign-up for one event, with their answers and breakout choices. */
@Entity
// Only changed columns are written: a sign-up changes a counter, not the whole row with its long texts.
@org.hibernate.annotations.DynamicUpdate
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

    /**
     * The privacy statement version shown with the sign-up form ("3": the organisation's version 3; "platform-1":
     * the platform's default), see privacy/PrivacyStatements; null when no notice was shown by us.
     */
    @Size(max = 40)
    @Column(name = "privacy_version")
    public String privacyVersion;

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

    /**
     * On site or online, as chosen on the form of a hybrid event (for other events: as the format implies, set when
     * placed). Counted in the event's per-mode counters; read it through {@link #mode()}.
     */
    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "attendance_mode", nullable = false)
    public AttendanceMode attendanceMode = AttendanceMode.ON_SITE;

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

    /**
     * Raised when the person's own part of their calendar entry changes (their breakout sessions); the entry's
     * SEQUENCE is this plus the event's {@code icalSequence} (see {@link #calendarSequence()}).
     */
    @Column(name = "ical_sequence", nullable = false)
    public int icalSequence;

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

    /** The ids of the chosen breakout sessions. */
    public Set<Long> sessionIds() {
        Set<Long> ids = new LinkedHashSet<>();
        sessions.forEach(session -> ids.add(session.id));
        return ids;
    }

    /**
     * Call after changing the registration: when its sessions are no longer {@code sessionIdsBefore}, the person's
     * calendar entry (its programme) shows something else, so its SEQUENCE goes up and calendars take the new
     * version (RFC 5546). Answers that the entry does not show change nothing here.
     *
     * @return whether the calendar entry changed
     */
    public boolean raiseCalendarSequenceIfSessionsChanged(Set<Long> sessionIdsBefore) {
        if (sessionIds().equals(sessionIdsBefore)) {
            return false;
        }
        icalSequence++;
        return true;
    }

    /**
     * SEQUENCE of the person's calendar entry: the event's changes plus the person's own, one higher once the entry
     * is cancelled (by the person, the organiser, or with the event), so a CANCEL supersedes every REQUEST before it.
     * Both counters only rise, so the sum does too. The invite mails and the personal feed use this number.
     */
    public int calendarSequence() {
        boolean cancelled = isClosed() || event.status == EventStatus.CANCELLED;
        return event.icalSequence + icalSequence + (cancelled ? 1 : 0);
    }

    public Locale mailLocale() {
        return Locale.forLanguageTag(locale);
    }

    /**
     * How this person takes part: their own choice at a hybrid event, else what the event's format implies (also
     * when the organiser changed the format after the sign-up).
     */
    public AttendanceMode mode() {
        AttendanceMode implied = event.impliedMode();
        return implied != null ? implied : attendanceMode;
    }

    public boolean isOnline() {
        return mode() == AttendanceMode.ONLINE;
    }

    /**
     * The one answer to "does this person get the join link": only a confirmed attendee who takes part online (at an
     * online event, or online at a hybrid one) of an event that is still on (published), and only when the link is
     * a web address. Mails, invites and feeds ask this, never the event's field.
     */
    public Optional<URI> joinLink() {
        if (!isConfirmed() || event.status != EventStatus.PUBLISHED || !isOnline()) {
            return Optional.empty();
        }
        return event.joinLink();
    }

    /**
     * The one answer to "does this person get the address and route": whoever comes to the venue (an in-person
     * event, or on site at a hybrid one). Online attendees of a hybrid event never do: they would only be confused.
     */
    public boolean getsVenue() {
        return event.isInPerson() && mode() == AttendanceMode.ON_SITE;
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

    /** Whether the person can still change or cancel: not cancelled or declined, event published and not started. */
    public boolean isChangeable(Instant now) {
        return !isClosed() && event.status == EventStatus.PUBLISHED && event.startsAt.isAfter(now);
    }

    /** After a cancellation: the person may sign up again while the event's sign-up is open. */
    public boolean canSignUpAgain(Instant now) {
        return isCancelled() && event.signupState(now).isOpen();
    }

    public boolean isCheckedIn() {
        return checkedInAt != null;
    }

    public static Optional<Registration> findByToken(String token) {
        return find("token", token).firstResultOptional();
    }
}
