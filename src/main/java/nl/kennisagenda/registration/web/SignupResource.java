package nl.kennisagenda.registration.web;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.web.RateLimited;
import nl.kennisagenda.web.Receipts;
import nl.kennisagenda.web.CsrfGuard;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.SignupState;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.privacy.PrivacyStatements;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.UnknownEventException;

/**
 * The sign-up form of an event, its submission (POST-redirect-GET) and the result page. The result page is
 * addressed by a signed receipt that says only "confirmed" or "waitlisted" for this event: the same page for a new
 * sign-up and for an address that was already registered (whose owner is told by mail).
 */
@Path("/events/{slug}")
@Produces(MediaType.TEXT_HTML)
public class SignupResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Event event, FormView form, PrivacyStatements.Notice privacy);

        static native TemplateInstance closed(Event event, String reason);

        static native TemplateInstance result(Event event, boolean confirmed, boolean pending,
                SignupSummary.Shown shown);
    }

    @Inject
    SignupSummary summary;

    @Inject
    RegistrationService service;

    @Inject
    FormViews views;

    @Inject
    CsrfGuard csrf;

    @Inject
    Receipts receipts;

    @Inject
    CurrentLocale locale;

    @Inject
    ClosedReasons closedReasons;

    @Inject
    SignupSubmissions submissions;

    @GET
    @Path("register")
    public Response form(@RestPath String slug) {
        Event event = service.publicEvent(slug).orElseThrow(() -> new UnknownEventException(slug));
        SignupState state = event.signupState(service.now());
        if (!state.isOpen()) {
            return Response.ok(Templates.closed(event, closedReasons.text(event, state, locale.get()))).build();
        }
        FormView form = views.blank(event, locale.get(), csrf.token());
        return noStore(Response.ok(Templates.form(event, form, submissions.privacyNotice(event, form, locale.get()))));
    }

    /** The CSRF check happens as the form is read (StrictFormReader); only then is the attempt counted. */
    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RateLimited
    public Response submit(@RestPath String slug, MultivaluedMap<String, String> form) {
        Event event = service.publicEvent(slug).orElseThrow(() -> new UnknownEventException(slug));
        SignupSubmissions.Outcome outcome = submissions.submit(event, form, locale.get(), csrf::token);
        if (outcome instanceof SignupSubmissions.Accepted accepted) {
            Response.ResponseBuilder see = Response.seeOther(resultAddress(accepted.eventSlug(), accepted.receipt()));
            if (accepted.email() != null) {
                see.cookie(summary.cookie(event, accepted.receipt(), accepted.email(), accepted.sessions()));
            }
            return see.build();
        }
        if (outcome instanceof SignupSubmissions.Invalid invalid) {
            return noStore(Response.status(422).entity(Templates.form(event, invalid.form(),
                    submissions.privacyNotice(event, invalid.form(), locale.get()))));
        }
        if (outcome instanceof SignupSubmissions.Busy busy) {
            return noStore(Response.status(503).header("Retry-After", busy.retryAfterSeconds())
                    .entity(Templates.form(event, busy.form(), submissions.privacyNotice(event, busy.form(),
                            locale.get()))));
        }
        return closed(event, ((SignupSubmissions.Closed) outcome).state());
    }

    @GET
    @Path("registered")
    public Response result(@RestPath String slug, @RestQuery("r") String receipt,
            @CookieParam(SignupSummary.COOKIE) String summaryCookie) {
        Event event = service.publicEvent(slug).orElseThrow(() -> new UnknownEventException(slug));
        RegistrationStatus status = receipts.read(event.id, receipt).orElseThrow(() -> new UnknownEventException(slug));
        return noStore(Response.ok(Templates.result(event, status == RegistrationStatus.CONFIRMED,
                status == RegistrationStatus.PENDING, summary.read(event, receipt, summaryCookie).orElse(null))));
    }

    private Response closed(Event event, SignupState state) {
        return Response.status(Response.Status.CONFLICT)
                .entity(Templates.closed(event, closedReasons.text(event, state, locale.get()))).build();
    }

    private static URI resultAddress(String slug, String receipt) {
        return URI.create("/events/" + slug + "/registered?r=" + receipt);
    }

    static Response noStore(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store").header("Referrer-Policy", "same-origin").build();
    }
}
