package nl.kennisagenda.web;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every API error, whatever the status: {@code {"status":422,"message":"…","errors":{…}}}. The
 * optional members appear only where they say something.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ApiError", description = "Every error of the JSON API has this shape")
public record ApiError(
        @Schema(description = "The HTTP status code, repeated", example = "422", required = true) int status,
        @Schema(description = "What went wrong, in the language of the request", required = true,
                example = "Niet alle velden zijn goed ingevuld.") String message,
        @Schema(description = "409 only: why sign-up is not possible now",
                enumeration = { "NOT_YET_OPEN", "CLOSED", "PAST", "CANCELLED", "NOT_PUBLISHED", "NOT_CHANGEABLE" })
        String reason,
        @Schema(description = "409 NOT_YET_OPEN only: when sign-up opens (ISO-8601 with offset)",
                example = "2026-12-01T09:00:00+01:00") String opensAt,
        @Schema(description = "422 only: a message per field key of the sign-up form",
                example = "{\"email\": \"Vul een geldig e-mailadres in.\"}") Map<String, String> errors) {

    public static ApiError of(int status, String message) {
        return new ApiError(status, message, null, null, null);
    }
}
