package nl.kennisagenda.registration.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.admin.AttendanceService.Preview;
import nl.kennisagenda.registration.admin.ParticipantList.UnreadableListException;
import nl.kennisagenda.registration.admin.RegistrationQueries.Counts;
import nl.kennisagenda.registration.admin.RegistrationQueries.Row;
import nl.kennisagenda.web.CsrfGuard;

/**
 * Attendance after the start (docs/attendance.md): upload a participant list (multipart, CSRF checked here as for
 * every upload), see what matched, confirm; or tick present and absent in one list and save. Thin: the rules are in
 * {@link AttendanceService}, reading the file in {@link ParticipantList}. Without JavaScript throughout.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AttendanceResource {

    /** What the attendance page shows beside the event. */
    public record View(boolean canChange, boolean open, Counts counts, List<Row> rows, String q, String presence,
            String done, int marked, int other, String error, boolean fileError, String maxSize) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance attendance(Actor actor, Event event, View view, String csrfToken);

        static native TemplateInstance preview(Actor actor, Event event, Preview preview, String csrfToken);
    }

    @Inject
    CurrentActor current;

    @Inject
    RegistrationQueries queries;

    @Inject
    AttendanceService attendance;

    @Inject
    AttendanceConfig config;

    @Inject
    CsrfGuard csrf;

    @Inject
    CurrentLocale locale;

    @GET
    @Path("events/{eventId}/attendance")
    @Operation(hidden = true)
    public Response page(@RestPath long eventId, @RestQuery String q, @RestQuery String presence,
            @RestQuery String done, @RestQuery String marked, @RestQuery String other) {
        String shown = "saved".equals(done) || "imported".equals(done) ? done : null;
        return page(eventId, q, presence, shown, count(marked), count(other), null, false, 200);
    }

    /** Step 1: read the file and show what a confirmation would do; nothing changes yet. */
    @POST
    @Path("events/{eventId}/attendance/upload")
    @Operation(hidden = true)
    // Multipart only: a form-encoded body is refused (415) before the framework tries to read it as a form.
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestPath long eventId, @RestForm("_csrf") String token, @RestForm FileUpload file) {
        csrf.verify(token);
        Actor actor = current.get();
        Event event = queries.event(actor, eventId);
        AccessPolicy.requireCanChange(actor, event.organisation);
        AdmAttMessages m = AdmAttTexts.messages(locale.get());
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return page(eventId, null, null, null, 0, 0, m.error_no_file(), true, 422);
        }
        if (file.size() > config.maxBytes()) {
            return page(eventId, null, null, null, 0, 0, m.error_too_large(maxSize()), true, 413);
        }
        try {
            ParticipantList.Result list = ParticipantList.read(Files.readAllBytes(file.uploadedFile()));
            Preview preview = attendance.preview(actor, eventId, list, file.fileName());
            return noStore(Response.ok(Templates.preview(actor, event, preview, csrf.token())));
        } catch (UnreadableListException e) {
            String message = switch (e.problem()) {
                case EMPTY -> m.error_empty();
                case SPREADSHEET -> m.error_spreadsheet();
                case NO_EMAIL_COLUMN -> m.error_no_email_column();
            };
            return page(eventId, null, null, null, 0, 0, message, true, 422);
        } catch (AttendanceRefusedException e) {
            return refused(eventId, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Step 2: mark the people of the preview present. */
    @POST
    @Path("events/{eventId}/attendance/import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response confirm(@RestPath long eventId, MultivaluedMap<String, String> form) {
        try {
            AttendanceService.Imported imported = attendance.confirm(current.get(), eventId, form.getFirst("ticket"));
            return RegistrationAdminResource.seeOther("/admin/events/" + eventId + "/attendance?done=imported&marked="
                    + imported.marked() + "&other=" + imported.skipped());
        } catch (AttendanceRefusedException e) {
            return refused(eventId, e);
        }
    }

    /** By hand: the people listed on the page, present when ticked and absent when not. */
    @POST
    @Path("events/{eventId}/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveByHand(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Set<Long> shown = ids(form.get("shown"));
        Set<Long> present = ids(form.get("present"));
        String q = RegistrationAdminResource.trim(form.getFirst("q"), 200);
        String presence = presence(form.getFirst("presence"));
        try {
            AttendanceService.Saved saved = attendance.saveByHand(current.get(), eventId, shown, present);
            return RegistrationAdminResource.seeOther("/admin/events/" + eventId + "/attendance?done=saved&marked="
                    + saved.marked() + "&other=" + saved.unmarked() + (q == null ? "" : "&q=" + encode(q))
                    + (presence == null ? "" : "&presence=" + presence));
        } catch (AttendanceRefusedException e) {
            return refused(eventId, e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Response page(long eventId, String q, String presence, String done, int marked, int other,
            String error, boolean fileError, int status) {
        Actor actor = current.get();
        Event event = queries.event(actor, eventId);
        String query = RegistrationAdminResource.trim(q, 200);
        String filter = presence(presence);
        boolean open = attendance.isOpen(event);
        View view = new View(queries.canChange(actor, event), open, queries.counts(actor, eventId),
                open ? attendance.confirmed(actor, eventId, query, filter) : List.of(), query, filter, done, marked,
                other, error, fileError, maxSize());
        return noStore(Response.status(status).entity(Templates.attendance(actor, event, view, csrf.token())));
    }

    private Response refused(long eventId, AttendanceRefusedException e) {
        Locale language = locale.get();
        AdmAttMessages m = AdmAttTexts.messages(language);
        Event event = queries.event(current.get(), eventId);
        return switch (e.reason()) {
            case NOT_STARTED -> page(eventId, null, null, null, 0, 0, m.error_not_started(
                    Dates.day(event.startsAt, language) + ", " + Dates.time(event.startsAt)), false, 409);
            case PREVIEW_INVALID -> page(eventId, null, null, null, 0, 0, m.error_preview_invalid(), false, 409);
            case TOO_MANY -> page(eventId, null, null, null, 0, 0,
                    m.error_too_many(Integer.toString(AttendanceTickets.MAX_IDS)), true, 422);
        };
    }

    /** "2 MB": the upload limit for people. */
    private String maxSize() {
        int bytes = config.maxBytes();
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : Math.max(1, bytes / 1024) + " kB";
    }

    private static Set<Long> ids(List<String> values) {
        Set<Long> ids = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                Long id = RegistrationAdminResource.parseLong(value);
                if (id != null && ids.size() < AttendanceTickets.MAX_IDS) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static String presence(String value) {
        return "present".equals(value) || "absent".equals(value) ? value : null;
    }

    private static int count(String value) {
        Long parsed = RegistrationAdminResource.parseLong(value);
        return parsed == null || parsed < 0 || parsed > 1_000_000 ? 0 : parsed.intValue();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Response noStore(Response.ResponseBuilder builder) {
        return RegistrationAdminResource.noStore(builder);
    }
}
