package nl.kennisagenda.backoffice.editor.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import nl.kennisagenda.backoffice.editor.EditableEvents;
import nl.kennisagenda.backoffice.editor.InvalidEditException;
import nl.kennisagenda.backoffice.editor.MaterialsEditor;
import nl.kennisagenda.backoffice.editor.MaterialsEditor.MaterialInput;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.MaterialKind;
import nl.kennisagenda.web.CsrfGuard;

/** Materials after the event: slides, recordings and documents as links. */
@Path("/admin/events/{eventId}/materials")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class MaterialsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance materials(Actor actor, Event event, boolean canChange, EditorForm form,
                List<MaterialKind> kinds, boolean saved, String csrfToken);
    }

    @Inject
    CurrentActor current;

    @Inject
    EditableEvents events;

    @Inject
    MaterialsEditor editor;

    @Inject
    CsrfGuard csrf;

    @GET
    @Operation(hidden = true)
    public Response materials(@RestPath long eventId, @RestQuery String saved) {
        Actor actor = current.get();
        Event event = events.readable(actor, eventId);
        return page(actor, event, EditorForm.of(Map.of("materialKind", MaterialKind.SLIDES.name())), saved != null, 200);
    }

    @POST
    @Path("add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response add(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            editor.add(actor, eventId, new MaterialInput(form.getFirst("materialKind"), form.getFirst("titleNl"),
                    form.getFirst("titleEn"), form.getFirst("url")));
        } catch (InvalidEditException problem) {
            return page(actor, events.readable(actor, eventId), EditorForm.posted(form, problem), false, 422);
        }
        return back(eventId);
    }

    @POST
    @Path("move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response move(@RestPath long eventId, MultivaluedMap<String, String> form) {
        editor.move(current.get(), eventId, EditorForm.id(form, "materialId"),
                "up".equals(form.getFirst("direction")) ? -1 : 1);
        return back(eventId);
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(@RestPath long eventId, MultivaluedMap<String, String> form) {
        editor.remove(current.get(), eventId, EditorForm.id(form, "materialId"));
        return back(eventId);
    }

    private Response page(Actor actor, Event event, EditorForm form, boolean saved, int status) {
        return Response.status(status).entity(Templates.materials(actor, event, EditableEvents.canChange(actor, event),
                form, List.of(MaterialKind.values()), saved, csrf.token())).header("Cache-Control", "no-store").build();
    }

    private static Response back(long eventId) {
        return Response.seeOther(URI.create("/admin/events/" + eventId + "/materials?saved=1"))
                .header("Cache-Control", "no-store").build();
    }
}
