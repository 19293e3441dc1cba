package nl.kennisagenda.registration.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Answer to an API sign-up: the same shape and status code for a new address and for one that was already
 * registered; never a token (the manage link goes to the address by mail).
 *
 * @param status CONFIRMED, WAITLISTED or PENDING (the event requires the organiser's approval)
 * @param event the event's slug
 * @param message what happens next, in the request's language
 */
@Schema(name = "SignupResponse", description = "A sign-up that was taken: confirmed, on the waiting list, or pending approval")
public record SignupResponse(
        @Schema(required = true, enumeration = { "CONFIRMED", "WAITLISTED", "PENDING" },
                description = "PENDING: the event requires approval; the organiser decides, no place yet") String status,
        @Schema(required = true, description = "The event's slug", example = "van-regiobeeld-naar-regioplan")
        String event,
        @Schema(required = true, description = "What happens next, in the language of the request",
                example = "Aangemeld. Je ontvangt een bevestiging per e-mail.") String message) {
}
