package nl.kennisagenda.calendar;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the calendar feature under {@code kennisagenda.calendar}. */
@ConfigMapping(prefix = "kennisagenda.calendar")
public interface CalendarConfig {

    /**
     * The domain part of every UID we hand out ("event-12@<domain>"). Calendars recognise an entry by its UID, so
     * this must never change once invites are out: set it explicitly in production. When absent, the host of
     * {@code kennisagenda.site.base-url} is used (so a test system never collides with production).
     */
    Optional<String> uidDomain();

    /** ORGANIZER address when an event has no contact address. */
    @WithDefault("noreply@kennisagenda.nl")
    String organizerEmail();

    /** How often subscribed clients should poll the feeds (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
    @WithDefault("PT1H")
    Duration feedRefreshInterval();

    /** Public feeds keep events that ended this long ago, so subscribers' calendars keep recent history. */
    @WithDefault("P30D")
    Duration feedKeepPast();
}
