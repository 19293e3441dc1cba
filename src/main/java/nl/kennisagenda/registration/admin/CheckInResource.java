package nl.kennisagenda.registration.admin;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.registration.admin.RegistrationQueries.Counts;
import nl.kennisagenda.registration.admin.RegistrationQueries.Row;
import nl.kennisagenda.registration.service.RegistrationRefusedException;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.web.CsrfGuard;

/**
 * Check-in on the day, for a tablet or a phone at the door: the confirmed people with a search by name, one button
 * per person to mark them present or take it back, and the live counts. Without JavaScript the search is a GET form
 * and each button a POST that comes back to the page (303); with {@code js/admreg-checkin.js} the search filters as
 * you type, the buttons post with fetch and update in place, and the counts are polled from
 * {@code checkin/counts}. Check-in is idempotent (see RegistrationOperations#checkIn), so several devices can work
 * the same list at once.
 */
@Path("/admin/events/{eventId}/checkin")
@Authenticated
public class CheckInResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checkin(Actor actor, Event event, boolean canChange, List<Row> rows,
                Counts counts, String q, String problem, String csrfToken);
    }

    /** The live counts: confirmed places taken and how many of them are present. */
    public record CheckInCounts(long confirmed, long checkedIn, long notYet) {
    }

    @Inject
    CurrentActor current;

    @Inject
    RegistrationQueries queries;

    @Inject
    RegistrationService service;

    @Inject
    CsrfGuard csrf;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(@RestPath long eventId, @RestQuery String q) {
        return page(eventId, q, null, 200);
    }

    private Response page(long eventId, String q, String problem, int status) {
        Actor actor = current.get();
        Event event = queries.event(actor, eventId);
        String query = RegistrationAdminResource.trim(q, 200);
        return RegistrationAdminResource.noStore(Response.status(status).entity(Templates.checkin(actor, event,
                queries.canChange(actor, event), queries.confirmed(actor, eventId, query),
                queries.counts(actor, eventId), query, problem, csrf.token())));
    }

    @GET
    @Path("counts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response counts(@RestPath long eventId) {
        Counts counts = queries.counts(current.get(), eventId);
        return RegistrationAdminResource.noStore(Response.ok(new CheckInCounts(counts.confirmed(),
                counts.checkedIn(), counts.notYet())).type(MediaType.APPLICATION_JSON_TYPE));
    }

    @POST
    @Path("{registrationId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    @Operation(hidden = true)
    public Response checkIn(@RestPath long eventId, @RestPath long registrationId,
            MultivaluedMap<String, String> form, @HeaderParam("X-Requested-With") String requestedWith) {
        boolean undo = "true".equals(form.getFirst("undo"));
        Actor actor = current.get();
        try {
            if (undo) {
                service.undoCheckIn(actor, eventId, registrationId);
            } else {
                service.checkIn(actor, eventId, registrationId);
            }
        } catch (RegistrationRefusedException e) {
            return page(eventId, form.getFirst("q"), e.reason().name(), 409);
        }
        if ("fetch".equals(requestedWith)) {
            return counts(eventId);
        }
        String q = RegistrationAdminResource.trim(form.getFirst("q"), 200);
        return RegistrationAdminResource.seeOther("/admin/events/" + eventId + "/checkin"
                + (q == null ? "" : "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))
                + "#r" + registrationId);
    }
}
