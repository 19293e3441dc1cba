package nl.kennisagenda.registration.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Error body of the sign-up API: {@code errors} by field key for 422, a {@code reason} code for 409, a readable
 * {@code message} always.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String message, String reason, String opensAt, Map<String, String> errors) {

    public static ApiError message(String message) {
        return new ApiError(message, null, null, null);
    }
}
