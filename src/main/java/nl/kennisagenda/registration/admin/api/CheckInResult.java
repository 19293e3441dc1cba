package nl.kennisagenda.registration.admin.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a check-in or its undo: whether this call changed anything, and the event's counts now. */
@Schema(name = "CheckInResult", description = "Presence of one registration and the event's counts after the call")
public record CheckInResult(
        @Schema(required = true, example = "4711") long registrationId,
        @Schema(required = true, description = "Whether the person is marked present now") boolean checkedIn,
        @Schema(required = true, description = "False when the mark already was as asked (idempotent)")
        boolean changed,
        @Schema(required = true, description = "Confirmed registrations of the event") long confirmed,
        @Schema(required = true, description = "Of those, marked present") long present) {
}
