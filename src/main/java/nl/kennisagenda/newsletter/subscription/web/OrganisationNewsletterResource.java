package nl.kennisagenda.newsletter.subscription.web;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.jboss.resteasy.reactive.RestPath;

import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.web.RateLimited;

/**
 * An organisation's own subscribe form, {@code /organisations/{slug}/newsletter}: the general form with the
 * organisation ticked and named; consent records say it came through this form. Shares the class path with the public
 * organisation pages (method paths only, per the routing rule in docs/architecture.md).
 */
@Path("/organisations")
@Produces(MediaType.TEXT_HTML)
public class OrganisationNewsletterResource {

    @Inject
    NewsletterResource newsletter;

    @GET
    @Path("{slug}/newsletter")
    @Operation(hidden = true)
    public Response form(@RestPath String slug) {
        Organisation organisation = organisation(slug);
        return NewsletterResource.noStore(Response.ok(NewsletterResource.Templates.subscribe(
                newsletter.blank(organisation, action(organisation)))));
    }

    @POST
    @Path("{slug}/newsletter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RateLimited
    @Operation(hidden = true)
    public Response subscribe(@RestPath String slug, MultivaluedMap<String, String> form) {
        Organisation organisation = organisation(slug);
        return newsletter.submit(form, organisation, action(organisation));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Organisation organisation(String slug) {
        return Organisation.findBySlug(slug).orElseThrow(NotFoundException::new);
    }

    private static String action(Organisation organisation) {
        return "/organisations/" + organisation.slug + "/newsletter";
    }
}
