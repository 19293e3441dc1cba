package nl.kennisagenda.event.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import nl.kennisagenda.event.EventFormat;

/** An upcoming event in the list of {@code GET /api/events}. Times are ISO-8601 with the Amsterdam offset. */
@Schema(name = "EventSummary", description = "An upcoming published event")
public record EventSummary(
        String slug,
        String title,
        @Schema(description = "Name of the organising network") String organisation,
        String organisationSlug,
        @Schema(description = "Names of the partner organisations") List<String> partners,
        EventFormat format,
        @Schema(example = "2026-12-03T10:30:00+01:00") OffsetDateTime start,
        @Schema(example = "2026-12-03T12:00:00+01:00") OffsetDateTime end,
        @Schema(description = "Places for the whole event (hybrid: on site); null when unlimited", nullable = true) Integer capacity,
        @Schema(description = "Places still free (hybrid: both modes together, null when either is unlimited); "
                + "null when unlimited", nullable = true) Integer placesLeft,
        @Schema(description = "Confirmed registrations") int confirmed,
        @Schema(description = "Registrations on the waiting list") int waitlisted,
        List<String> themes,
        @Schema(description = "Absolute address of the event page") String url,
        @Schema(nullable = true, description = "Hybrid events: places per attendance mode; null otherwise")
        AttendanceModes attendanceModes) {
}
