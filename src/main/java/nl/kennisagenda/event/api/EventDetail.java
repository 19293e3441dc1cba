package nl.kennisagenda.event.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.MaterialKind;
import nl.kennisagenda.event.ProgrammeItemKind;
import nl.kennisagenda.event.SignupState;

/**
 * One public event with its programme and sign-up form ({@code GET /api/events/{slug}}). The join link of an
 * online event is never part of it: only confirmed attendees receive it.
 */
@Schema(name = "EventDetail", description = "A published or cancelled event with programme and sign-up form")
public record EventDetail(
        String slug,
        String title,
        String summary,
        @Schema(description = "Body text; paragraphs separated by blank lines") String description,
        String organisation,
        String organisationSlug,
        List<Organisation> partners,
        EventFormat format,
        EventStatus status,
        OffsetDateTime start,
        OffsetDateTime end,
        List<String> themes,
        @Schema(description = "Who the event is for (\"Voor wie?\")") String audience,
        @Schema(description = "What taking part brings (\"Wat levert deelname jou op?\")") List<String> outcomes,
        @Schema(nullable = true, description = "Where the event takes place; null for online events") Venue venue,
        @Schema(nullable = true, description = "Online platform, e.g. Zoom; null for in-person events") String onlinePlatform,
        @Schema(nullable = true) Contact contact,
        @Schema(nullable = true, description = "Places for the whole event (hybrid: on site); null when unlimited") Integer capacity,
        @Schema(nullable = true, description = "Places still free (hybrid: both modes together, null when either is "
                + "unlimited); per mode: attendanceModes") Integer placesLeft,
        int confirmed,
        int waitlisted,
        boolean signupOpen,
        SignupState signupState,
        @Schema(nullable = true) OffsetDateTime signupOpens,
        @Schema(nullable = true) OffsetDateTime signupCloses,
        List<Item> programme,
        Form form,
        @Schema(description = "Slides, recordings and reports, after the event") List<Material> materials,
        @Schema(description = "Costs, language, accessibility, route, accreditation and privacy") Practical practical,
        String url,
        @Schema(nullable = true, description = "Hybrid events: places per attendance mode; null otherwise")
        AttendanceModes attendanceModes) {

    public record Organisation(String slug, String name) {
    }

    public record Venue(String name, String address, String city) {
    }

    public record Contact(String name, String role, String email) {
    }

    @Schema(name = "ProgrammeItem")
    public record Item(
            long id,
            OffsetDateTime start,
            OffsetDateTime end,
            String title,
            String description,
            ProgrammeItemKind kind,
            @Schema(nullable = true, description = "Breakout round; sessions of one round run in parallel") Integer round,
            @Schema(nullable = true) String room,
            @Schema(nullable = true, description = "Places in this session; null when only the event is limited") Integer capacity,
            @Schema(nullable = true) Integer placesLeft,
            int confirmed,
            int waitlisted,
            List<SpeakerRef> speakers) {
    }

    public record SpeakerRef(String slug, String name, String role, String organisation) {
    }

    public record Form(List<Field> fields) {
    }

    @Schema(name = "FormField")
    public record Field(
            String key,
            @Schema(description = "Label in the language of the request (Accept-Language or ?lang=)") String label,
            @Schema(nullable = true) String help,
            FieldType type,
            boolean required,
            @Schema(description = "Choices of select fields; breakout choices use the programme's sessions")
            List<String> options,
            int maxLength) {
    }

    public record Material(String title, String url, MaterialKind kind) {
    }

    @Schema(name = "Practical", description = "The practical information of an event")
    public record Practical(
            @Schema(readOnly = true, description = "True when taking part costs nothing") Boolean free,
            @Schema(nullable = true, description = "Price in euros; null or 0 when free", example = "95.00")
            java.math.BigDecimal price,
            @Schema(readOnly = true, example = "EUR") String currency,
            @Schema(description = "Languages the event is held in: [\"nl\"], [\"en\"] or [\"nl\", \"en\"]")
            List<String> languages,
            @Schema(description = "The online session has live captions") Boolean liveCaptions,
            @Schema(description = "A Dutch Sign Language interpreter takes part") Boolean signLanguage,
            @Schema(description = "The texts in Dutch") PracticalTexts nl,
            @Schema(nullable = true, description = "The texts in English, where the organiser wrote them") PracticalTexts en) {
    }

    @Schema(name = "PracticalTexts")
    public record PracticalTexts(
            @Schema(nullable = true, description = "What the price includes") String costIncludes,
            @Schema(nullable = true) String venueAccessibility,
            @Schema(nullable = true) String onlineAccessibility,
            @Schema(nullable = true, description = "Route, parking and public transport") String route,
            @Schema(nullable = true, description = "Accreditation points and register") String accreditation,
            @Schema(nullable = true, description = "What happens with attendees' data at this event") String privacy) {

        public boolean isEmpty() {
            return costIncludes == null && venueAccessibility == null && onlineAccessibility == null && route == null
                    && accreditation == null && privacy == null;
        }
    }
}
