package nl.kennisagenda.event.web;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventStatus;

/** The agenda: upcoming published events of all networks. */
@Path("/")
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Event> events);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        List<Event> events = Event.list("status = ?1 and endsAt > ?2 order by startsAt", EventStatus.PUBLISHED,
                java.time.Instant.now());
        return Templates.home(events);
    }
}
