package nl.kennisagenda.backoffice.editor.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
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
import nl.kennisagenda.backoffice.editor.ImageEditor;
import nl.kennisagenda.backoffice.editor.ImageEditor.ImageInput;
import nl.kennisagenda.backoffice.editor.InvalidEditException;
import nl.kennisagenda.backoffice.editor.SpeakerLibrary;
import nl.kennisagenda.backoffice.editor.SpeakerLibrary.SpeakerInput;
import nl.kennisagenda.event.Speaker;
import nl.kennisagenda.image.ImageProcessor;
import nl.kennisagenda.web.CsrfGuard;

/** The speaker library: the list, a new speaker, and one speaker's details with their portrait. */
@Path("/admin/speakers")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SpeakerLibraryResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance speakers(Actor actor, List<Speaker> speakers, boolean canCreate,
                String csrfToken);

        static native TemplateInstance speaker(Actor actor, Speaker speaker, boolean canChange, EditorForm form,
                EditorForm portraitForm, boolean saved, String csrfToken);
    }

    @Inject
    CurrentActor current;

    @Inject
    SpeakerLibrary library;

    @Inject
    ImageEditor images;

    @Inject
    ImageProcessor limits;

    @Inject
    CsrfGuard csrf;

    @GET
    @Operation(hidden = true)
    public Response speakers() {
        Actor actor = current.get();
        return noStore(Response.ok(Templates.speakers(actor, library.visible(actor), library.canCreate(actor),
                csrf.token())));
    }

    @GET
    @Path("new")
    @Operation(hidden = true)
    public Response newSpeaker() {
        Actor actor = current.get();
        if (!library.canCreate(actor)) {
            throw new io.quarkus.security.ForbiddenException();
        }
        return noStore(Response.ok(Templates.speaker(actor, null, true, EditorForm.empty(), EditorForm.empty(),
                false, csrf.token())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            Speaker speaker = library.create(actor, input(form));
            return redirect(speaker.id);
        } catch (InvalidEditException problem) {
            return noStore(Response.status(422).entity(Templates.speaker(actor, null, true,
                    EditorForm.posted(form, problem), EditorForm.empty(), false, csrf.token())));
        }
    }

    @GET
    @Path("{speakerId}")
    @Operation(hidden = true)
    public Response speaker(@RestPath long speakerId, @RestQuery String saved) {
        Actor actor = current.get();
        Speaker speaker = library.readable(actor, speakerId);
        return noStore(Response.ok(Templates.speaker(actor, speaker, library.canChange(actor, speaker),
                EditorForm.of(values(speaker)), EditorForm.of(altValues(speaker)), saved != null, csrf.token())));
    }

    @POST
    @Path("{speakerId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@RestPath long speakerId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            library.update(actor, speakerId, input(form));
            return redirect(speakerId);
        } catch (InvalidEditException problem) {
            Speaker speaker = library.readable(actor, speakerId);
            return noStore(Response.status(422).entity(Templates.speaker(actor, speaker, true,
                    EditorForm.posted(form, problem), EditorForm.of(altValues(speaker)), false, csrf.token())));
        }
    }

    /** The portrait upload (multipart; the CSRF token is a part of it like any other field). */
    @POST
    @Path("{speakerId}/portrait")
    @Operation(hidden = true)
    // Multipart only: a form-encoded body is refused (415) before the framework tries to read it as a form.
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response portrait(@RestPath long speakerId, @RestForm("_csrf") String token, @RestForm FileUpload file,
            @RestForm String altNl, @RestForm String altEn) {
        csrf.verify(token);
        Actor actor = current.get();
        try {
            images.setPortrait(actor, speakerId, new ImageInput(Uploads.bytes(file, limits),
                    file == null ? 0 : file.size(), altNl, altEn));
            return redirect(speakerId);
        } catch (InvalidEditException problem) {
            Speaker speaker = library.readable(actor, speakerId);
            MultivaluedMap<String, String> typed = new MultivaluedHashMap<>();
            typed.putSingle("altNl", altNl);
            typed.putSingle("altEn", altEn);
            return noStore(Response.status(422).entity(Templates.speaker(actor, speaker, true,
                    EditorForm.of(values(speaker)), EditorForm.posted(typed, problem), false, csrf.token())));
        }
    }

    @POST
    @Path("{speakerId}/portrait/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response removePortrait(@RestPath long speakerId, MultivaluedMap<String, String> form) {
        images.removePortrait(current.get(), speakerId);
        return redirect(speakerId);
    }

    private static SpeakerInput input(MultivaluedMap<String, String> form) {
        return new SpeakerInput(form.getFirst("name"), form.getFirst("role"), form.getFirst("organisationName"),
                form.getFirst("bioNl"), form.getFirst("bioEn"));
    }

    private static Map<String, String> values(Speaker speaker) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", speaker.name);
        values.put("role", speaker.role);
        values.put("organisationName", speaker.organisationName);
        values.put("bioNl", speaker.bio);
        values.put("bioEn", speaker.bioEn);
        return values;
    }

    private static Map<String, String> altValues(Speaker speaker) {
        Map<String, String> values = new LinkedHashMap<>();
        if (speaker.portrait != null) {
            values.put("altNl", speaker.portrait.altNl);
            values.put("altEn", speaker.portrait.altEn);
        }
        return values;
    }

    private static Response redirect(long speakerId) {
        return Response.seeOther(URI.create("/admin/speakers/" + speakerId + "?saved=1"))
                .header("Cache-Control", "no-store").build();
    }

    private static Response noStore(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store").build();
    }
}
