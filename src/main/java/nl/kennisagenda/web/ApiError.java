package nl.kennisagenda.web;

/** The JSON body of every API error: {@code {"status":404,"message":"…"}}. */
public record ApiError(int status, String message) {
}
