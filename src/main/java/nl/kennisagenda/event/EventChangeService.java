package nl.kennisagenda.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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
        return changed(locked, EventChanged.Change.RESCHEDULED);
    }

    /** A new venue (blank parts become empty). */
    public boolean changeVenue(Event event, String venueName, String venueAddress, String venueCity) {
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
        return changed(locked, EventChanged.Change.RESCHEDULED);
    }

    /** Online, in person or hybrid: where people take part is part of the place. */
    public boolean changeFormat(Event event, EventFormat format) {
        Objects.requireNonNull(format, "format");
        Event locked = lock(event);
        if (locked.format == format) {
            return false;
        }
        locked.format = format;
        return changed(locked, EventChanged.Change.RESCHEDULED);
    }

    /** A new join link for online attendees (http or https), or none. */
    public boolean changeJoinLink(Event event, String joinUrl) {
        String url = blankToNull(joinUrl);
        if (url != null && !WebAddresses.isWebAddress(url)) {
            throw new IllegalArgumentException("A join link must be an http(s) address");
        }
        Event locked = lock(event);
        if (Objects.equals(locked.joinUrl, url)) {
            return false;
        }
        locked.joinUrl = url;
        return changed(locked, EventChanged.Change.RESCHEDULED);
    }

    /** Calls a published event off. Cancelling twice changes nothing; a draft is deleted, not cancelled. */
    public boolean cancel(Event event) {
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
        changes.fire(new EventChanged(locked, EventChanged.Change.CANCELLED));
        return true;
    }

    private boolean changed(Event event, EventChanged.Change change) {
        event.updatedAt = Instant.now();
        if (event.status == EventStatus.PUBLISHED) {
            event.icalSequence++;
            changes.fire(new EventChanged(event, change));
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
