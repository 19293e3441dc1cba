package nl.kennisagenda.backoffice.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.api.AttendanceModes;
import nl.kennisagenda.event.api.EventDetail;

/**
 * An event as the admin API reads and writes it: the members of the public {@code EventDetail} (the body of
 * {@code GET /api/events/{slug}} can be sent back as it is; programme, form and materials are edited elsewhere and
 * ignored here), plus status and the non-public members. On input, members the server keeps (id, counts, url,
 * organisation name) are ignored.
 */
@Schema(name = "AdminEvent", description = "An event with its non-public fields, for organisers")
public record AdminEvent(
        @Schema(readOnly = true) Long id,
        @Schema(description = "Web address part; empty on create: made from the title", example = "samen-sterk-2027")
        String slug,
        @Schema(required = true) String title,
        String summary,
        @Schema(description = "Markdown; rendered to sanitised HTML on the public page") String description,
        @Schema(readOnly = true) String organisation,
        @Schema(description = "Organising organisation; required on create, ignored on update", example = "platform31")
        String organisationSlug,
        List<EventDetail.Organisation> partners,
        @Schema(required = true) EventFormat format,
        @Schema(description = "On update: DRAFT, PUBLISHED or CANCELLED moves the event there (same rules as the pages)")
        EventStatus status,
        @Schema(required = true) OffsetDateTime start,
        @Schema(required = true) OffsetDateTime end,
        List<String> themes,
        String audience,
        List<String> outcomes,
        @Schema(nullable = true) EventDetail.Venue venue,
        @Schema(nullable = true) String onlinePlatform,
        @Schema(nullable = true) EventDetail.Contact contact,
        @Schema(nullable = true, description = "Places; null for unlimited") Integer capacity,
        @Schema(readOnly = true, nullable = true) Integer placesLeft,
        @Schema(readOnly = true) Integer confirmed,
        @Schema(readOnly = true) Integer waitlisted,
        @Schema(nullable = true) OffsetDateTime signupOpens,
        @Schema(nullable = true) OffsetDateTime signupCloses,
        @Schema(readOnly = true) String url,
        @Schema(nullable = true, description = "Join link for confirmed attendees (http or https); never public")
        String joinUrl,
        @Schema(description = "Published but absent from lists, feeds and the API list") Boolean unlisted,
        @Schema(description = "Sign-ups wait as PENDING until an organiser approves or declines them") Boolean requiresApproval,
        @Schema(nullable = true) String titleEn,
        @Schema(nullable = true) String summaryEn,
        @Schema(nullable = true) String descriptionEn,
        @Schema(nullable = true) String audienceEn,
        List<String> outcomesEn,
        @Schema(nullable = true, description = "Costs, language, accessibility, route, accreditation, privacy; "
                + "left out on update: kept as it is") EventDetail.Practical practical,
        @Schema(nullable = true, description = "Hybrid events: the online places (capacity is then the places at the "
                + "venue); null for unlimited. Ignored for other formats") Integer onlineCapacity,
        @Schema(readOnly = true, nullable = true) AttendanceModes attendanceModes) {
}
