package nl.kennisagenda.event.web;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.service.EventCatalog;
import nl.kennisagenda.web.PageCache;

/** The page of one event (from {@link PageCache}), and the look back at past events. */
@Path("/events")
@Tag(name = "Pages", description = "Public HTML pages")
public class EventPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance event(Event event);

        static native TemplateInstance past(List<Event> events);
    }

    @Inject
    EventCatalog catalog;

    @Inject
    PageCache pages;

    @GET
    @Path("past")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Past events with their materials, most recent first")
    public TemplateInstance past() {
        return Templates.past(catalog.past(Instant.now()));
    }

    /** Slugs are lower-case words and digits joined by hyphens; "x.ics" and "x/register" belong to other pages. */
    @GET
    @Path("{slug: [a-z0-9-]+}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Everything about one published event")
    public Response event(@RestPath String slug) {
        return pages.html("event", slug, () -> catalog.publicEvent(slug).map(Templates::event));
    }
}
