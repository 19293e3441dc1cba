package nl.kennisagenda.registration.admin.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import nl.kennisagenda.registration.admin.RegistrationQueries.Row;

/** One registration as the admin API shows it to the organisers of its event. */
@Schema(name = "AdminRegistration", description = "A registration of an event, for its organisers")
public record AdminRegistration(
        @Schema(required = true, example = "4711") long id,
        @Schema(required = true, example = "Anna") String firstName,
        @Schema(required = true, example = "de Vries") String lastName,
        @Schema(required = true, example = "anna@example.org") String email,
        @Schema(example = "Gemeente Utrecht") String organisation,
        @Schema(example = "Beleidsadviseur") String role,
        @Schema(required = true, enumeration = { "CONFIRMED", "WAITLISTED", "PENDING", "CANCELLED", "DECLINED" })
        String status,
        @Schema(required = true, description = "Titles of the chosen breakout sessions") List<String> sessions,
        @Schema(required = true, description = "Answers to the event's own form fields, by field key")
        Map<String, String> answers,
        @Schema(required = true) boolean newsletter,
        @Schema(required = true, description = "When the person signed up (or joined the waiting list)")
        Instant createdAt,
        @Schema(description = "When the person was checked in; absent when not present") Instant checkedInAt) {

    public static AdminRegistration of(Row row) {
        return new AdminRegistration(row.id(), row.firstName(), row.lastName(), row.email(), row.organisation(),
                row.role(), row.status().name(), row.sessions(), row.answers(), row.newsletter(), row.createdAt(),
                row.checkedInAt());
    }
}
