package nl.kennisagenda.registration.web;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.service.InvalidSignupException;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupClosedException;
import nl.kennisagenda.registration.service.SignupInput;
import nl.kennisagenda.registration.service.SignupResult;
import nl.kennisagenda.registration.service.SignupValidator;
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
        static native TemplateInstance form(Event event, FormView form);

        static native TemplateInstance closed(Event event, String reason);

        static native TemplateInstance result(Event event, boolean confirmed, boolean pending);
    }

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

    @GET
    @Path("register")
    public Response form(@RestPath String slug) {
        Event event = service.publicEvent(slug).orElseThrow(() -> new UnknownEventException(slug));
        SignupState state = event.signupState(service.now());
        if (!state.isOpen()) {
            return Response.ok(Templates.closed(event, closedReasons.text(event, state, locale.get()))).build();
        }
        return noStore(Response.ok(Templates.form(event, views.blank(event, locale.get(), csrf.token()))));
    }

    /** The CSRF check happens as the form is read (StrictFormReader); only then is the attempt counted. */
    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RateLimited
    public Response submit(@RestPath String slug, MultivaluedMap<String, String> form) {
        Event event = service.publicEvent(slug).orElseThrow(() -> new UnknownEventException(slug));
        SignupState state = event.signupState(service.now());
        if (!state.isOpen()) {
            return closed(event, state);
        }
        SignupInput input = RegistrationInputs.fromForm(form, SignupValidator.effectiveFields(event));
        String honeypot = form.getFirst(RegistrationInputs.HONEYPOT);
        if (honeypot != null && !honeypot.isEmpty()) {
            // A bot filled the invisible field: answer like a success, store and send nothing.
            RegistrationStatus looksLike = event.requiresApproval ? RegistrationStatus.PENDING
                    : event.isFull() ? RegistrationStatus.WAITLISTED : RegistrationStatus.CONFIRMED;
            return seeResult(event.slug, receipts.issue(event.id, looksLike));
        }
        try {
            SignupResult result = service.signUp(slug, input, locale.get());
            return seeResult(result.eventSlug(), receipts.issue(result.eventId(), result.status()));
        } catch (InvalidSignupException e) {
            return noStore(Response.status(422).entity(Templates.form(event,
                    views.build(event, locale.get(), input, e.errors(), csrf.token(), null))));
        } catch (SignupClosedException e) {
            return closed(event, e.state());
        }
    }

    @GET
    @Path("registered")
    public Response result(@RestPath String slug, @RestQuery("r") String receipt) {
        Event event = service.publicEvent(slug).orElseThrow(() -> new UnknownEventException(slug));
        RegistrationStatus status = receipts.read(event.id, receipt).orElseThrow(() -> new UnknownEventException(slug));
        return noStore(Response.ok(Templates.result(event, status == RegistrationStatus.CONFIRMED,
                status == RegistrationStatus.PENDING)));
    }

    private Response closed(Event event, SignupState state) {
        return Response.status(Response.Status.CONFLICT)
                .entity(Templates.closed(event, closedReasons.text(event, state, locale.get()))).build();
    }

    private static Response seeResult(String slug, String receipt) {
        return Response.seeOther(URI.create("/events/" + slug + "/registered?r=" + receipt)).build();
    }

    static Response noStore(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store").header("Referrer-Policy", "same-origin").build();
    }
}
