package nl.kennisagenda.backoffice.service;

import java.time.Instant;

import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventStatus;

/** One line of the back-office event list: what an organiser checks at a glance. */
public record EventRow(String slug, String title, String organisation, Instant startsAt, Instant endsAt,
        EventStatus status, int confirmed, Integer capacity, int waitlisted, Long id, boolean unlisted) {

    static EventRow of(Event event) {
        return new EventRow(event.slug, event.title, event.organisation.displayShortName(), event.startsAt,
                event.endsAt, event.status, event.confirmedCount, event.capacity, event.waitlistedCount, event.id,
                event.unlisted);
    }

    /** Confirmed as a percentage of the capacity (rounded down), or null when places are unlimited or zero. */
    public Integer fillPercent() {
        return capacity == null || capacity == 0 ? null : (int) Math.min(999, confirmed * 100L / capacity);
    }

    /** The fill rate for a meter, which cannot go past full: an event overbooked by hand shows a full meter. */
    public Integer meterPercent() {
        Integer percent = fillPercent();
        return percent == null ? null : Math.min(100, percent);
    }

    /** The overview's group: DRAFT, CANCELLED, PAST (published and ended) or PUBLISHED (upcoming). */
    public String group(Instant now) {
        return switch (status) {
            case DRAFT -> "draft";
            case CANCELLED -> "cancelled";
            case PUBLISHED -> endsAt.isAfter(now) ? "published" : "past";
        };
    }

    public boolean unlimited() {
        return capacity == null;
    }
}
