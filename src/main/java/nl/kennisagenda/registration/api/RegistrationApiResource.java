package nl.kennisagenda.registration.api;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.vertx.core.http.HttpServerRequest;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.registration.RegistrationMessages;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupResult;
import nl.kennisagenda.registration.service.SignupValidator;
import nl.kennisagenda.registration.web.SignupRateLimiter;

/**
 * {@code POST /api/events/{slug}/registrations}: sign up with a JSON object of field key → value. Errors are mapped
 * by {@link nl.kennisagenda.registration.web.SignupExceptionMapper}. JSON only: a cross-site HTML form cannot send
 * {@code application/json} without a CORS preflight, which this API does not allow, so it needs no CSRF token.
 */
@Path("/api/events/{slug}/registrations")
public class RegistrationApiResource {

    @Inject
    RegistrationService service;

    @Inject
    SignupValidator validator;

    @Inject
    SignupRateLimiter rateLimiter;

    @Inject
    CurrentLocale locale;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<SignupResponse> register(@RestPath String slug, Map<String, Object> body,
            @Context HttpServerRequest request) {
        rateLimiter.check(request);
        RegistrationMessages m = validator.messages(locale.get());
        SignupResult result = service.signUp(slug, ApiInputs.from(body, m), locale.get());
        boolean confirmed = result.status() == RegistrationStatus.CONFIRMED;
        return RestResponse.status(RestResponse.Status.CREATED, new SignupResponse(result.status().name(),
                result.eventSlug(), confirmed ? m.api_confirmed() : m.api_waitlisted()));
    }
}
