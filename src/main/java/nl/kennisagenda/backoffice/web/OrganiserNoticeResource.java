package nl.kennisagenda.backoffice.web;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.mail.OrganiserNotices;

/**
 * The one-click switch of one's own organiser notifications for an event (the form on the event hub). Anyone who may
 * read the event may turn them on for themselves (OrganiserNotices checks); back to the hub afterwards.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class OrganiserNoticeResource {

    @Inject
    CurrentActor current;

    @Inject
    OrganiserNotices notices;

    @POST
    @Path("events/{eventId}/notifications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response toggle(@RestPath long eventId, MultivaluedMap<String, String> form) {
        boolean on = "on".equals(form.getFirst("notifications"));
        notices.set(current.get(), eventId, on);
        return BackofficeResource.noStore(Response.seeOther(URI.create("/admin/events/" + eventId + "#notifications")));
    }
}
