package nl.kennisagenda.backoffice.editor.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import nl.kennisagenda.backoffice.editor.ProgrammeEditor;
import nl.kennisagenda.backoffice.editor.ProgrammeEditor.ItemInput;
import nl.kennisagenda.backoffice.editor.SpeakerLibrary;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.ProgrammeItemKind;
import nl.kennisagenda.event.Speaker;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.web.CsrfGuard;

/** The programme editor of one event: the list in order, and the form to add or change an item. */
@Path("/admin/events/{eventId}/programme")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ProgrammeEditorResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance programme(Actor actor, Event event, boolean canChange, List<Speaker> speakers,
                ProgrammeItem editing, EditorForm form, List<ProgrammeItemKind> kinds, boolean saved,
                String csrfToken);
    }

    @Inject
    CurrentActor current;

    @Inject
    EditableEvents events;

    @Inject
    ProgrammeEditor editor;

    @Inject
    SpeakerLibrary speakers;

    @Inject
    CsrfGuard csrf;

    @GET
    @Operation(hidden = true)
    public Response programme(@RestPath long eventId, @RestQuery Long edit, @RestQuery String saved) {
        Actor actor = current.get();
        Event event = events.readable(actor, eventId);
        ProgrammeItem editing = null;
        EditorForm form;
        if (edit != null) {
            editing = event.programme.stream().filter(item -> item.id.equals(edit)).findFirst()
                    .orElseThrow(NotFoundException::new);
            form = EditorForm.of(values(editing));
        } else {
            form = EditorForm.of(defaults(event));
        }
        return page(actor, event, editing, form, saved != null, 200);
    }

    @POST
    @Path("save")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        long itemId = EditorForm.id(form, "itemId");
        ItemInput input = new ItemInput(itemId < 0 ? null : itemId, form.getFirst("kind"), form.getFirst("startsAt"),
                form.getFirst("endsAt"), form.getFirst("titleNl"), form.getFirst("titleEn"),
                form.getFirst("descriptionNl"), form.getFirst("descriptionEn"), form.getFirst("round"),
                form.getFirst("room"), form.getFirst("capacity"), form.get("speakers"),
                form.getFirst("newSpeakerName"), form.getFirst("newSpeakerOrganisation"));
        try {
            editor.save(actor, eventId, input);
        } catch (InvalidEditException problem) {
            Event event = events.readable(actor, eventId);
            ProgrammeItem editing = input.itemId() == null ? null
                    : event.programme.stream().filter(item -> item.id.equals(input.itemId())).findFirst()
                            .orElse(null);
            return page(actor, event, editing, EditorForm.posted(form, problem), false, 422);
        }
        return back(eventId);
    }

    @POST
    @Path("move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response move(@RestPath long eventId, MultivaluedMap<String, String> form) {
        editor.move(current.get(), eventId, EditorForm.id(form, "itemId"), "up".equals(form.getFirst("direction")) ? -1 : 1);
        return back(eventId);
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            editor.remove(actor, eventId, EditorForm.id(form, "itemId"));
        } catch (InvalidEditException problem) {
            Event event = events.readable(actor, eventId);
            return page(actor, event, null, new EditorForm(defaults(event), problem.errors), false, 409);
        }
        return back(eventId);
    }

    private Response page(Actor actor, Event event, ProgrammeItem editing, EditorForm form, boolean saved,
            int status) {
        boolean canChange = EditableEvents.canChange(actor, event);
        return Response.status(status).entity(Templates.programme(actor, event, canChange, speakers.visible(actor),
                editing, form, List.of(ProgrammeItemKind.values()), saved, csrf.token()))
                .header("Cache-Control", "no-store").build();
    }

    private static Response back(long eventId) {
        return Response.seeOther(URI.create("/admin/events/" + eventId + "/programme?saved=1"))
                .header("Cache-Control", "no-store").build();
    }

    private static Map<String, String> defaults(Event event) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kind", ProgrammeItemKind.PLENARY.name());
        values.put("startsAt", local(event.startsAt));
        values.put("endsAt", local(event.startsAt));
        return values;
    }

    private static Map<String, String> values(ProgrammeItem item) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("itemId", String.valueOf(item.id));
        values.put("kind", item.kind.name());
        values.put("startsAt", local(item.startsAt));
        values.put("endsAt", local(item.endsAt));
        values.put("titleNl", item.title);
        values.put("titleEn", item.titleEn);
        values.put("descriptionNl", item.description);
        values.put("descriptionEn", item.descriptionEn);
        values.put("round", item.roundNumber == null ? null : String.valueOf(item.roundNumber));
        values.put("room", item.room);
        values.put("capacity", item.capacity == null ? null : String.valueOf(item.capacity));
        values.put("speakers", item.speakers.stream().map(s -> String.valueOf(s.id)).collect(Collectors.joining(",")));
        return values;
    }

    /** The value of a datetime-local input: Amsterdam time to the minute. */
    static String local(java.time.Instant instant) {
        return Dates.local(instant).toLocalDateTime().withSecond(0).withNano(0).toString();
    }
}
