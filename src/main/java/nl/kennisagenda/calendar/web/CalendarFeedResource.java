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

import nl.kennisagenda.calendar.CalendarFeeds;
import nl.kennisagenda.i18n.CurrentLocale;

/** Calendar feeds to subscribe to: all events, per organisation, per theme, and a person's own registrations. */
@Path("/calendar")
@Tag(name = "Calendar", description = "iCalendar exports and feeds")
public class CalendarFeedResource {

    @Inject
    CalendarFeeds feeds;

    @Inject
    CurrentLocale locale;

    @GET
    @Path("events.ics")
    @Produces("text/calendar")
    @Operation(summary = "All upcoming published events (and those of the last 30 days)")
    public Response allEvents(@Context Request request, @Context HttpHeaders headers) {
        return IcsResponses.serve(feeds.allEvents(locale.get()), request, headers);
    }

    @GET
    @Path("organisations/{slug: [a-z0-9-]+}.ics")
    @Produces("text/calendar")
    @Operation(summary = "Events organised by, or with, one organisation")
    public Response organisation(@RestPath String slug, @Context Request request, @Context HttpHeaders headers) {
        return feeds.organisation(slug, locale.get())
                .map(document -> IcsResponses.serve(document, request, headers))
                .orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("themes/{theme: [a-z0-9-]+}.ics")
    @Produces("text/calendar")
    @Operation(summary = "Events on one theme (the theme as a slug, e.g. ouderenzorg)")
    public Response theme(@RestPath String theme, @Context Request request, @Context HttpHeaders headers) {
        return feeds.theme(theme, locale.get())
                .map(document -> IcsResponses.serve(document, request, headers))
                .orElseThrow(NotFoundException::new);
    }

    /** The token is the attendee's calendar token (in every confirmation mail); unknown tokens are a plain 404. */
    @GET
    @Path("{token: [A-Za-z0-9_-]{16,64}}.ics")
    @Produces("text/calendar")
    @Operation(summary = "A person's own registrations (secret address)")
    public Response personal(@RestPath String token, @Context Request request, @Context HttpHeaders headers) {
        return feeds.personal(token, locale.get())
                .map(document -> IcsResponses.serve(document, request, headers))
                .orElseThrow(NotFoundException::new);
    }
}
