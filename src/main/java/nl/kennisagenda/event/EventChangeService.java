package nl.kennisagenda.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.common.WebAddresses;

/**
 * The organiser's changes that attendees' calendars must hear about: time, place, join link, cancellation.
 * <p>
 * Each method locks the event row through {@link EventLocks} (the same lock the sign-up operations take for their
 * counters, so it also holds across instances, and on PostgreSQL with the same lock timeout), applies the change,
 * and, only when a PUBLISHED event really changed, raises {@link Event#icalSequence}, sets {@code updatedAt} and
 * fires {@link EventChanged} synchronously in this transaction. The mail feature observes it and writes
 * METHOD:REQUEST / METHOD:CANCEL mails to the outbox in the same transaction, so the change and its mails commit or
 * roll back together. A change to a draft is applied silently: nobody has it in a calendar yet. Each method returns
 * whether anything changed. The methods join the caller's transaction (or start one): an organiser action can change
 * the event and then promote from the waiting list ({@code RegistrationOperations.promoteWaitlisted}) in one
 * transaction under one lock.
 */
@ApplicationScoped
@Transactional
public class EventChangeService {

    @Inject
    jakarta.enterprise.event.Event<EventChanged> changes;

    @Inject
    EventLocks locks;

    /**
     * Moves the event. When the start moves, the programme moves along by the same amount (same day plan, new day);
     * a change of only the end leaves the programme as it is.
     */
    public boolean reschedule(Event event, Instant startsAt, Instant endsAt) {
        return reschedule(event, startsAt, endsAt, ActedBy.system());
    }

    /** {@link #reschedule(Event, Instant, Instant)} on behalf of someone. */
    public boolean reschedule(Event event, Instant startsAt, Instant endsAt, ActedBy actedBy) {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("An event must end after it starts");
        }
        Event locked = lock(event);
        if (locked.startsAt.equals(startsAt) && locked.endsAt.equals(endsAt)) {
            return false;
        }
        Duration shift = Duration.between(locked.startsAt, startsAt);
        if (!shift.isZero()) {
            for (ProgrammeItem item : locked.programme) {
                item.startsAt = item.startsAt.plus(shift);
                item.endsAt = item.endsAt.plus(shift);
            }
        }
        locked.startsAt = startsAt;
        locked.endsAt = endsAt;
        return changed(locked, EventChanged.Change.RESCHEDULED, actedBy);
    }

    /** A new venue (blank parts become empty). */
    public boolean changeVenue(Event event, String venueName, String venueAddress, String venueCity) {
        return changeVenue(event, venueName, venueAddress, venueCity, ActedBy.system());
    }

    public boolean changeVenue(Event event, String venueName, String venueAddress, String venueCity,
            ActedBy actedBy) {
        Event locked = lock(event);
        String name = blankToNull(venueName);
        String address = blankToNull(venueAddress);
        String city = blankToNull(venueCity);
        if (Objects.equals(locked.venueName, name) && Objects.equals(locked.venueAddress, address)
                && Objects.equals(locked.venueCity, city)) {
            return false;
        }
        locked.venueName = name;
        locked.venueAddress = address;
        locked.venueCity = city;
        return changed(locked, EventChanged.Change.RESCHEDULED, actedBy);
    }

    /** Online, in person or hybrid: where people take part is part of the place. */
    public boolean changeFormat(Event event, EventFormat format) {
        return changeFormat(event, format, ActedBy.system());
    }

    public boolean changeFormat(Event event, EventFormat format, ActedBy actedBy) {
        Objects.requireNonNull(format, "format");
        Event locked = lock(event);
        if (locked.format == format) {
            return false;
        }
        locked.format = format;
        return changed(locked, EventChanged.Change.RESCHEDULED, actedBy);
    }

    /** A new join link for online attendees (http or https), or none. */
    public boolean changeJoinLink(Event event, String joinUrl) {
        return changeJoinLink(event, joinUrl, ActedBy.system());
    }

    public boolean changeJoinLink(Event event, String joinUrl, ActedBy actedBy) {
        String url = blankToNull(joinUrl);
        if (url != null && !WebAddresses.isWebAddress(url)) {
            throw new IllegalArgumentException("A join link must be an http(s) address");
        }
        Event locked = lock(event);
        if (Objects.equals(locked.joinUrl, url)) {
            return false;
        }
        locked.joinUrl = url;
        return changed(locked, EventChanged.Change.RESCHEDULED, actedBy);
    }

    /**
     * Time, format, place and join link at once, as the back-office form saves them: one SEQUENCE step and one
     * update mail per attendee however many of them changed. Validation is the caller's (end after start, join link
     * an http(s) address).
     */
    public boolean changeLogistics(Event event, Instant startsAt, Instant endsAt, EventFormat format,
            String venueName, String venueAddress, String venueCity, String joinUrl, ActedBy actedBy) {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(format, "format");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("An event must end after it starts");
        }
        String url = blankToNull(joinUrl);
        if (url != null && !WebAddresses.isWebAddress(url)) {
            throw new IllegalArgumentException("A join link must be an http(s) address");
        }
        Event locked = lock(event);
        String name = blankToNull(venueName);
        String address = blankToNull(venueAddress);
        String city = blankToNull(venueCity);
        if (locked.startsAt.equals(startsAt) && locked.endsAt.equals(endsAt) && locked.format == format
                && Objects.equals(locked.venueName, name) && Objects.equals(locked.venueAddress, address)
                && Objects.equals(locked.venueCity, city) && Objects.equals(locked.joinUrl, url)) {
            return false;
        }
        Duration shift = Duration.between(locked.startsAt, startsAt);
        if (!shift.isZero()) {
            for (ProgrammeItem item : locked.programme) {
                item.startsAt = item.startsAt.plus(shift);
                item.endsAt = item.endsAt.plus(shift);
            }
        }
        locked.startsAt = startsAt;
        locked.endsAt = endsAt;
        locked.format = format;
        locked.venueName = name;
        locked.venueAddress = address;
        locked.venueCity = city;
        locked.joinUrl = url;
        return changed(locked, EventChanged.Change.RESCHEDULED, actedBy);
    }

    /** Calls a published event off. Cancelling twice changes nothing; a draft is deleted, not cancelled. */
    public boolean cancel(Event event) {
        return cancel(event, ActedBy.system());
    }

    /** {@link #cancel(Event)} on behalf of someone. */
    public boolean cancel(Event event, ActedBy actedBy) {
        Event locked = lock(event);
        if (locked.status == EventStatus.CANCELLED) {
            return false;
        }
        if (locked.status != EventStatus.PUBLISHED) {
            throw new IllegalStateException("Only a published event can be cancelled");
        }
        locked.status = EventStatus.CANCELLED;
        locked.icalSequence++;
        locked.updatedAt = Instant.now();
        changes.fire(new EventChanged(locked, EventChanged.Change.CANCELLED, actedBy));
        return true;
    }

    private boolean changed(Event event, EventChanged.Change change, ActedBy actedBy) {
        event.updatedAt = Instant.now();
        if (event.status == EventStatus.PUBLISHED) {
            event.icalSequence++;
            changes.fire(new EventChanged(event, change, actedBy));
        }
        return true;
    }

    /** The event's row lock, through the one helper every locking path uses (event first, lock timeout set). */
    private Event lock(Event event) {
        Objects.requireNonNull(event, "event");
        return locks.lockEvent(event.id);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
