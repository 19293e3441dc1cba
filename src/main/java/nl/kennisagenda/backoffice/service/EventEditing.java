package nl.kennisagenda.backoffice.service;

import java.time.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.hibernate.Hibernate;

import nl.kennisagenda.backoffice.editor.ImageEditor;
import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.audit.AuditEntry;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.backoffice.service.InvalidEventException.FieldError;
import nl.kennisagenda.common.Slugs;
import nl.kennisagenda.common.TransactionRetry;
import nl.kennisagenda.common.WebAddresses;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventChangeService;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventLocks;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.Practical;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.StandardFormFields;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.service.RegistrationOperations;

/**
 * Every change an organiser makes to an event, for the back-office pages and the admin API alike: create, edit,
 * duplicate, publish, unpublish, cancel, delete a draft. Each method takes the acting user and checks it with
 * {@link AccessPolicy} before anything else.
 *
 * <p>Each change is one unit of work run through {@link TransactionRetry} (the outer edge; these methods refuse to
 * run inside a transaction). Inside it the event row is locked first ({@link EventLocks}), so the confirmed count the
 * capacity is checked against cannot move underneath; changes of time, place and join link go through
 * {@link EventChangeService} (SEQUENCE raised, REQUEST update mails to confirmed attendees); a raised capacity
 * promotes from the waiting list in the same transaction ({@link RegistrationOperations#promoteWaitlisted}); and an
 * audit entry is written with it.
 */
@ApplicationScoped
public class EventEditing {

    private static final BigDecimal MAX_COST = new BigDecimal("99999.99");

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Inject
    ImageEditor images;

    @Inject
    TransactionRetry retry;

    @Inject
    EventLocks locks;

    @Inject
    EventChangeService changes;

    @Inject
    RegistrationOperations registrations;

    @Inject
    AuditLog audit;

    /** How a save ended: saved, or waiting for the organiser to confirm that attendees get an update. */
    public record SaveResult(Event event, boolean needsConfirmation, long attendeesToNotify) {
    }

    /** What the hub page shows about one event. */
    public record EventHub(Event event, boolean canChange, long registrations, List<AuditEntry> audit) {
    }

    // ---------------------------------------------------------------- reading

    /** The event with everything the editor shows; 404 when unknown, 403 when the actor may not read it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Event read(Actor actor, long eventId) {
        Event event = Event.<Event>findByIdOptional(eventId).orElseThrow(NotFoundException::new);
        AccessPolicy.requireCanRead(actor, event.organisation);
        initialise(event);
        return event;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EventHub hub(Actor actor, long eventId) {
        Event event = read(actor, eventId);
        return new EventHub(event, AccessPolicy.canChange(actor, event.organisation), registrationCount(event),
                AuditEntry.ofEvent(event.id, 50));
    }

    /** The organisation by slug, when the actor may add events to it; 404 unknown, 403 not theirs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Organisation organisationToChange(Actor actor, String slug) {
        Organisation organisation = Organisation.findBySlug(slug).orElseThrow(NotFoundException::new);
        AccessPolicy.requireCanChange(actor, organisation);
        return organisation;
    }

    /** Every event the actor may read, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> readable(Actor actor) {
        List<Event> events = actor.isAdministrator()
                ? Event.list("select e from Event e join fetch e.organisation order by e.startsAt desc, e.id")
                : actor.organisationIds().isEmpty() ? List.of()
                        : Event.list("select e from Event e join fetch e.organisation o where o.id in ?1"
                                + " order by e.startsAt desc, e.id", actor.organisationIds());
        List<Event> readable = events.stream().filter(e -> AccessPolicy.canRead(actor, e.organisation)).toList();
        readable.forEach(EventEditing::initialise);
        return readable;
    }

    /** Confirmed registrations: the people an update of time, place or join link goes to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long confirmedAttendees(Event event) {
        return Registration.count("event.id = ?1 and status = ?2", event.id, RegistrationStatus.CONFIRMED);
    }

    // ---------------------------------------------------------------- changes

    /** A new draft of the organisation. */
    public Event create(Actor actor, String organisationSlug, EventInput input) {
        return retry.inNewTransaction(() -> {
            Organisation organisation = organisationToChange(actor, organisationSlug);
            Valid valid = validate(input, null);
            Event event = new Event();
            event.organisation = organisation;
            event.status = EventStatus.DRAFT;
            event.slug = valid.slug;
            applyContent(event, valid);
            applyLogistics(event, valid);
            event.capacity = valid.capacity;
            if (valid.onlineCapacityGiven) {
                event.onlineCapacity = valid.onlineCapacity;
            }
            event.persist();
            // Every event starts with the standard sign-up form; the form editor takes it from there.
            StandardFormFields.forEvent(event).forEach(field -> field.persist());
            audit.record(ActedBy.of(actor), event, "CREATED", event.title);
            return event;
        });
    }

    /**
     * Saves the organiser's changes. When a published event's time, place or join link changes and
     * {@code confirmed} is false, nothing is saved: the result says how many confirmed attendees would get an
     * updated invitation, for the organiser to confirm.
     */
    public SaveResult update(Actor actor, long eventId, EventInput input, boolean confirmed) {
        return retry.inNewTransaction(() -> {
            Event event = lockToChange(actor, eventId);
            Valid valid = validate(input, event);
            boolean attendeesNotified = event.status == EventStatus.PUBLISHED && logisticsChange(event, valid);
            if (attendeesNotified && !confirmed) {
                return new SaveResult(event, true, confirmedAttendees(event));
            }
            ActedBy by = ActedBy.of(actor);
            EventInput before = inputOf(event);
            Integer oldCapacity = event.capacity;
            Integer oldOnlineCapacity = event.onlineCapacity;
            event.slug = valid.slug;
            applyContent(event, valid);
            // Through the change service: on a published event each raises SEQUENCE and mails the update.
            changes.changeLogistics(event, valid.startsAt, valid.endsAt, valid.format, valid.venueName,
                    valid.venueAddress, valid.venueCity, valid.joinUrl, by);
            event.capacity = valid.capacity;
            if (valid.onlineCapacityGiven) {
                event.onlineCapacity = valid.onlineCapacity;
            }
            event.updatedAt = Instant.now();
            List<String> changed = changedFields(before, inputOf(event));
            audit.record(by, event, "UPDATED", changed.isEmpty() ? "-" : String.join(", ", changed));
            if (!Objects.equals(oldCapacity, valid.capacity)) {
                int promoted = registrations.promoteWaitlisted(event.id);
                audit.record(by, event, "CAPACITY_CHANGED", (oldCapacity == null ? "-" : oldCapacity) + " -> "
                        + (valid.capacity == null ? "-" : valid.capacity) + (promoted > 0 ? ", promoted " + promoted : ""));
            }
            if (!Objects.equals(oldOnlineCapacity, event.onlineCapacity)) {
                // Per mode: more online places go to whoever waits for an online place.
                int promoted = registrations.promoteWaitlisted(event.id);
                audit.record(by, event, "ONLINE_CAPACITY_CHANGED", (oldOnlineCapacity == null ? "-" : oldOnlineCapacity)
                        + " -> " + (event.onlineCapacity == null ? "-" : event.onlineCapacity)
                        + (promoted > 0 ? ", promoted " + promoted : ""));
            }
            return new SaveResult(event, false, 0);
        });
    }

    public Event publish(Actor actor, long eventId) {
        return retry.inNewTransaction(() -> {
            Event event = lockToChange(actor, eventId);
            if (event.status == EventStatus.PUBLISHED) {
                return event;
            }
            if (event.status != EventStatus.DRAFT) {
                throw new EventStateException(EventStateException.Reason.NOT_A_DRAFT);
            }
            // A draft saved before the rules it must meet now: check them again.
            validate(inputOf(event), event);
            event.status = EventStatus.PUBLISHED;
            event.updatedAt = Instant.now();
            audit.record(ActedBy.of(actor), event, "PUBLISHED", null);
            return event;
        });
    }

    /** Back to draft, only while nobody has registered (a registration means someone relies on the event). */
    public Event unpublish(Actor actor, long eventId) {
        return retry.inNewTransaction(() -> {
            Event event = lockToChange(actor, eventId);
            if (event.status == EventStatus.DRAFT) {
                return event;
            }
            if (event.status != EventStatus.PUBLISHED) {
                throw new EventStateException(EventStateException.Reason.NOT_PUBLISHED);
            }
            if (registrationCount(event) > 0) {
                throw new EventStateException(EventStateException.Reason.HAS_REGISTRATIONS);
            }
            event.status = EventStatus.DRAFT;
            event.updatedAt = Instant.now();
            audit.record(ActedBy.of(actor), event, "UNPUBLISHED", null);
            return event;
        });
    }

    /** Calls a published event off; everyone registered gets the cancellation mail with the organiser's message. */
    public Event cancel(Actor actor, long eventId, String message) {
        return retry.inNewTransaction(() -> {
            Event event = lockToChange(actor, eventId);
            if (event.status == EventStatus.CANCELLED) {
                return event;
            }
            if (event.status != EventStatus.PUBLISHED) {
                throw new EventStateException(EventStateException.Reason.NOT_PUBLISHED);
            }
            String text = message == null || message.isBlank() ? null : message.strip();
            if (text != null && text.length() > 4000) {
                throw new InvalidEventException(Map.of("cancellationMessage",
                        new FieldError(EventProblem.TOO_LONG, 4000)));
            }
            event.cancellationMessage = text;
            changes.cancel(event, ActedBy.of(actor));
            return event;
        });
    }

    /** Deletes a draft nobody registered for; published and cancelled events stay. */
    public void deleteDraft(Actor actor, long eventId) {
        retry.inNewTransaction(() -> {
            Event event = lockToChange(actor, eventId);
            if (event.status != EventStatus.DRAFT) {
                throw new EventStateException(EventStateException.Reason.NOT_A_DRAFT);
            }
            if (registrationCount(event) > 0) {
                throw new EventStateException(EventStateException.Reason.HAS_REGISTRATIONS);
            }
            audit.record(ActedBy.of(actor), event, "DELETED", event.slug + ": " + event.title);
            Long imageId = event.image == null ? null : event.image.id;
            // Themes, outcomes, partners, programme, form and materials go with it (on delete cascade).
            Event.delete("id = ?1", event.id);
            images.forgetUnused(imageId);
            return null;
        });
    }

    /**
     * The next edition of a series: a draft with the same content, partners, programme (with its speakers) and
     * sign-up form, under a new slug; every date moves 52 weeks on (same weekday, about a year later) for the
     * organiser to adjust. Counts, registrations, materials and the join link are not copied.
     */
    public Event duplicate(Actor actor, long eventId) {
        return retry.inNewTransaction(() -> {
            Event source = Event.<Event>findByIdOptional(eventId).orElseThrow(NotFoundException::new);
            AccessPolicy.requireCanChange(actor, source.organisation);
            initialise(source);
            Duration shift = Duration.ofDays(7 * 52);
            Event copy = new Event();
            copy.organisation = source.organisation;
            copy.status = EventStatus.DRAFT;
            copy.title = source.title;
            copy.titleEn = source.titleEn;
            copy.summary = source.summary;
            copy.summaryEn = source.summaryEn;
            copy.description = source.description;
            copy.descriptionEn = source.descriptionEn;
            copy.themes = new ArrayList<>(source.themes);
            copy.format = source.format;
            copy.startsAt = source.startsAt.plus(shift);
            copy.endsAt = source.endsAt.plus(shift);
            copy.venueName = source.venueName;
            copy.venueAddress = source.venueAddress;
            copy.venueCity = source.venueCity;
            copy.onlinePlatform = source.onlinePlatform;
            copy.audience = source.audience;
            copy.audienceEn = source.audienceEn;
            copy.outcomes = new ArrayList<>(source.outcomes);
            copy.outcomesEn = new ArrayList<>(source.outcomesEn);
            copy.contactName = source.contactName;
            copy.contactRole = source.contactRole;
            copy.contactEmail = source.contactEmail;
            copy.practical = source.practical.copy();
            copy.capacity = source.capacity;
            copy.onlineCapacity = source.onlineCapacity;
            copy.signupOpensAt = source.signupOpensAt == null ? null : source.signupOpensAt.plus(shift);
            copy.signupClosesAt = source.signupClosesAt == null ? null : source.signupClosesAt.plus(shift);
            copy.partners = new ArrayList<>(source.partners);
            copy.unlisted = source.unlisted;
            copy.requiresApproval = source.requiresApproval;
            copy.image = source.image;
            copy.slug = freeSlug(Slugs.of(source.title) + "-" + Dates.local(copy.startsAt).getYear());
            copy.persist();
            for (ProgrammeItem item : source.programme) {
                ProgrammeItem next = new ProgrammeItem();
                next.event = copy;
                next.startsAt = item.startsAt.plus(shift);
                next.endsAt = item.endsAt.plus(shift);
                next.title = item.title;
                next.titleEn = item.titleEn;
                next.description = item.description;
                next.descriptionEn = item.descriptionEn;
                next.sortOrder = item.sortOrder;
                next.kind = item.kind;
                next.roundNumber = item.roundNumber;
                next.room = item.room;
                next.capacity = item.capacity;
                next.speakers = new ArrayList<>(item.speakers);
                next.persist();
            }
            for (FormField field : source.formFields) {
                FormField next = new FormField();
                next.event = copy;
                next.sortOrder = field.sortOrder;
                next.fieldKey = field.fieldKey;
                next.labelNl = field.labelNl;
                next.labelEn = field.labelEn;
                next.helpNl = field.helpNl;
                next.helpEn = field.helpEn;
                next.type = field.type;
                next.required = field.required;
                next.maxLength = field.maxLength;
                next.options = new ArrayList<>(field.options);
                next.optionsEn = new ArrayList<>(field.optionsEn);
                next.persist();
            }
            audit.record(ActedBy.of(actor), copy, "DUPLICATED", "from " + source.slug);
            audit.record(ActedBy.of(actor), source, "DUPLICATED_TO", copy.slug);
            return copy;
        });
    }

    // ---------------------------------------------------------------- validation

    /** The input, checked and parsed; field problems together in one {@link InvalidEventException}. */
    record Valid(String slug, String title, String titleEn, String summary, String summaryEn, String description,
            String descriptionEn, List<String> themes, EventFormat format, Instant startsAt, Instant endsAt,
            String venueName, String venueAddress, String venueCity, String onlinePlatform, String joinUrl,
            String audience, String audienceEn, List<String> outcomes, List<String> outcomesEn, String contactName,
            String contactRole, String contactEmail, Integer capacity, Instant signupOpensAt, Instant signupClosesAt,
            List<Organisation> partners, boolean unlisted, boolean requiresApproval, Practical practical,
            Integer onlineCapacity, boolean onlineCapacityGiven) {
    }

    /** Checks everything; {@code existing} is the event being edited (locked), or null for a new one. */
    Valid validate(EventInput in, Event existing) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        String title = text(errors, "title", in.title(), 300, true);
        String slug = text(errors, "slug", in.slug(), 160, false);
        if (slug == null && existing == null && title != null) {
            slug = freeSlug(Slugs.of(title));
        } else if (slug == null) {
            errors.put("slug", new FieldError(EventProblem.REQUIRED, null));
        } else if (!SLUG.matcher(slug).matches()) {
            errors.put("slug", new FieldError(EventProblem.SLUG_MALFORMED, null));
        } else if (Event.count("slug = ?1 and id <> ?2", slug, existing == null ? -1L : existing.id) > 0) {
            errors.put("slug", new FieldError(EventProblem.SLUG_TAKEN, null));
        }
        EventFormat format = null;
        String formatText = blank(in.format());
        if (formatText == null) {
            errors.put("format", new FieldError(EventProblem.REQUIRED, null));
        } else {
            try {
                format = EventFormat.valueOf(formatText);
            } catch (IllegalArgumentException e) {
                errors.put("format", new FieldError(EventProblem.FORMAT_INVALID, null));
            }
        }
        Instant startsAt = instant(errors, "startsAt", in.startsAt(), true);
        Instant endsAt = instant(errors, "endsAt", in.endsAt(), true);
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            errors.put("endsAt", new FieldError(EventProblem.END_NOT_AFTER_START, null));
        }
        Instant opens = instant(errors, "signupOpensAt", in.signupOpensAt(), false);
        Instant closes = instant(errors, "signupClosesAt", in.signupClosesAt(), false);
        if (closes != null && startsAt != null && closes.isAfter(startsAt)) {
            errors.put("signupClosesAt", new FieldError(EventProblem.SIGNUP_CLOSES_AFTER_START, null));
        }
        if (opens != null && closes != null && !opens.isBefore(closes)) {
            errors.put("signupOpensAt", new FieldError(EventProblem.SIGNUP_OPENS_AFTER_CLOSE, null));
        } else if (opens != null && startsAt != null && !opens.isBefore(startsAt)) {
            errors.put("signupOpensAt", new FieldError(EventProblem.SIGNUP_CLOSES_AFTER_START, null));
        }
        String joinUrl = text(errors, "joinUrl", in.joinUrl(), 1000, false);
        if (joinUrl != null && !WebAddresses.isWebAddress(joinUrl)) {
            errors.put("joinUrl", new FieldError(EventProblem.JOIN_LINK_INVALID, null));
        }
        Integer capacity = null;
        String capacityText = blank(in.capacity());
        if (capacityText != null) {
            try {
                capacity = Integer.valueOf(capacityText);
                if (capacity < 0) {
                    errors.put("capacity", new FieldError(EventProblem.NEGATIVE, null));
                } else if (existing != null && capacity < onSiteConfirmed(existing, format)) {
                    errors.put("capacity", new FieldError(EventProblem.CAPACITY_BELOW_CONFIRMED,
                            onSiteConfirmed(existing, format)));
                }
            } catch (NumberFormatException e) {
                errors.put("capacity", new FieldError(EventProblem.NOT_A_NUMBER, null));
            }
        }
        Integer onlineCapacity = null;
        String onlineCapacityText = blank(in.onlineCapacity());
        if (onlineCapacityText != null) {
            try {
                onlineCapacity = Integer.valueOf(onlineCapacityText);
                if (onlineCapacity < 0) {
                    errors.put("onlineCapacity", new FieldError(EventProblem.NEGATIVE, null));
                } else if (existing != null && format == EventFormat.HYBRID
                        && onlineCapacity < existing.onlineConfirmedCount) {
                    errors.put("onlineCapacity", new FieldError(EventProblem.CAPACITY_BELOW_CONFIRMED,
                            existing.onlineConfirmedCount));
                }
            } catch (NumberFormatException e) {
                errors.put("onlineCapacity", new FieldError(EventProblem.NOT_A_NUMBER, null));
            }
        }
        String contactEmail = text(errors, "contactEmail", in.contactEmail(), 254, false);
        if (contactEmail != null && !contactEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("contactEmail", new FieldError(EventProblem.EMAIL_INVALID, null));
        }
        List<Organisation> partners = new ArrayList<>();
        for (String partnerSlug : in.partners()) {
            Optional<Organisation> partner = Organisation.findBySlug(partnerSlug);
            if (partner.isEmpty()) {
                errors.put("partners", new FieldError(EventProblem.UNKNOWN_PARTNER, null));
            } else if (!partners.contains(partner.get())) {
                partners.add(partner.get());
            }
        }
        Valid valid = new Valid(slug, title, text(errors, "titleEn", in.titleEn(), 300, false),
                text(errors, "summary", in.summary(), 1000, false),
                text(errors, "summaryEn", in.summaryEn(), 1000, false),
                text(errors, "description", in.description(), 20000, false),
                text(errors, "descriptionEn", in.descriptionEn(), 20000, false),
                list(errors, "themes", in.themes(), 80), format, startsAt, endsAt,
                text(errors, "venueName", in.venueName(), 200, false),
                text(errors, "venueAddress", in.venueAddress(), 300, false),
                text(errors, "venueCity", in.venueCity(), 120, false),
                text(errors, "onlinePlatform", in.onlinePlatform(), 100, false), joinUrl,
                text(errors, "audience", in.audience(), 4000, false),
                text(errors, "audienceEn", in.audienceEn(), 4000, false),
                list(errors, "outcomes", in.outcomes(), 500), list(errors, "outcomesEn", in.outcomesEn(), 500),
                text(errors, "contactName", in.contactName(), 200, false),
                text(errors, "contactRole", in.contactRole(), 200, false), contactEmail, capacity, opens, closes,
                partners, in.unlisted(), in.requiresApproval(), practical(errors, in.practical()), onlineCapacity,
                in.onlineCapacity() != null);
        if (!errors.isEmpty()) {
            throw new InvalidEventException(errors);
        }
        return valid;
    }

    /** The practical information checked, or null when none was given (the event keeps what it has). */
    private static Practical practical(Map<String, FieldError> errors, PracticalInput in) {
        if (in == null) {
            return null;
        }
        Practical practical = new Practical();
        practical.costAmount = cost(errors, in.cost());
        practical.costIncludes = text(errors, "costIncludes", in.costIncludes(), 500, false);
        practical.costIncludesEn = text(errors, "costIncludesEn", in.costIncludesEn(), 500, false);
        String languages = blank(in.languages());
        if (languages == null) {
            practical.languages = "nl";
        } else if (Practical.LANGUAGES.contains(languages)) {
            practical.languages = languages;
        } else {
            errors.put("languages", new FieldError(EventProblem.LANGUAGE_INVALID, null));
        }
        practical.venueAccessibility = text(errors, "venueAccessibility", in.venueAccessibility(), 2000, false);
        practical.venueAccessibilityEn = text(errors, "venueAccessibilityEn", in.venueAccessibilityEn(), 2000, false);
        practical.liveCaptions = in.liveCaptions();
        practical.signLanguage = in.signLanguage();
        practical.onlineAccessibility = text(errors, "onlineAccessibility", in.onlineAccessibility(), 2000, false);
        practical.onlineAccessibilityEn = text(errors, "onlineAccessibilityEn", in.onlineAccessibilityEn(), 2000,
                false);
        practical.routeInfo = text(errors, "routeInfo", in.routeInfo(), 2000, false);
        practical.routeInfoEn = text(errors, "routeInfoEn", in.routeInfoEn(), 2000, false);
        practical.accreditation = text(errors, "accreditation", in.accreditation(), 1000, false);
        practical.accreditationEn = text(errors, "accreditationEn", in.accreditationEn(), 1000, false);
        practical.privacyNote = text(errors, "privacyNote", in.privacyNote(), 1000, false);
        practical.privacyNoteEn = text(errors, "privacyNoteEn", in.privacyNoteEn(), 1000, false);
        return practical;
    }

    /** A price in euros as people type it ("95", "12,50", "€ 1.250,00", "12.50"); empty or 0 is free (null). */
    static BigDecimal cost(Map<String, FieldError> errors, String value) {
        String text = blank(value);
        if (text == null) {
            return null;
        }
        String number = text.replace("€", "").replace("EUR", "").replace(" ", "").replace("\u00a0", "");
        if (number.matches("\\d{1,3}(\\.\\d{3})+(,\\d{1,2})?")) {
            number = number.replace(".", "");
        }
        number = number.replace(',', '.');
        try {
            BigDecimal amount = new BigDecimal(number);
            if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(MAX_COST) > 0
                    || !number.matches("\\d+(\\.\\d{1,2})?")) {
                errors.put("cost", new FieldError(EventProblem.COST_INVALID, null));
                return null;
            }
            return amount.signum() == 0 ? null : amount.setScale(2);
        } catch (NumberFormatException e) {
            errors.put("cost", new FieldError(EventProblem.COST_INVALID, null));
            return null;
        }
    }

    private static String text(Map<String, FieldError> errors, String field, String value, int max, boolean required) {
        String text = blank(value);
        if (text == null) {
            if (required) {
                errors.put(field, new FieldError(EventProblem.REQUIRED, null));
            }
            return null;
        }
        if (text.length() > max) {
            errors.put(field, new FieldError(EventProblem.TOO_LONG, max));
        }
        return text;
    }

    private static List<String> list(Map<String, FieldError> errors, String field, List<String> values, int max) {
        if (values.stream().anyMatch(v -> v.length() > max)) {
            errors.put(field, new FieldError(EventProblem.TOO_LONG, max));
        }
        return values;
    }

    private static Instant instant(Map<String, FieldError> errors, String field, String value, boolean required) {
        String text = blank(value);
        if (text == null) {
            if (required) {
                errors.put(field, new FieldError(EventProblem.REQUIRED, null));
            }
            return null;
        }
        try {
            return parseInstant(text);
        } catch (DateTimeParseException e) {
            errors.put(field, new FieldError(EventProblem.NOT_A_DATE, null));
            return null;
        }
    }

    /** {@code 2026-12-01T10:00} in Europe/Amsterdam, or an ISO date-time with offset. */
    public static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text).atZone(Dates.AMSTERDAM).toInstant();
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // ---------------------------------------------------------------- helpers

    private static void applyContent(Event event, Valid v) {
        event.title = v.title;
        event.titleEn = v.titleEn;
        event.summary = v.summary;
        event.summaryEn = v.summaryEn;
        event.description = v.description;
        event.descriptionEn = v.descriptionEn;
        event.themes.clear();
        event.themes.addAll(v.themes);
        event.onlinePlatform = v.onlinePlatform;
        event.audience = v.audience;
        event.audienceEn = v.audienceEn;
        event.outcomes.clear();
        event.outcomes.addAll(v.outcomes);
        event.outcomesEn.clear();
        event.outcomesEn.addAll(v.outcomesEn);
        event.contactName = v.contactName;
        event.contactRole = v.contactRole;
        event.contactEmail = v.contactEmail;
        event.signupOpensAt = v.signupOpensAt;
        event.signupClosesAt = v.signupClosesAt;
        event.partners.clear();
        event.partners.addAll(v.partners);
        event.unlisted = v.unlisted;
        event.requiresApproval = v.requiresApproval;
        if (v.practical != null) {
            event.practical = v.practical;
        }
    }

    /** Time, place and join link of a new event (existing ones change them through the change service). */
    private static void applyLogistics(Event event, Valid v) {
        event.startsAt = v.startsAt;
        event.endsAt = v.endsAt;
        event.format = v.format;
        event.venueName = v.venueName;
        event.venueAddress = v.venueAddress;
        event.venueCity = v.venueCity;
        event.joinUrl = v.joinUrl;
    }

    /** Whether attendees' calendars must hear about this: time, format, venue or join link differ. */
    private static boolean logisticsChange(Event event, Valid v) {
        return !event.startsAt.equals(v.startsAt) || !event.endsAt.equals(v.endsAt) || event.format != v.format
                || !Objects.equals(event.venueName, v.venueName) || !Objects.equals(event.venueAddress, v.venueAddress)
                || !Objects.equals(event.venueCity, v.venueCity) || !Objects.equals(event.joinUrl, v.joinUrl);
    }

    private Event lockToChange(Actor actor, long eventId) {
        Event event = Event.<Event>findByIdOptional(eventId).orElseThrow(NotFoundException::new);
        AccessPolicy.requireCanChange(actor, event.organisation);
        Event locked = locks.lockEvent(eventId);
        initialise(locked);
        return locked;
    }

    private static long registrationCount(Event event) {
        return Registration.count("event.id = ?1", event.id);
    }

    /** A slug not taken yet: the wanted one, else with -2, -3, ... */
    static String freeSlug(String wanted) {
        String base = wanted == null || wanted.isBlank() ? "bijeenkomst" : wanted;
        String slug = base;
        for (int n = 2; Event.count("slug", slug) > 0; n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** The names of the form fields whose values differ, in form order (for the audit log). */
    static List<String> changedFields(EventInput before, EventInput after) {
        List<String> changed = new java.util.ArrayList<>();
        for (java.lang.reflect.RecordComponent component : EventInput.class.getRecordComponents()) {
            try {
                Object was = component.getAccessor().invoke(before);
                Object is = component.getAccessor().invoke(after);
                if (was instanceof PracticalInput wasPractical && is instanceof PracticalInput isPractical) {
                    changed.addAll(changedPractical(wasPractical, isPractical));
                } else if (!Objects.equals(was, is)) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    private static List<String> changedPractical(PracticalInput before, PracticalInput after) {
        List<String> changed = new ArrayList<>();
        for (java.lang.reflect.RecordComponent component : PracticalInput.class.getRecordComponents()) {
            try {
                if (!Objects.equals(component.getAccessor().invoke(before), component.getAccessor().invoke(after))) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    /**
     * The confirmed registrations that count against the capacity field: at a hybrid event those on site (online
     * ones have their own capacity), else all.
     */
    private static int onSiteConfirmed(Event existing, EventFormat format) {
        return format == EventFormat.HYBRID ? existing.confirmedCount - existing.onlineConfirmedCount
                : existing.confirmedCount;
    }

    /** The practical information as the form shows it. */
    public static PracticalInput practicalInputOf(Practical p) {
        return new PracticalInput(p.costAmount == null ? null : p.costAmount.toPlainString(), p.costIncludes,
                p.costIncludesEn, p.languages, p.venueAccessibility, p.venueAccessibilityEn, p.liveCaptions,
                p.signLanguage, p.onlineAccessibility, p.onlineAccessibilityEn, p.routeInfo, p.routeInfoEn,
                p.accreditation, p.accreditationEn, p.privacyNote, p.privacyNoteEn);
    }

    /** The event as the form would send it back unchanged: used to check a draft again before publishing. */
    public static EventInput inputOf(Event e) {
        return new EventInput(e.slug, e.title, e.titleEn, e.summary, e.summaryEn, e.description, e.descriptionEn,
                e.themes, e.format == null ? null : e.format.name(), iso(e.startsAt), iso(e.endsAt), e.venueName,
                e.venueAddress, e.venueCity, e.onlinePlatform, e.joinUrl, e.audience, e.audienceEn, e.outcomes,
                e.outcomesEn, e.contactName, e.contactRole, e.contactEmail,
                e.capacity == null ? null : e.capacity.toString(), iso(e.signupOpensAt), iso(e.signupClosesAt),
                e.partners.stream().map(p -> p.slug).toList(), e.unlisted, e.requiresApproval,
                practicalInputOf(e.practical), e.onlineCapacity == null ? "" : e.onlineCapacity.toString());
    }

    private static String iso(Instant instant) {
        return instant == null ? null : Dates.local(instant).toOffsetDateTime().toString();
    }

    static void initialise(Event event) {
        Hibernate.initialize(event.organisation);
        Hibernate.initialize(event.partners);
        Hibernate.initialize(event.themes);
        Hibernate.initialize(event.outcomes);
        Hibernate.initialize(event.outcomesEn);
        Hibernate.initialize(event.programme);
        event.programme.forEach(item -> Hibernate.initialize(item.speakers));
        Hibernate.initialize(event.formFields);
        Hibernate.initialize(event.materials);
    }
}
