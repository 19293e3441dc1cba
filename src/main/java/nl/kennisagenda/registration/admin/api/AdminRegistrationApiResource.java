package nl.kennisagenda.registration.admin.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.registration.admin.AdmRegTexts;
import nl.kennisagenda.registration.admin.RegistrationExport;
import nl.kennisagenda.registration.admin.RegistrationQueries;
import nl.kennisagenda.registration.admin.RegistrationQueries.Counts;
import nl.kennisagenda.registration.service.RegistrationRefusedException;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.web.ApiError;

/**
 * The registrations of an event for the organisers' own systems: the list as JSON or CSV, and check-in (POST) and
 * its undo (DELETE), both idempotent. Same rules and roles as the pages: observers read, organisers of the event's
 * organisation change, administrators everything. Authorised by the back-office log-in session for now.
 * JSON only and no cookies-from-forms: a cross-site form cannot send DELETE, and the POST carries no body.
 */
@Path("/api/admin/events")
@Authenticated
@Tag(name = "Admin: registrations", description = "Registrations of an event, for its organisers")
public class AdminRegistrationApiResource {

    @Inject
    CurrentActor current;

    @Inject
    RegistrationQueries queries;

    @Inject
    RegistrationService service;

    @Inject
    CurrentLocale locale;

    @GET
    @Path("{eventId}/registrations")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the registrations of an event",
            description = "Every registration, cancelled and declined ones included, by last name.")
    @APIResponse(responseCode = "200", description = "The registrations", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AdminRegistration.class)))
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "The event belongs to an organisation you are not part of",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public List<AdminRegistration> list(
            @Parameter(description = "The event's numeric id", example = "12") @RestPath long eventId) {
        return queries.all(current.get(), eventId).stream().map(AdminRegistration::of).toList();
    }

    @GET
    @Path("{eventId}/registrations.csv")
    @Produces("text/csv")
    @Operation(summary = "The registrations of an event as CSV",
            description = "UTF-8 with byte order mark, semicolon-separated, CRLF, one column per form field.")
    @APIResponse(responseCode = "200", description = "The CSV file (attachment)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "The event belongs to an organisation you are not part of",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response csv(@Parameter(description = "The event's numeric id") @RestPath long eventId) {
        Actor actor = current.get();
        Event event = queries.event(actor, eventId);
        RegistrationExport.Columns columns = RegistrationExport.columns(event, locale.get());
        StreamingOutput body = out -> RegistrationExport.csv(columns,
                sink -> queries.forEachRow(actor, eventId, sink), out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + RegistrationExport.fileName(event, "csv")
                        + "\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("{eventId}/registrations/{registrationId}/checkin")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark a confirmed registration present",
            description = "Idempotent: checking in twice (from two devices) changes nothing the second time.")
    @APIResponse(responseCode = "200", description = "Present now", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckInResult.class)))
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "You may not change this event (observer or outsider)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such event or registration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The registration is not confirmed (reason NOT_CONFIRMED)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public CheckInResult checkIn(@Parameter(description = "The event's numeric id") @RestPath long eventId,
            @Parameter(description = "The registration's numeric id") @RestPath long registrationId) {
        Actor actor = current.get();
        boolean changed = service.checkIn(actor, eventId, registrationId);
        return result(actor, eventId, registrationId, true, changed);
    }

    @DELETE
    @Path("{eventId}/registrations/{registrationId}/checkin")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a presence mark back", description = "Idempotent, like the check-in.")
    @APIResponse(responseCode = "200", description = "Not present now", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckInResult.class)))
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "You may not change this event (observer or outsider)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such event or registration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public CheckInResult undoCheckIn(@Parameter(description = "The event's numeric id") @RestPath long eventId,
            @Parameter(description = "The registration's numeric id") @RestPath long registrationId) {
        Actor actor = current.get();
        boolean changed = service.undoCheckIn(actor, eventId, registrationId);
        return result(actor, eventId, registrationId, false, changed);
    }

    private CheckInResult result(Actor actor, long eventId, long registrationId, boolean checkedIn,
            boolean changed) {
        Counts counts = queries.counts(actor, eventId);
        return new CheckInResult(registrationId, checkedIn, changed, counts.confirmed(), counts.checkedIn());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return json(ApiError.of(403, AdmRegTexts.messages(locale.get()).api_forbidden()));
    }

    @ServerExceptionMapper
    public Response refused(RegistrationRefusedException e) {
        return json(new ApiError(409, AdmRegTexts.messages(locale.get()).refused_not_confirmed(), e.reason().name(),
                null, null));
    }

    private static Response json(ApiError body) {
        return Response.status(body.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
