package nl.kennisagenda.registration.api;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import nl.kennisagenda.web.RateLimited;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.registration.admin.AdmRegMessages;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.registration.RegistrationMessages;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupResult;
import nl.kennisagenda.registration.service.SignupValidator;
import nl.kennisagenda.web.ApiError;

/**
 * {@code POST /api/events/{slug}/registrations}: sign up with a JSON object of field key → value. Errors are mapped
 * by {@link nl.kennisagenda.registration.web.SignupExceptionMapper}. JSON only: a cross-site HTML form cannot send
 * {@code application/json} without a CORS preflight, which this API does not allow, so it needs no CSRF token.
 */
@Path("/api/events/{slug}/registrations")
@Tag(name = "Sign-up", description = "Signing up for an event")
public class RegistrationApiResource {

    @Inject
    RegistrationService service;

    @Inject
    SignupValidator validator;

    @Inject
    CurrentLocale locale;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign up for an event",
            description = "The body holds a value per field key of the event's sign-up form (GET /api/events/{slug} "
                    + "lists the fields): text as a string, a checkbox as true/false, breakout sessions as "
                    + "\"sessions\": [id, …]. An address that is already registered gets the same answer; its "
                    + "owner gets a mail instead. No token is returned: the manage link goes to the address.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "Field key → value"),
            examples = @ExampleObject(name = "sign-up", value = "{\"firstName\": \"Anna\", \"lastName\": "
                    + "\"de Vries\", \"email\": \"anna@example.org\", \"organisation\": \"Gemeente Utrecht\", "
                    + "\"sessions\": [12]}")))
    @APIResponse(responseCode = "201", description = "Signed up: confirmed, on the waiting list when full, or pending when the event requires the organiser's approval",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SignupResponse.class)))
    @APIResponse(responseCode = "400", description = "The body is not a JSON object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No published event with this slug",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "Sign-up is not open (see reason; opensAt when not yet open)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "422", description = "Fields missing or invalid (see errors, per field key)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "Too many sign-ups from this client; try again after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @RateLimited
    public RestResponse<SignupResponse> register(@RestPath String slug, Map<String, Object> body) {
        RegistrationMessages m = validator.messages(locale.get());
        SignupResult result = service.signUp(slug, ApiInputs.from(body, m), locale.get());
        String message = switch (result.status()) {
            case CONFIRMED -> m.api_confirmed();
            case PENDING -> MessageBundles.get(AdmRegMessages.class, Localized.Literal.of(locale.get().getLanguage()))
                    .public_api_pending();
            default -> m.api_waitlisted();
        };
        return RestResponse.status(RestResponse.Status.CREATED, new SignupResponse(result.status().name(),
                result.eventSlug(), message));
    }
}
