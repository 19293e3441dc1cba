package nl.kennisagenda.backoffice.web;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.backoffice.service.BackofficeEvents;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.backoffice.service.BackofficeEvents.OrganisationEvents;
import nl.kennisagenda.backoffice.service.EventRow;
import nl.kennisagenda.web.CsrfGuard;

/**
 * The back-office pages for logged-in users (read-only for now): the overview of the events they may see, one
 * organisation's events, and logging out. Access is decided by the services with the acting user; the HTTP
 * permission in application.properties and {@link Authenticated} keep anonymous visitors out before that.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class BackofficeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Actor actor, java.util.List<nl.kennisagenda.event.Organisation> organisations,
                BackofficeEvents.EventPage events, String csrfToken);

        static native TemplateInstance organisation(Actor actor, OrganisationEvents organisation, boolean deleted,
                String csrfToken);
    }

    @Inject
    CurrentActor current;

    @Inject
    BackofficeEvents events;

    @Inject
    CsrfGuard csrf;

    @Inject
    SiteConfig site;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @GET
    @Operation(hidden = true)
    public Response overview(@RestQuery Integer page) {
        Actor actor = current.get();
        return noStore(Response.ok(Templates.overview(actor, events.organisations(actor),
                events.events(actor, page == null ? 1 : page),
                csrf.token())));
    }

    @GET
    @Path("organisations/{slug}")
    @Operation(hidden = true)
    public Response organisation(@RestPath String slug, @RestQuery String q, @RestQuery String show,
            @RestQuery String done) {
        Actor actor = current.get();
        OrganisationEvents found = events.eventsOf(actor, slug, q, show).orElseThrow(NotFoundException::new);
        return noStore(Response.ok(Templates.organisation(actor, found, "deleted".equals(done), csrf.token())));
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout(MultivaluedMap<String, String> form) {
        // The form is only read for its CSRF token, which StrictFormReader checked.
        // The session lives only in the encrypted cookie: logging out removes it from the browser.
        return Response.seeOther(URI.create("/admin/login?logged-out=1"))
                .cookie(new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).secure(site.baseUrl().startsWith("https:")).build())
                .build();
    }

    static Response noStore(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store").build();
    }
}
