package nl.kennisagenda.backoffice.editor.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.backoffice.editor.EditableEvents;
import nl.kennisagenda.backoffice.editor.ImageEditor;
import nl.kennisagenda.backoffice.editor.ImageEditor.ImageInput;
import nl.kennisagenda.backoffice.editor.InvalidEditException;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.image.ImageProcessor;
import nl.kennisagenda.web.CsrfGuard;

/**
 * The event image: upload (multipart; JPEG, PNG or WebP, re-encoded without metadata), alt text, removal. The upload
 * takes no {@code @Consumes}: a browser always sends multipart, and a plain form post (no file) still reaches the
 * CSRF and access checks instead of a 415.
 */
@Path("/admin/events/{eventId}/image")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class EventImageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance image(Actor actor, Event event, boolean canChange, EditorForm form,
                boolean saved, String csrfToken);
    }

    @Inject
    CurrentActor current;

    @Inject
    EditableEvents events;

    @Inject
    ImageEditor images;

    @Inject
    ImageProcessor limits;

    @Inject
    CsrfGuard csrf;

    @GET
    @Operation(hidden = true)
    public Response image(@RestPath long eventId, @RestQuery String saved) {
        Actor actor = current.get();
        Event event = events.readable(actor, eventId);
        Map<String, String> values = new LinkedHashMap<>();
        if (event.image != null) {
            values.put("altNl", event.image.altNl);
            values.put("altEn", event.image.altEn);
        }
        return page(actor, event, EditorForm.of(values), saved != null, 200);
    }

    @POST
    @Operation(hidden = true)
    public Response upload(@RestPath long eventId, @RestForm("_csrf") String token, @RestForm FileUpload file,
            @RestForm String altNl, @RestForm String altEn) {
        csrf.verify(token);
        Actor actor = current.get();
        try {
            images.setEventImage(actor, eventId, new ImageInput(Uploads.bytes(file, limits),
                    file == null ? 0 : file.size(), altNl, altEn));
        } catch (InvalidEditException problem) {
            MultivaluedMap<String, String> typed = new MultivaluedHashMap<>();
            typed.putSingle("altNl", altNl);
            typed.putSingle("altEn", altEn);
            return page(actor, events.readable(actor, eventId), EditorForm.posted(typed, problem), false, 422);
        }
        return back(eventId);
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(@RestPath long eventId, MultivaluedMap<String, String> form) {
        images.removeEventImage(current.get(), eventId);
        return back(eventId);
    }

    private Response page(Actor actor, Event event, EditorForm form, boolean saved, int status) {
        return Response.status(status).entity(Templates.image(actor, event, EditableEvents.canChange(actor, event),
                form, saved, csrf.token())).header("Cache-Control", "no-store").build();
    }

    private static Response back(long eventId) {
        return Response.seeOther(URI.create("/admin/events/" + eventId + "/image?saved=1"))
                .header("Cache-Control", "no-store").build();
    }
}
