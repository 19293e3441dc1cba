package nl.kennisagenda.backoffice.service;

import java.time.Instant;

import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventStatus;

/** One line of the back-office event list: what an organiser checks at a glance. */
public record EventRow(String slug, String title, String organisation, Instant startsAt, Instant endsAt,
        EventStatus status, int confirmed, Integer capacity, int waitlisted) {

    static EventRow of(Event event) {
        return new EventRow(event.slug, event.title, event.organisation.displayShortName(), event.startsAt,
                event.endsAt, event.status, event.confirmedCount, event.capacity, event.waitlistedCount);
    }

    public boolean unlimited() {
        return capacity == null;
    }
}
