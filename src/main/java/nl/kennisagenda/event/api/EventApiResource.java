package nl.kennisagenda.event.api;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import nl.kennisagenda.event.service.EventCatalog;
import nl.kennisagenda.event.service.EventFilter;
import nl.kennisagenda.event.service.FilterForm;
import nl.kennisagenda.event.service.InvalidFilterException;
import nl.kennisagenda.i18n.PageTexts;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.web.ApiError;
import nl.kennisagenda.web.PageCache;
import nl.kennisagenda.web.NotFoundMapper.ApiNotFoundException;

/** Read-only JSON API over the public agenda: the same events and filters as the pages. */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "Upcoming public events, their programmes and sign-up forms")
public class EventApiResource {

    @Inject
    EventCatalog catalog;

    @Inject
    EventApiMapper mapper;

    @Inject
    CurrentLocale locale;

    @Inject
    PageCache pages;

    @GET
    @Operation(summary = "Upcoming published events, soonest first",
            description = "The same filters as the agenda page; all are optional and combine with AND.")
    @APIResponse(responseCode = "200", description = "The matching events",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = EventSummary.class)))
    @APIResponse(responseCode = "400", description = "A filter value that cannot be understood",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response list(
            @Parameter(description = "Slug of an organising or partner organisation", example = "vilans")
            @RestQuery String organisation,
            @Parameter(description = "A theme, case-insensitive", example = "Eerstelijnszorg") @RestQuery String theme,
            @Parameter(description = "ONLINE, IN_PERSON or HYBRID") @RestQuery String format,
            @Parameter(description = "Month of the start in Europe/Amsterdam, yyyy-MM", example = "2026-12")
            @RestQuery String month,
            @Parameter(description = "Free text in title, summary, description and organisation names")
            @RestQuery String q) {
        EventFilter filter = EventFilter.parse(new FilterForm(organisation, theme, format, month, q));
        return pages.json("api-events", "",
                () -> catalog.upcoming(filter, Instant.now()).stream().map(mapper::summary).toList());
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One public event with its programme and sign-up form",
            description = "Form labels are in the language of the request. The join link of an online event is never included.")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(implementation = EventDetail.class)))
    @APIResponse(responseCode = "404", description = "No published event with this slug",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public EventDetail get(@RestPath String slug) {
        return catalog.publicEvent(slug)
                .map(event -> mapper.detail(event, locale.get(), Instant.now()))
                .orElseThrow(() -> new ApiNotFoundException(PageTexts.in(locale.get()).api_event_not_found(slug)));
    }

    @ServerExceptionMapper
    public Response invalidFilter(InvalidFilterException invalid) {
        String message = invalid.message(PageTexts.in(locale.get()));
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(400, message)).build();
    }
}
