package nl.kennisagenda.embed.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.embed.EmbedOrigins;
import nl.kennisagenda.embed.EmbedSnippets;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.SignupState;
import nl.kennisagenda.event.service.EventCatalog;
import nl.kennisagenda.i18n.AppMessages;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.PageTexts;
import nl.kennisagenda.privacy.PrivacyStatements;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.UnknownEventException;
import nl.kennisagenda.registration.web.ClosedReasons;
import nl.kennisagenda.registration.web.FormView;
import nl.kennisagenda.registration.web.FormViews;
import nl.kennisagenda.registration.web.SignupSubmissions;
import nl.kennisagenda.web.CsrfExpiredException;
import nl.kennisagenda.web.CsrfRejectedException;
import nl.kennisagenda.web.RefusedRequestMapper;
import nl.kennisagenda.web.PageBoundToken;
import nl.kennisagenda.web.PageBoundTokens;
import nl.kennisagenda.web.RateLimited;
import nl.kennisagenda.web.RateLimitedException;
import nl.kennisagenda.web.Receipts;
import nl.kennisagenda.web.SecurityHeaders;

/**
 * The embeds an organisation puts on its own website in an iframe (docs/embedding.md): an event's sign-up form with
 * its result page, and the organisation's upcoming events. Each answer may be framed by the origins the
 * organisation lists, and by no other. The form posts through the same {@link SignupSubmissions} as the site's own
 * form, behind the same rate limit; its CSRF token is bound to the page instead of a cookie ({@link PageBoundToken}),
 * because a cross-site iframe does not send our cookie back. The language travels in the address ({@code ?lang=})
 * for the same reason.
 */
@Path("/embed")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages", description = "Public HTML pages")
public class EmbedResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Event event, FormView form, PrivacyStatements.Notice privacy,
                String action);

        static native TemplateInstance closed(Event event, String reason);

        static native TemplateInstance result(Event event, boolean confirmed, boolean pending, String formUrl);

        static native TemplateInstance organisation(Organisation organisation, List<Event> events);

        static native TemplateInstance refused(String title, String text, String formUrl);

        static native TemplateInstance expired(String title, String text, String kept, String action,
                List<RefusedRequestMapper.Field> fields, String formUrl);
    }

    @Inject
    RegistrationService service;

    @Inject
    SignupSubmissions submissions;

    @Inject
    FormViews views;

    @Inject
    PageBoundTokens tokens;

    @Inject
    Receipts receipts;

    @Inject
    CurrentLocale locale;

    @Inject
    ClosedReasons closedReasons;

    @Inject
    EventCatalog catalog;

    @Inject
    EmbedSnippets snippets;

    @GET
    @Path("events/{slug}")
    @Operation(summary = "An event's sign-up form, to be framed by the organisation's own website")
    public Response form(@RestPath String slug) {
        Event event = publicEvent(slug);
        SignupState state = event.signupState(service.now());
        if (!state.isOpen()) {
            return framable(event.organisation, Response.ok(Templates.closed(event,
                    closedReasons.text(event, state, locale.get()))));
        }
        FormView form = views.blank(event, locale.get(), tokens.issue(snippets.eventPath(slug)));
        return framable(event.organisation, Response.ok(Templates.form(event, form,
                submissions.privacyNotice(event, form, locale.get()), action(slug))));
    }

    /** StrictFormReader checks the page-bound token as the form is read; only then is the attempt counted. */
    @POST
    @Path("events/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RateLimited
    @Operation(hidden = true)
    public Response submit(@RestPath String slug, @PageBoundToken MultivaluedMap<String, String> form) {
        Event event = publicEvent(slug);
        SignupSubmissions.Outcome outcome = submissions.submit(event, form, locale.get(),
                () -> tokens.issue(snippets.eventPath(slug)));
        if (outcome instanceof SignupSubmissions.Accepted accepted) {
            return Response.seeOther(URI.create(snippets.eventPath(accepted.eventSlug()) + "/registered?r="
                    + accepted.receipt() + "&lang=" + locale.language())).build();
        }
        if (outcome instanceof SignupSubmissions.Invalid invalid) {
            return framable(event.organisation, Response.status(422).entity(Templates.form(event, invalid.form(),
                    submissions.privacyNotice(event, invalid.form(), locale.get()), action(slug))));
        }
        if (outcome instanceof SignupSubmissions.Busy busy) {
            return framable(event.organisation, Response.status(503).header("Retry-After", busy.retryAfterSeconds())
                    .entity(Templates.form(event, busy.form(), submissions.privacyNotice(event, busy.form(),
                            locale.get()), action(slug))));
        }
        SignupState state = ((SignupSubmissions.Closed) outcome).state();
        return framable(event.organisation, Response.status(Response.Status.CONFLICT)
                .entity(Templates.closed(event, closedReasons.text(event, state, locale.get()))));
    }

    @GET
    @Path("events/{slug}/registered")
    @Operation(hidden = true)
    public Response result(@RestPath String slug, @RestQuery("r") String receipt) {
        Event event = publicEvent(slug);
        RegistrationStatus status = receipts.read(event.id, receipt).orElseThrow(() -> new UnknownEventException(slug));
        return framable(event.organisation, Response.ok(Templates.result(event,
                status == RegistrationStatus.CONFIRMED, status == RegistrationStatus.PENDING, action(slug))));
    }

    @GET
    @Path("organisations/{slug}")
    @Operation(summary = "An organisation's upcoming events, to be framed by its own website")
    public Response organisation(@RestPath String slug) {
        EventCatalog.OrganisationPage page = catalog.organisationPage(slug, Instant.now())
                .orElseThrow(NotFoundException::new);
        return framable(page.organisation(), Response.ok(Templates.organisation(page.organisation(),
                page.upcoming())));
    }

    /**
     * A post refused by the site-wide guards (an expired or missing token, 403; over the attempt budget, 429) is
     * answered inside the frame, with the organisation's frame-ancestors, instead of the site's own page, which
     * the browser would refuse to show in the frame. Same texts and statuses as web/RefusedRequestMapper.
     */
    @ServerExceptionMapper
    Response refusedInFrame(CsrfRejectedException e, UriInfo uri) {
        AppMessages m = PageTexts.in(locale.get());
        return refused(uri, 403, m.csrf_title(), m.csrf_text()).build();
    }

    /**
     * An expired page-bound token (the form stood open too long): inside the frame too, nothing typed is lost. The
     * values come back (hidden) in a form with a fresh token that posts to the same address.
     */
    @ServerExceptionMapper
    Response expiredInFrame(CsrfExpiredException e, UriInfo uri) {
        AppMessages m = PageTexts.in(locale.get());
        String slug = uri.getPathParameters().getFirst("slug");
        List<RefusedRequestMapper.Field> fields = e.form() == null || slug == null ? List.of()
                : RefusedRequestMapper.kept(e.form(), tokens.issue(snippets.eventPath(slug)));
        Response.ResponseBuilder framed = refused(uri, 403, m.csrf_expired_title(), m.csrf_expired_text());
        return framed.entity(Templates.expired(m.csrf_expired_title(), m.csrf_expired_text(),
                fields.isEmpty() ? m.csrf_expired_not_kept() : m.csrf_expired_kept(),
                fields.isEmpty() ? null : RefusedRequestMapper.sameAddress(uri), fields,
                slug == null ? "/" : action(slug))).build();
    }

    @ServerExceptionMapper
    Response limitedInFrame(RateLimitedException e, UriInfo uri) {
        AppMessages m = PageTexts.in(locale.get());
        return refused(uri, 429, m.rate_limited_title(), m.rate_limited_text())
                .header("Retry-After", e.retryAfterSeconds()).build();
    }

    private Response.ResponseBuilder refused(UriInfo uri, int status, String title, String text) {
        String slug = uri.getPathParameters().getFirst("slug");
        Organisation organisation = slug == null ? null
                : service.publicEvent(slug).map(event -> event.organisation).orElse(null);
        String policy = SecurityHeaders.framablePolicy(organisation == null ? List.of() : EmbedOrigins.of(organisation));
        String formUrl = slug == null ? "/" : action(slug);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", policy).header("Cache-Control", "no-store")
                .entity(Templates.refused(title, text, formUrl));
    }

    private Event publicEvent(String slug) {
        return service.publicEvent(slug).orElseThrow(() -> new UnknownEventException(slug));
    }

    private String action(String slug) {
        return snippets.eventPath(slug) + "?lang=" + locale.language();
    }

    /** The answer with the organisation's frame-ancestors; never stored, as it holds a fresh token or a receipt. */
    private static Response framable(Organisation organisation, Response.ResponseBuilder builder) {
        return builder.header("Content-Security-Policy", SecurityHeaders.framablePolicy(EmbedOrigins.of(organisation)))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "same-origin").build();
    }
}
