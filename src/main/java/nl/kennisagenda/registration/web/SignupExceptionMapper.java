package nl.kennisagenda.registration.web;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.RegistrationMessages;
import nl.kennisagenda.web.ApiError;
import nl.kennisagenda.registration.service.ChangeNotAllowedException;
import nl.kennisagenda.registration.service.InvalidSignupException;
import nl.kennisagenda.registration.service.SignupBusyException;
import nl.kennisagenda.registration.service.SignupClosedException;
import nl.kennisagenda.registration.service.SignupValidator;
import nl.kennisagenda.registration.service.UnknownEventException;
import nl.kennisagenda.registration.service.UnknownRegistrationException;

/**
 * The one place where sign-up errors become HTTP answers: JSON for {@code /api/…} (422 with per-field errors, 409
 * with a reason, 404, 503 when too busy), a friendly page in the visitor's language otherwise (404, 409, 503). The
 * form pages themselves re-show a form with errors; this covers everything else. (429 is the site-wide
 * {@code web.RefusedRequestMapper}'s.)
 */
public class SignupExceptionMapper {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(String title, String text, String linkHref, String linkText);
    }

    @Inject
    CurrentLocale locale;

    @Inject
    SignupValidator validator;

    @Inject
    ClosedReasons closedReasons;

    @ServerExceptionMapper
    public Response invalid(InvalidSignupException e, UriInfo uri) {
        RegistrationMessages m = messages();
        if (isApi(uri)) {
            return json(new ApiError(422, m.api_invalid(), null, null, e.errors()));
        }
        return page(422, m.problem_invalid_title(), String.join(" ", e.errors().values()), "/", m.back_to_agenda());
    }

    @ServerExceptionMapper
    public Response closed(SignupClosedException e, UriInfo uri) {
        RegistrationMessages m = messages();
        String text = closedReasons.text(e.state(), e.opensAt(), locale.get());
        if (isApi(uri)) {
            return json(new ApiError(409, text, e.state().name(),
                    e.opensAt() == null ? null : Dates.iso(e.opensAt()), null));
        }
        return page(409, m.closed_title(), text, "/events/" + e.eventSlug(), m.back_to_event());
    }

    /** Too many sign-ups for the event at once: 503 with Retry-After, and words that say nothing was saved. */
    @ServerExceptionMapper
    public Response busy(SignupBusyException e, UriInfo uri) {
        RegistrationMessages m = messages();
        Response response = isApi(uri) ? json(ApiError.of(503, m.busy_text()))
                : page(503, m.busy_title(), m.busy_text(),
                        uri == null ? "/" : uri.getPath().replaceFirst("/register$", ""),
                        m.back_to_event());
        return Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response unknownEvent(UnknownEventException e, UriInfo uri) {
        RegistrationMessages m = messages();
        if (isApi(uri)) {
            return json(ApiError.of(404, m.api_unknown_event()));
        }
        return page(404, m.not_found_title(), m.not_found_text(), "/", m.back_to_agenda());
    }

    @ServerExceptionMapper
    public Response unknownRegistration(UnknownRegistrationException e, UriInfo uri) {
        RegistrationMessages m = messages();
        if (isApi(uri)) {
            return json(ApiError.of(404, m.not_found_title()));
        }
        return page(404, m.not_found_title(), m.manage_not_found_text(), "/", m.back_to_agenda());
    }

    @ServerExceptionMapper
    public Response notChangeable(ChangeNotAllowedException e, UriInfo uri) {
        RegistrationMessages m = messages();
        if (isApi(uri)) {
            return json(new ApiError(409, m.manage_not_changeable(), "NOT_CHANGEABLE", null, null));
        }
        return page(409, m.manage_not_changeable_title(), m.manage_not_changeable(), "/", m.back_to_agenda());
    }



    private RegistrationMessages messages() {
        return validator.messages(locale.get());
    }

    private static boolean isApi(UriInfo uri) {
        return uri != null && uri.getPath().startsWith("/api/");
    }

    private static Response json(ApiError body) {
        return Response.status(body.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Rendered here, in the request's language, so the page does not depend on response filters. */
    private Response page(int status, String title, String text, String linkHref, String linkText) {
        Locale current = locale.get();
        String html = Templates.problem(title, text, linkHref, linkText).setLocale(current).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", current.getLanguage()).header("Cache-Control", "no-store")
                .entity(html).build();
    }
}
