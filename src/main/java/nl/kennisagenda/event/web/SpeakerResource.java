package nl.kennisagenda.event.web;

import java.net.URI;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.event.service.EventCatalog;
import nl.kennisagenda.event.service.EventCatalog.SpeakerPage;

/** A speaker's page: who they are and where they speak. */
@Path("/speakers")
@Tag(name = "Pages", description = "Public HTML pages")
public class SpeakerResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance speaker(SpeakerPage page);
    }

    @Inject
    EventCatalog catalog;

    /** By slug; a numeric id redirects permanently to the slug address. */
    @GET
    @Path("{slug}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A speaker with the events where they speak (by slug, or by id with a redirect)")
    public Response speaker(@RestPath String slug) {
        if (slug.matches("\\d{1,18}")) {
            return catalog.speakerById(Long.parseLong(slug))
                    .flatMap(speaker -> catalog.speakerPage(speaker.slug, Instant.now()))
                    .map(page -> Response.status(Response.Status.MOVED_PERMANENTLY)
                            .location(URI.create("/speakers/" + page.speaker().slug)).build())
                    .orElseThrow(NotFoundException::new);
        }
        return catalog.speakerPage(slug, Instant.now())
                .map(page -> Response.ok(Templates.speaker(page), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build())
                .orElseThrow(NotFoundException::new);
    }
}
