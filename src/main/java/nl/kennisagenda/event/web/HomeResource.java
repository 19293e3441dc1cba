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
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.service.EventCatalog;
import nl.kennisagenda.event.service.EventCatalog.FilterOptions;
import nl.kennisagenda.event.service.EventFilter;
import nl.kennisagenda.event.service.FilterForm;
import nl.kennisagenda.event.service.InvalidFilterException;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.PageTexts;

/** The agenda: upcoming published events of all networks, with filters and a text search. */
@Path("/")
@Tag(name = "Pages", description = "Public HTML pages")
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Event> events, FilterForm filter, FilterOptions options,
                List<EventFormat> formats, String error);
    }

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @Inject
    EventCatalog catalog;

    @Inject
    CurrentLocale locale;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The agenda page with filters")
    public Response home(@RestQuery String organisation, @RestQuery String theme, @RestQuery String format,
            @RestQuery String month, @RestQuery String q) {
        Instant now = Instant.now();
        FilterForm form = new FilterForm(organisation, theme, format, month, q);
        List<Event> allUpcoming = catalog.upcoming(EventFilter.none(), now);
        FilterOptions options = catalog.filterOptions(allUpcoming);
        List<EventFormat> formats = List.of(EventFormat.values());
        try {
            EventFilter filter = EventFilter.parse(form);
            List<Event> events = filter.isEmpty() ? allUpcoming : catalog.upcoming(filter, now);
            return Response.ok(Templates.home(events, form, options, formats, null), HTML).build();
        } catch (InvalidFilterException invalid) {
            String error = invalid.message(PageTexts.in(locale.get()));
            return Response.status(Response.Status.BAD_REQUEST).type(HTML)
                    .entity(Templates.home(List.of(), form, options, formats, error)).build();
        }
    }
}
