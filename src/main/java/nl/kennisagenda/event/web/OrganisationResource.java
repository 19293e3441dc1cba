package nl.kennisagenda.event.web;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.service.EventCatalog;
import nl.kennisagenda.event.service.EventCatalog.OrganisationPage;

/** The networks and partners that organise events. */
@Path("/organisations")
@Tag(name = "Pages", description = "Public HTML pages")
public class OrganisationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organisations(List<Organisation> organisations);

        static native TemplateInstance organisation(OrganisationPage page);
    }

    @Inject
    EventCatalog catalog;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "All organisations")
    public TemplateInstance organisations() {
        return Templates.organisations(catalog.organisations());
    }

    @GET
    @Path("{slug}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "An organisation with its upcoming and past events")
    public TemplateInstance organisation(@RestPath String slug) {
        return catalog.organisationPage(slug, Instant.now()).map(Templates::organisation)
                .orElseThrow(NotFoundException::new);
    }
}
