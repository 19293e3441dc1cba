package nl.kennisagenda.backoffice.api;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.backoffice.service.EditorTexts;
import nl.kennisagenda.backoffice.service.EventEditing;
import nl.kennisagenda.backoffice.service.EventInput;
import nl.kennisagenda.backoffice.service.PracticalInput;
import nl.kennisagenda.backoffice.service.EventStateException;
import nl.kennisagenda.backoffice.service.InvalidEventException;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.api.AttendanceModes;
import nl.kennisagenda.event.api.EventApiMapper;
import nl.kennisagenda.event.api.EventDetail;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.web.ApiError;

/**
 * The events part of the admin API: the same {@link EventEditing} service and rules as the back-office pages.
 * Authorised by the back-office session for now.
 */
@Path("/api/admin/events")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Admin: events", description = "Organisers' events, drafts included (log-in required)")
public class AdminEventApiResource {

    @Inject
    CurrentActor current;

    @Inject
    EventEditing editing;

    @Inject
    CurrentLocale locale;

    @Inject
    SiteConfig site;

    @GET
    @Operation(summary = "Every event the logged-in user may read, newest first")
    @APIResponse(responseCode = "200", description = "The events",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AdminEvent.class)))
    @APIResponse(responseCode = "401", description = "Not logged in")
    public List<AdminEvent> list() {
        return editing.readable(current.get()).stream().map(this::map).toList();
    }

    @GET
    @Path("{eventId}")
    @Operation(summary = "One event with its non-public fields")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(implementation = AdminEvent.class)))
    @APIResponse(responseCode = "403", description = "Not an event of your organisations")
    @APIResponse(responseCode = "404", description = "No such event",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public AdminEvent get(@RestPath long eventId) {
        return map(editing.read(current.get(), eventId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft", description = "organisationSlug says whose event it is.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AdminEvent.class)))
    @APIResponse(responseCode = "201", description = "Created as a draft",
            content = @Content(schema = @Schema(implementation = AdminEvent.class)))
    @APIResponse(responseCode = "403", description = "Not one of your organisations")
    @APIResponse(responseCode = "404", description = "No such organisation",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "422", description = "A message per field that cannot be saved",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response create(AdminEvent body) {
        Actor actor = current.get();
        AdminEvent in = body == null ? empty() : body;
        Event created = editing.create(actor, in.organisationSlug() == null ? "" : in.organisationSlug(), input(in));
        AdminEvent result = map(editing.read(actor, created.id));
        return Response.status(201).entity(result).location(java.net.URI.create("/api/admin/events/" + created.id))
                .build();
    }

    @PUT
    @Path("{eventId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the event's fields",
            description = "Changes of time, place or join link of a published event send confirmed attendees an "
                    + "updated invitation; a higher capacity promotes from the waiting list. A different status "
                    + "publishes, unpublishes or cancels.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AdminEvent.class)))
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(schema = @Schema(implementation = AdminEvent.class)))
    @APIResponse(responseCode = "403", description = "Not an event of your organisations, or read-only access")
    @APIResponse(responseCode = "404", description = "No such event",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The status change is not possible",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "422", description = "A message per field that cannot be saved",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public AdminEvent update(@RestPath long eventId, AdminEvent body) {
        Actor actor = current.get();
        AdminEvent in = body == null ? empty() : body;
        editing.update(actor, eventId, input(in), true);
        if (in.status() != null) {
            switch (in.status()) {
                case PUBLISHED -> editing.publish(actor, eventId);
                case DRAFT -> editing.unpublish(actor, eventId);
                case CANCELLED -> editing.cancel(actor, eventId, null);
            }
        }
        return map(editing.read(actor, eventId));
    }

    @POST
    @Path("{eventId}/publish")
    @Operation(summary = "Publish a draft")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(schema = @Schema(implementation = AdminEvent.class)))
    @APIResponse(responseCode = "403", description = "Not an event of your organisations, or read-only access")
    @APIResponse(responseCode = "409", description = "Not a draft",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "422", description = "The draft does not meet the rules yet",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public AdminEvent publish(@RestPath long eventId) {
        Actor actor = current.get();
        editing.publish(actor, eventId);
        return map(editing.read(actor, eventId));
    }

    @POST
    @Path("{eventId}/cancel")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.WILDCARD })
    @Operation(summary = "Cancel a published event",
            description = "Everyone registered gets the cancellation mail, with the optional message.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CancelRequest.class)))
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = AdminEvent.class)))
    @APIResponse(responseCode = "403", description = "Not an event of your organisations, or read-only access")
    @APIResponse(responseCode = "409", description = "Not published",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public AdminEvent cancel(@RestPath long eventId, CancelRequest body) {
        Actor actor = current.get();
        editing.cancel(actor, eventId, body == null ? null : body.message());
        return map(editing.read(actor, eventId));
    }

    /** The optional message of a cancellation. */
    @Schema(name = "CancelRequest")
    public record CancelRequest(@Schema(nullable = true) String message) {
    }

    @ServerExceptionMapper
    public Response invalid(InvalidEventException invalid) {
        return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(422, EditorTexts.in(locale.get()).api_invalid(), null, null,
                        apiNames(invalid.messages(locale.get()))))
                .build();
    }

    /** The service's field names as the members of {@link AdminEvent} ("endsAt" is "end", "venueCity" "venue.city"). */
    private static java.util.Map<String, String> apiNames(java.util.Map<String, String> messages) {
        java.util.Map<String, String> renamed = new java.util.LinkedHashMap<>();
        messages.forEach((field, message) -> renamed.put(switch (field) {
            case "startsAt" -> "start";
            case "endsAt" -> "end";
            case "signupOpensAt" -> "signupOpens";
            case "signupClosesAt" -> "signupCloses";
            case "venueName" -> "venue.name";
            case "venueAddress" -> "venue.address";
            case "venueCity" -> "venue.city";
            case "contactName" -> "contact.name";
            case "contactRole" -> "contact.role";
            case "contactEmail" -> "contact.email";
            case "cost" -> "practical.price";
            case "languages" -> "practical.languages";
            case "costIncludes", "venueAccessibility", "onlineAccessibility", "accreditation" -> "practical.nl." + field;
            case "costIncludesEn", "venueAccessibilityEn", "onlineAccessibilityEn", "accreditationEn" ->
                "practical.en." + field.substring(0, field.length() - 2);
            case "routeInfo" -> "practical.nl.route";
            case "routeInfoEn" -> "practical.en.route";
            case "privacyNote" -> "practical.nl.privacy";
            case "privacyNoteEn" -> "practical.en.privacy";
            default -> field;
        }, message));
        return renamed;
    }

    @ServerExceptionMapper
    public Response refused(EventStateException refused) {
        return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(409, refused.message(locale.get()))).build();
    }

    private static AdminEvent empty() {
        return new AdminEvent(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    private static EventInput input(AdminEvent in) {
        return new EventInput(in.slug(), in.title(), in.titleEn(), in.summary(), in.summaryEn(), in.description(),
                in.descriptionEn(), in.themes(), in.format() == null ? null : in.format().name(), iso(in.start()),
                iso(in.end()), in.venue() == null ? null : in.venue().name(),
                in.venue() == null ? null : in.venue().address(), in.venue() == null ? null : in.venue().city(),
                in.onlinePlatform(), in.joinUrl(), in.audience(), in.audienceEn(), in.outcomes(), in.outcomesEn(),
                in.contact() == null ? null : in.contact().name(), in.contact() == null ? null : in.contact().role(),
                in.contact() == null ? null : in.contact().email(),
                in.capacity() == null ? null : in.capacity().toString(), iso(in.signupOpens()), iso(in.signupCloses()),
                in.partners() == null ? List.of() : in.partners().stream().map(EventDetail.Organisation::slug).toList(),
                Boolean.TRUE.equals(in.unlisted()), Boolean.TRUE.equals(in.requiresApproval()),
                practical(in.practical()), onlineCapacity(in));
    }

    /** Blank (unlimited) when a hybrid event gives none, as null capacity is unlimited; other formats keep theirs. */
    private static String onlineCapacity(AdminEvent in) {
        if (in.format() != EventFormat.HYBRID) {
            return null;
        }
        return in.onlineCapacity() == null ? "" : in.onlineCapacity().toString();
    }

    /** The API's practical information as the service reads it; null (left out) keeps the event's own. */
    private static PracticalInput practical(EventDetail.Practical p) {
        if (p == null) {
            return null;
        }
        EventDetail.PracticalTexts nl = p.nl() == null
                ? new EventDetail.PracticalTexts(null, null, null, null, null, null) : p.nl();
        EventDetail.PracticalTexts en = p.en() == null
                ? new EventDetail.PracticalTexts(null, null, null, null, null, null) : p.en();
        return new PracticalInput(p.price() == null ? null : p.price().toPlainString(), nl.costIncludes(),
                en.costIncludes(), p.languages() == null ? null : String.join(",", p.languages()),
                nl.venueAccessibility(), en.venueAccessibility(), Boolean.TRUE.equals(p.liveCaptions()),
                Boolean.TRUE.equals(p.signLanguage()), nl.onlineAccessibility(), en.onlineAccessibility(),
                nl.route(), en.route(), nl.accreditation(), en.accreditation(), nl.privacy(), en.privacy());
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : time.toString();
    }

    private static OffsetDateTime time(java.time.Instant instant) {
        return instant == null ? null : Dates.local(instant).toOffsetDateTime();
    }

    private AdminEvent map(Event e) {
        EventDetail.Venue venue = e.venueName == null && e.venueAddress == null && e.venueCity == null ? null
                : new EventDetail.Venue(e.venueName, e.venueAddress, e.venueCity);
        EventDetail.Contact contact = e.contactName == null && e.contactEmail == null ? null
                : new EventDetail.Contact(e.contactName, e.contactRole, e.contactEmail);
        return new AdminEvent(e.id, e.slug, e.title, e.summary, e.description, e.organisation.name,
                e.organisation.slug,
                e.partners.stream().map(p -> new EventDetail.Organisation(p.slug, p.name)).toList(), e.format,
                e.status, time(e.startsAt), time(e.endsAt), List.copyOf(e.themes), e.audience,
                List.copyOf(e.outcomes), venue, e.onlinePlatform, contact, e.capacity, e.placesLeft(),
                e.confirmedCount, e.waitlistedCount, time(e.signupOpensAt), time(e.signupClosesAt),
                site.url("/events/" + e.slug), e.joinUrl, e.unlisted, e.requiresApproval, e.titleEn, e.summaryEn, e.descriptionEn,
                e.audienceEn, List.copyOf(e.outcomesEn), EventApiMapper.practical(e.practical),
                e.isHybrid() ? e.onlineCapacity : null, AttendanceModes.of(e));
    }
}
