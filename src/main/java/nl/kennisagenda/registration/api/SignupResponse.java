package nl.kennisagenda.registration.api;

/**
 * Answer to an API sign-up: the same shape and status code for a new address and for one that was already
 * registered; never a token (the manage link goes to the address by mail).
 *
 * @param status CONFIRMED or WAITLISTED
 * @param event the event's slug
 * @param message what happens next, in the request's language
 */
public record SignupResponse(String status, String event, String message) {
}
