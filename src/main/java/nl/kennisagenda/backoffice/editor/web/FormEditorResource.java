package nl.kennisagenda.backoffice.editor.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import nl.kennisagenda.backoffice.editor.FormEditor;
import nl.kennisagenda.backoffice.editor.FormEditor.FieldInput;
import nl.kennisagenda.backoffice.editor.InvalidEditException;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.registration.service.SignupValidator;
import nl.kennisagenda.web.CsrfGuard;
import nl.kennisagenda.registration.web.FormView;
import nl.kennisagenda.registration.web.FormViews;

/**
 * The sign-up form editor of one event, with a preview rendered by the same tag and view builder the public form
 * uses (templates/tags/regFields.html, {@link FormViews}), in Dutch or (?preview=en) English.
 */
@Path("/admin/events/{eventId}/form")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class FormEditorResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Actor actor, Event event, boolean canChange, List<FormField> fields,
                FormField editing, EditorForm form, List<FieldType> types, FormView preview, boolean previewEnglish,
                boolean saved, String csrfToken);
    }

    @Inject
    CurrentActor current;

    @Inject
    EditableEvents events;

    @Inject
    FormEditor editor;

    @Inject
    FormViews views;

    @Inject
    CsrfGuard csrf;

    @GET
    @Operation(hidden = true)
    public Response form(@RestPath long eventId, @RestQuery Long edit, @RestQuery String preview,
            @RestQuery String saved) {
        Actor actor = current.get();
        Event event = events.readable(actor, eventId);
        FormField editing = null;
        EditorForm form = EditorForm.of(Map.of("type", FieldType.TEXT.name()));
        if (edit != null) {
            editing = event.formFields.stream().filter(f -> f.id.equals(edit)).findFirst()
                    .orElseThrow(NotFoundException::new);
            form = EditorForm.of(values(editing));
        }
        return page(actor, event, editing, form, "en".equals(preview), saved != null, 200);
    }

    @POST
    @Path("save")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        long fieldId = EditorForm.id(form, "fieldId");
        FieldInput input = new FieldInput(fieldId < 0 ? null : fieldId, form.getFirst("type"),
                form.getFirst("labelNl"), form.getFirst("labelEn"), form.getFirst("helpNl"), form.getFirst("helpEn"),
                "true".equals(form.getFirst("required")), form.getFirst("optionsNl"), form.getFirst("optionsEn"));
        try {
            editor.save(actor, eventId, input);
        } catch (InvalidEditException problem) {
            Event event = events.readable(actor, eventId);
            FormField editing = input.fieldId() == null ? null
                    : event.formFields.stream().filter(f -> f.id.equals(input.fieldId())).findFirst().orElse(null);
            return page(actor, event, editing, EditorForm.posted(form, problem), false, false, 422);
        }
        return back(eventId);
    }

    @POST
    @Path("move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response move(@RestPath long eventId, MultivaluedMap<String, String> form) {
        editor.move(current.get(), eventId, EditorForm.id(form, "fieldId"),
                "up".equals(form.getFirst("direction")) ? -1 : 1);
        return back(eventId);
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            editor.remove(actor, eventId, EditorForm.id(form, "fieldId"));
        } catch (InvalidEditException problem) {
            Event event = events.readable(actor, eventId);
            return page(actor, event, null, new EditorForm(Map.of("type", FieldType.TEXT.name()), problem.errors),
                    false, false, 409);
        }
        return back(eventId);
    }

    private Response page(Actor actor, Event event, FormField editing, EditorForm form, boolean previewEnglish,
            boolean saved, int status) {
        String token = csrf.token();
        FormView preview = views.blank(event, previewEnglish ? CurrentLocale.ENGLISH : CurrentLocale.DUTCH, token);
        List<FormField> fields = new ArrayList<>(SignupValidator.effectiveFields(event));
        return Response.status(status).entity(Templates.form(actor, event, EditableEvents.canChange(actor, event),
                fields, editing, form, List.of(FieldType.values()), preview, previewEnglish, saved, token))
                .header("Cache-Control", "no-store").build();
    }

    private static Response back(long eventId) {
        return Response.seeOther(URI.create("/admin/events/" + eventId + "/form?saved=1"))
                .header("Cache-Control", "no-store").build();
    }

    private static Map<String, String> values(FormField field) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("fieldId", String.valueOf(field.id));
        values.put("type", field.type.name());
        values.put("labelNl", field.labelNl);
        values.put("labelEn", field.labelEn);
        values.put("helpNl", field.helpNl);
        values.put("helpEn", field.helpEn);
        values.put("required", field.required ? "true" : null);
        values.put("optionsNl", String.join("\n", field.options));
        values.put("optionsEn", String.join("\n", field.optionsEn));
        return values;
    }
}
