package nl.kennisagenda.event.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.service.EventCatalog;
import nl.kennisagenda.event.service.EventCatalog.FilterOptions;
import nl.kennisagenda.event.service.EventFilter;
import nl.kennisagenda.event.service.FilterForm;
import nl.kennisagenda.event.service.InvalidFilterException;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.PageTexts;
import nl.kennisagenda.web.PageCache;

/** The agenda: upcoming published events of all networks, with filters and a text search (from {@link PageCache}). */
@Path("/")
@Tag(name = "Pages", description = "Public HTML pages")
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(AgendaPage agenda, FilterForm filter, FilterOptions options,
                List<EventFormat> formats, String error);
    }

    /**
     * One page of the agenda's cards: {@code total} events match, this page shows {@code events}. The links keep the
     * filters; either is null at the first or last page.
     */
    public record AgendaPage(List<Event> events, int total, int page, int pages, String previousUrl, String nextUrl) {

        static AgendaPage none() {
            return new AgendaPage(List.of(), 0, 1, 1, null, null);
        }

        /** The page the catalogue read, with links to its neighbours that keep the filters. */
        static AgendaPage of(EventCatalog.UpcomingPage found, FilterForm form) {
            int page = found.page();
            return new AgendaPage(found.events(), found.total(), page, found.pages(),
                    page > 1 ? form.url(page - 1) : null, page < found.pages() ? form.url(page + 1) : null);
        }
    }

    /** Page numbers beyond this are refused rather than parsed: no agenda has that many. */
    private static final int MAX_PAGE = 10_000;

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    private static final List<EventFormat> FORMATS = List.of(EventFormat.values());

    @Inject
    EventCatalog catalog;

    @Inject
    CurrentLocale locale;

    @Inject
    PageCache pages;

    @Inject
    SiteConfig site;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The agenda page with filters")
    public Response home(@RestQuery String organisation, @RestQuery String theme, @RestQuery String format,
            @RestQuery String month, @RestQuery String q, @RestQuery String page) {
        FilterForm form = new FilterForm(organisation, theme, format, month, q);
        try {
            EventFilter filter = EventFilter.parse(form);
            int pageNumber = pageNumber(page);
            return pages.html("home", "", () -> {
                Instant now = Instant.now();
                AgendaPage agenda = AgendaPage.of(catalog.upcomingPage(filter, now, pageNumber, site.agendaPageSize()),
                        form);
                return Optional.of(Templates.home(agenda, form, catalog.filterOptions(now), FORMATS, null));
            });
        } catch (InvalidFilterException invalid) {
            String error = invalid.message(PageTexts.in(locale.get()));
            FilterOptions options = catalog.filterOptions(Instant.now());
            return Response.status(Response.Status.BAD_REQUEST).type(HTML)
                    .entity(Templates.home(AgendaPage.none(), form, options, FORMATS, error)).build();
        }
    }

    private static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        String value = page.trim();
        if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_PAGE) {
            throw new InvalidFilterException(InvalidFilterException.Field.PAGE,
                    value.length() > 20 ? value.substring(0, 20) + "…" : value);
        }
        return Integer.parseInt(value);
    }
}
