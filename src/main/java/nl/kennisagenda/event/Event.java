package nl.kennisagenda.event;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.kennisagenda.common.IdentifiedEntity;
import nl.kennisagenda.common.WebAddress;
import nl.kennisagenda.common.WebAddresses;
import nl.kennisagenda.image.StoredImage;

/**
 * An event of a knowledge network: a webinar, an online lunch session, a seminar with breakout rounds.
 * Times are instants; pages and mails show them in Europe/Amsterdam.
 */
@Entity
// Only changed columns are written: a sign-up changes a counter, not the whole row with its long texts.
@org.hibernate.annotations.DynamicUpdate
@Table(name = "events")
public class Event extends IdentifiedEntity {

    @NotBlank
    @Size(max = 160)
    @Column(nullable = false, unique = true)
    public String slug;

    @NotNull
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    @ManyToMany
    @JoinTable(name = "event_partners",
            joinColumns = @JoinColumn(name = "event_id"),
            inverseJoinColumns = @JoinColumn(name = "organisation_id"))
    @OrderColumn(name = "sort_order")
    public List<Organisation> partners = new ArrayList<>();

    @NotBlank
    @Size(max = 300)
    public String title;

    @Size(max = 1000)
    public String summary;

    /** Body text in Markdown (plain paragraphs separated by blank lines are Markdown too). */
    @Size(max = 20000)
    public String description;

    @ElementCollection
    @CollectionTable(name = "event_themes", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "theme")
    @OrderColumn(name = "sort_order")
    public List<String> themes = new ArrayList<>();

    @NotNull
    @Enumerated(EnumType.STRING)
    public EventFormat format;

    @NotNull
    @Column(name = "starts_at")
    public Instant startsAt;

    @NotNull
    @Column(name = "ends_at")
    public Instant endsAt;

    @Size(max = 200)
    @Column(name = "venue_name")
    public String venueName;

    @Size(max = 300)
    @Column(name = "venue_address")
    public String venueAddress;

    @Size(max = 120)
    @Column(name = "venue_city")
    public String venueCity;

    /** E.g. "Zoom" or "Microsoft Teams"; shown publicly. */
    @Size(max = 100)
    @Column(name = "online_platform")
    public String onlinePlatform;

    /** Released only to confirmed attendees: never on a public page, feed or API. See {@link #joinLink()}. */
    @Size(max = 1000)
    @WebAddress
    @Column(name = "join_url")
    public String joinUrl;

    /** "Voor wie?" */
    @Size(max = 4000)
    public String audience;

    /** "Wat levert deelname jou op?" */
    @ElementCollection
    @CollectionTable(name = "event_outcomes", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "outcome")
    @OrderColumn(name = "sort_order")
    public List<String> outcomes = new ArrayList<>();

    /** English versions of the content; empty means the Dutch text is shown (marked lang="nl"). */
    @Size(max = 300)
    @Column(name = "title_en")
    public String titleEn;

    @Size(max = 1000)
    @Column(name = "summary_en")
    public String summaryEn;

    /** Markdown, like {@link #description}. */
    @Size(max = 20000)
    @Column(name = "description_en")
    public String descriptionEn;

    @Size(max = 4000)
    @Column(name = "audience_en")
    public String audienceEn;

    @ElementCollection
    @CollectionTable(name = "event_outcomes_en", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "outcome")
    @OrderColumn(name = "sort_order")
    public List<String> outcomesEn = new ArrayList<>();

    /** Published but only reachable by its link: absent from the agenda, lists, feeds and API lists; noindex. */
    @Column(nullable = false)
    public boolean unlisted;

    /** The organiser's message to everyone registered, sent with the cancellation. */
    @Size(max = 4000)
    @Column(name = "cancellation_message")
    public String cancellationMessage;

    @Size(max = 200)
    @Column(name = "contact_name")
    public String contactName;

    @Size(max = 200)
    @Column(name = "contact_role")
    public String contactRole;

    @Email
    @Size(max = 254)
    @Column(name = "contact_email")
    public String contactEmail;

    /**
     * Places for the whole event; {@code null} means unlimited. For a hybrid event: the places on site (the online
     * places are {@link #onlineCapacity}).
     */
    @Min(0)
    public Integer capacity;

    /** Online places of a hybrid event; {@code null} means unlimited. Not used for other formats. */
    @Min(0)
    @Column(name = "online_capacity")
    public Integer onlineCapacity;

    /** Maintained by the registration service under a row lock; never trust a count query instead. */
    @Column(name = "confirmed_count", nullable = false)
    public int confirmedCount;

    @Column(name = "waitlisted_count", nullable = false)
    public int waitlistedCount;

    /**
     * The online part of {@link #confirmedCount} and {@link #waitlistedCount}: registrations whose mode is
     * {@link AttendanceMode#ONLINE}. The totals keep counting everyone; on site is the difference. Maintained under
     * the same row lock.
     */
    @Column(name = "online_confirmed_count", nullable = false)
    public int onlineConfirmedCount;

    @Column(name = "online_waitlisted_count", nullable = false)
    public int onlineWaitlistedCount;

    /**
     * "Aanmelding onder voorbehoud": sign-ups wait as PENDING until an organiser approves (a place, or the waiting
     * list when full) or declines them. Pending sign-ups take no place.
     */
    @Column(name = "requires_approval", nullable = false)
    public boolean requiresApproval;

    @Column(name = "signup_opens_at")
    public Instant signupOpensAt;

    @Column(name = "signup_closes_at")
    public Instant signupClosesAt;

    @NotNull
    @Enumerated(EnumType.STRING)
    public EventStatus status = EventStatus.DRAFT;

    /** iCalendar SEQUENCE: raised whenever time, place or join link of a published event changes. */
    @Column(name = "ical_sequence", nullable = false)
    public int icalSequence;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @OneToMany(mappedBy = "event")
    @OrderBy("sortOrder, startsAt, roundNumber, id")
    public List<ProgrammeItem> programme = new ArrayList<>();

    @OneToMany(mappedBy = "event")
    @OrderBy("sortOrder")
    public List<FormField> formFields = new ArrayList<>();

    @OneToMany(mappedBy = "event")
    @OrderBy("sortOrder")
    public List<EventMaterial> materials = new ArrayList<>();

    /** Costs, language, accessibility, route, accreditation, privacy line. */
    @Embedded
    public Practical practical = new Practical();

    /** The event's image on its public page, or null (uploaded in the back-office, see image/). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "image_id")
    public StoredImage image;

    @PrePersist
    void onCreate() {
        createdAt = createdAt == null ? Instant.now() : createdAt;
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    // No @PreUpdate stamp: a sign-up changes only the counters, and that is no change of the event (for calendars'
    // LAST-MODIFIED, or for cached pages). web.PageChanges stamps updatedAt on every other change, at the flush.

    /** The join link when the event has one that is a web address; who may see it: Registration#joinLink. */
    public Optional<URI> joinLink() {
        return isOnline() ? WebAddresses.parse(joinUrl) : Optional.empty();
    }

    public boolean isOnline() {
        return format == EventFormat.ONLINE || format == EventFormat.HYBRID;
    }

    public boolean isInPerson() {
        return format == EventFormat.IN_PERSON || format == EventFormat.HYBRID;
    }

    public boolean isHybrid() {
        return format == EventFormat.HYBRID;
    }

    /** The mode everyone has at an event that is not hybrid; null for a hybrid event (each person chooses). */
    public AttendanceMode impliedMode() {
        if (format == null) {
            return null;
        }
        return switch (format) {
            case ONLINE -> AttendanceMode.ONLINE;
            case IN_PERSON -> AttendanceMode.ON_SITE;
            case HYBRID -> null;
        };
    }

    /** The modes a person can choose from: both for a hybrid event, else the one the format implies. */
    public java.util.List<AttendanceMode> modes() {
        return isHybrid() ? java.util.List.of(AttendanceMode.values()) : java.util.List.of(impliedMode());
    }

    /**
     * The capacity a registration in this mode counts against: for a hybrid event the mode's own ({@link #capacity}
     * on site, {@link #onlineCapacity} online), for other events the event's. {@code null}: unlimited.
     */
    public Integer capacityFor(AttendanceMode mode) {
        if (!isHybrid()) {
            return capacity;
        }
        return mode == AttendanceMode.ONLINE ? onlineCapacity : capacity;
    }

    /** Confirmed registrations that count against {@link #capacityFor(AttendanceMode)}. */
    public int confirmedFor(AttendanceMode mode) {
        if (!isHybrid()) {
            return confirmedCount;
        }
        return mode == AttendanceMode.ONLINE ? onlineConfirmedCount : confirmedCount - onlineConfirmedCount;
    }

    /** Waiting for a place in this mode (for other events: the whole waiting list). */
    public int waitlistedFor(AttendanceMode mode) {
        if (!isHybrid()) {
            return waitlistedCount;
        }
        return mode == AttendanceMode.ONLINE ? onlineWaitlistedCount : waitlistedCount - onlineWaitlistedCount;
    }

    /** Places still free in this mode, or {@code null} when it has no limit. */
    public Integer placesLeft(AttendanceMode mode) {
        Integer limit = capacityFor(mode);
        return limit == null ? null : Math.max(0, limit - confirmedFor(mode));
    }

    /** Whether a new confirmed registration in this mode would go over its capacity. */
    public boolean isFull(AttendanceMode mode) {
        Integer limit = capacityFor(mode);
        return limit != null && confirmedFor(mode) >= limit;
    }

    public boolean isPublic() {
        return status == EventStatus.PUBLISHED || status == EventStatus.CANCELLED;
    }

    public boolean hasUnlimitedCapacity() {
        return isHybrid() ? capacity == null || onlineCapacity == null : capacity == null;
    }

    /**
     * Places still free, or {@code null} when the event has no capacity limit. For a hybrid event the sum of both
     * modes ({@code null} when either is unlimited); per mode: {@link #placesLeft(AttendanceMode)}.
     */
    public Integer placesLeft() {
        if (isHybrid()) {
            Integer onSite = placesLeft(AttendanceMode.ON_SITE);
            Integer online = placesLeft(AttendanceMode.ONLINE);
            return onSite == null || online == null ? null : onSite + online;
        }
        return capacity == null ? null : Math.max(0, capacity - confirmedCount);
    }

    /** No place left in any mode (a hybrid event with a free online place is not full). */
    public boolean isFull() {
        if (isHybrid()) {
            return isFull(AttendanceMode.ON_SITE) && isFull(AttendanceMode.ONLINE);
        }
        return capacity != null && confirmedCount >= capacity;
    }

    public boolean isPast(Instant now) {
        return !endsAt.isAfter(now);
    }

    public SignupState signupState(Instant now) {
        return SignupState.of(status, startsAt, signupOpensAt, signupClosesAt, now);
    }

    /** Numbered breakout rounds in programme order. */
    public List<Integer> breakoutRounds() {
        return programme.stream()
                .filter(item -> item.kind == ProgrammeItemKind.BREAKOUT && item.roundNumber != null)
                .map(item -> item.roundNumber)
                .distinct()
                .sorted()
                .toList();
    }

    public List<ProgrammeItem> sessionsInRound(int round) {
        return programme.stream()
                .filter(item -> item.kind == ProgrammeItemKind.BREAKOUT && item.roundNumber != null
                        && item.roundNumber == round)
                .toList();
    }

    public static Optional<Event> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The public view: drafts do not exist for visitors. */
    public static Optional<Event> findPublicBySlug(String slug) {
        return find("slug = ?1 and status in ?2", slug, List.of(EventStatus.PUBLISHED, EventStatus.CANCELLED))
                .firstResultOptional();
    }
}
