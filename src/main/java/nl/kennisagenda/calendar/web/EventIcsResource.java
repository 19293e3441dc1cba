package nl.kennisagenda.calendar.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import nl.kennisagenda.calendar.CalendarFeeds;
import nl.kennisagenda.i18n.CurrentLocale;

/**
 * {@code GET /events/{slug}.ics}: one public event for a calendar. A resource of its own with the whole path on the
 * class, so it never competes with the event page ({@code /events/{slug}}, whose slug pattern has no dot).
 */
@Path("/events/{slug: [a-z0-9-]+}.ics")
@Tag(name = "Calendar", description = "iCalendar exports and feeds")
public class EventIcsResource {

    @Inject
    CalendarFeeds feeds;

    @Inject
    CurrentLocale locale;

    @GET
    @Produces("text/calendar")
    @Operation(summary = "The event as iCalendar; ?programme=true adds one entry per programme item")
    public Response event(@RestPath String slug, @RestQuery boolean programme, @Context Request request,
            @Context HttpHeaders headers) {
        return feeds.event(slug, programme, locale.get())
                .map(document -> IcsResponses.serve(document, request, headers))
                .orElseThrow(NotFoundException::new);
    }
}
