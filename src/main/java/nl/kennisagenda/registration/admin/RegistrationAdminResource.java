package nl.kennisagenda.registration.admin;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.event.AttendanceMode;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.admin.RegistrationQueries.Counts;
import nl.kennisagenda.registration.admin.RegistrationQueries.Detail;
import nl.kennisagenda.registration.admin.RegistrationQueries.Filter;
import nl.kennisagenda.registration.admin.RegistrationQueries.Page;
import nl.kennisagenda.registration.service.InvalidSignupException;
import nl.kennisagenda.registration.service.RegistrationRefusedException;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;
import nl.kennisagenda.registration.service.SignupValidator;
import nl.kennisagenda.web.CsrfGuard;
import nl.kennisagenda.registration.web.FormView;
import nl.kennisagenda.registration.web.FormViews;
import nl.kennisagenda.registration.web.RegistrationInputs;

/**
 * The registrations of one event in the back-office: the list (search, filters, sorting, paging, counts), one
 * person's detail with history and mails, adding someone by hand, cancel, promote, approve, decline, move between
 * sessions, the approval switch, and the printable presence list. Thin: reads go to {@link RegistrationQueries},
 * changes to {@link RegistrationService}; both check the acting user. Every form POSTs with the CSRF token and
 * answers with a redirect (303) to the page that shows the result.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class RegistrationAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Actor actor, Event event, boolean canChange, Page page, Counts counts,
                ListForm filter, String done, String csrfToken);

        static native TemplateInstance detail(Actor actor, Event event, boolean canChange, Detail detail,
                String done, String problem, String csrfToken);

        static native TemplateInstance add(Actor actor, Event event, FormView form, boolean overbook,
                String overbookError, String csrfToken);

        static native TemplateInstance presence(Event event, List<RegistrationQueries.Row> rows);
    }

    /** The list's query parameters as typed, for re-showing the filter form and building links. */
    public record ListForm(String q, String status, String session, String presence, String sort, String dir,
            int page, String mode) {

        /** The query string for another page or sort, keeping the rest. */
        public String link(String newSort, String newDir, int newPage) {
            StringBuilder query = new StringBuilder("?");
            append(query, "q", q);
            append(query, "status", status);
            append(query, "session", session);
            append(query, "presence", presence);
            append(query, "mode", mode);
            append(query, "sort", newSort);
            append(query, "dir", newDir);
            if (newPage > 1) {
                append(query, "page", Integer.toString(newPage));
            }
            return query.length() == 1 ? "?" : query.substring(0, query.length() - 1);
        }

        public String pageLink(int newPage) {
            return link(sort, dir, newPage);
        }

        /** The link to the page before this one, or null on the first page. */
        public String previousLink(RegistrationQueries.Page page) {
            return page.page() > 1 ? pageLink(page.previous()) : null;
        }

        /** The link to the page after this one, or null on the last page. */
        public String nextLink(RegistrationQueries.Page page) {
            return page.page() < page.pages() ? pageLink(page.next()) : null;
        }

        /** Link for a column header: ascending, or descending when it is already sorted ascending on it. */
        public String sortLink(String column) {
            boolean ascendingNow = column.equals(sortOrDefault()) && !"desc".equals(dir);
            return link(column, ascendingNow ? "desc" : "asc", 1);
        }

        /** aria-sort of a column header. */
        public String ariaSort(String column) {
            if (!column.equals(sortOrDefault())) {
                return "none";
            }
            return "desc".equals(dir) ? "descending" : "ascending";
        }

        public String sortOrDefault() {
            return sort == null || sort.isBlank() ? "name" : sort;
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.append(name).append('=').append(java.net.URLEncoder.encode(value,
                        java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        }
    }

    @Inject
    AuditLog audit;

    @Inject
    CurrentActor current;

    @Inject
    RegistrationQueries queries;

    @Inject
    RegistrationService service;

    @Inject
    CsrfGuard csrf;

    @Inject
    CurrentLocale locale;

    @Inject
    FormViews forms;

    // ---------------------------------------------------------------- reading

    @GET
    @Path("events/{eventId}/registrations")
    @Operation(hidden = true)
    public Response list(@RestPath long eventId, @RestQuery String q, @RestQuery String status,
            @RestQuery String session, @RestQuery String presence, @RestQuery String sort, @RestQuery String dir,
            @RestQuery String page, @RestQuery String done, @RestQuery String mode) {
        Actor actor = current.get();
        Event event = queries.event(actor, eventId);
        ListForm form = new ListForm(trim(q, 200), enumName(status), longText(session),
                "present".equals(presence) || "absent".equals(presence) ? presence : null,
                sortName(sort), "desc".equals(dir) ? "desc" : null, intOr(page, 1),
                event.isHybrid() && AttendanceMode.parse(mode) != null ? AttendanceMode.parse(mode).name() : null);
        Filter filter = new Filter(form.q(), form.status() == null ? null : RegistrationStatus.valueOf(form.status()),
                form.session() == null ? null : Long.valueOf(form.session()), form.presence(), form.sort(),
                "desc".equals(form.dir()), form.page(), AttendanceMode.parse(form.mode()));
        Page found = queries.list(actor, eventId, filter);
        return noStore(Response.ok(Templates.list(actor, event, queries.canChange(actor, event), found,
                queries.counts(actor, eventId), form, done, csrf.token())));
    }

    @GET
    @Path("events/{eventId}/registrations/{registrationId}")
    @Operation(hidden = true)
    public Response detail(@RestPath long eventId, @RestPath long registrationId, @RestQuery String done) {
        return detailPage(eventId, registrationId, done, null, 200);
    }

    private Response detailPage(long eventId, long registrationId, String done, String problem, int status) {
        Actor actor = current.get();
        Event event = queries.event(actor, eventId);
        Detail detail = queries.detail(actor, eventId, registrationId, locale.get())
                .orElseThrow(NotFoundException::new);
        return noStore(Response.status(status).entity(Templates.detail(actor, event,
                queries.canChange(actor, event), detail, done == null ? null : trim(done, 40), problem,
                csrf.token())));
    }

    @GET
    @Path("events/{eventId}/presence")
    @Operation(hidden = true)
    public Response presence(@RestPath long eventId) {
        Actor actor = current.get();
        Event event = queries.event(actor, eventId);
        audit.recordAlone(ActedBy.of(actor), eventId, AuditLog.EXPORTED, "presence list");
        return noStore(Response.ok(Templates.presence(event, queries.confirmed(actor, eventId, null))));
    }

    // ---------------------------------------------------------------- exports (observers may download too)

    @GET
    @Path("events/{eventId}/registrations.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Response csv(@RestPath long eventId) {
        Actor actor = current.get();
        Event event = queries.event(actor, eventId);
        RegistrationExport.Columns columns = RegistrationExport.columns(event, locale.get());
        audit.recordAlone(ActedBy.of(actor), eventId, AuditLog.EXPORTED, "CSV");
        StreamingOutput body = out -> RegistrationExport.csv(columns,
                sink -> queries.forEachRow(actor, eventId, sink), out);
        return attachment(body, "text/csv; charset=UTF-8", RegistrationExport.fileName(event, "csv"));
    }

    @GET
    @Path("events/{eventId}/registrations.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(hidden = true)
    public Response xlsx(@RestPath long eventId) {
        Actor actor = current.get();
        Event event = queries.event(actor, eventId);
        RegistrationExport.Columns columns = RegistrationExport.columns(event, locale.get());
        String sheetName = AdmRegTexts.messages(locale.get()).sheet_name();
        audit.recordAlone(ActedBy.of(actor), eventId, AuditLog.EXPORTED, "XLSX");
        StreamingOutput body = out -> RegistrationExport.xlsx(columns, sheetName,
                sink -> queries.forEachRow(actor, eventId, sink), out);
        return attachment(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                RegistrationExport.fileName(event, "xlsx"));
    }

    /** A download: the body is written while the response goes out (streamed exports) or given whole. */
    static Response attachment(Object body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").build();
    }

    // ---------------------------------------------------------------- adding by hand

    @GET
    @Path("events/{eventId}/registrations/new")
    @Operation(hidden = true)
    public Response addForm(@RestPath long eventId) {
        Actor actor = current.get();
        Event event = queries.event(actor, eventId);
        AccessPolicy.requireCanChange(actor, event.organisation);
        return noStore(Response.ok(Templates.add(actor, event, forms.build(event, locale.get(), new SignupInput(Map.of(), List.of(), false), Map.of(),
                csrf.token(), null, true), false,
                null, csrf.token())));
    }

    @POST
    @Path("events/{eventId}/registrations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response add(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        Event event = queries.event(actor, eventId);
        AccessPolicy.requireCanChange(actor, event.organisation);
        SignupInput input = RegistrationInputs.fromForm(withoutOwnFields(form),
                SignupValidator.effectiveFields(event));
        boolean overbook = "true".equals(form.getFirst("overbook"));
        Locale language = locale.get();
        try {
            long id = service.addByOrganiser(actor, eventId, input, language, overbook).id;
            return seeOther("/admin/events/" + eventId + "/registrations/" + id + "?done=added");
        } catch (InvalidSignupException e) {
            return noStore(Response.status(422).entity(Templates.add(actor, event,
                    forms.build(event, language, input, e.errors(), csrf.token(), null, true), overbook, null,
                    csrf.token())));
        } catch (RegistrationRefusedException e) {
            AdmRegMessages m = AdmRegTexts.messages(language);
            String message = e.reason() == RegistrationRefusedException.Reason.ALREADY_REGISTERED
                    ? m.refused_already_registered() : m.refused_full_overbook();
            Map<String, String> errors = e.reason() == RegistrationRefusedException.Reason.ALREADY_REGISTERED
                    ? Map.of(FormField.EMAIL, message) : Map.of();
            return noStore(Response.status(e.reason() == RegistrationRefusedException.Reason.ALREADY_REGISTERED ? 422
                    : 409).entity(Templates.add(actor, event,
                            forms.build(event, language, input, errors, csrf.token(), null, true), overbook,
                            errors.isEmpty() ? message : null, csrf.token())));
        }
    }

    /** The form without the fields of this page itself (the sign-up validator refuses unknown keys). */
    private static MultivaluedMap<String, String> withoutOwnFields(MultivaluedMap<String, String> form) {
        MultivaluedMap<String, String> copy = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        form.forEach((key, values) -> {
            if (!key.equals("overbook") && !key.equals(CsrfGuard.FIELD)) {
                copy.put(key, values);
            }
        });
        return copy;
    }

    // ---------------------------------------------------------------- actions on one registration

    @POST
    @Path("events/{eventId}/registrations/{registrationId}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response cancel(@RestPath long eventId, @RestPath long registrationId, MultivaluedMap<String, String> form) {
        service.cancelByOrganiser(current.get(), eventId, registrationId);
        return done(eventId, registrationId, "cancelled");
    }

    @POST
    @Path("events/{eventId}/registrations/{registrationId}/promote")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response promote(@RestPath long eventId, @RestPath long registrationId, MultivaluedMap<String, String> form) {
        boolean overbook = "true".equals(form.getFirst("overbook"));
        return act(eventId, registrationId, "promoted",
                () -> service.promote(current.get(), eventId, registrationId, overbook));
    }

    @POST
    @Path("events/{eventId}/registrations/{registrationId}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response approve(@RestPath long eventId, @RestPath long registrationId, MultivaluedMap<String, String> form) {
        return act(eventId, registrationId, "approved",
                () -> service.approve(current.get(), eventId, registrationId));
    }

    @POST
    @Path("events/{eventId}/registrations/{registrationId}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decline(@RestPath long eventId, @RestPath long registrationId, MultivaluedMap<String, String> form) {
        return act(eventId, registrationId, "declined",
                () -> service.decline(current.get(), eventId, registrationId));
    }

    @POST
    @Path("events/{eventId}/registrations/{registrationId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response move(@RestPath long eventId, @RestPath long registrationId, MultivaluedMap<String, String> form) {
        Long from = parseLong(form.getFirst("from"));
        Long to = parseLong(form.getFirst("to"));
        if (from == null || to == null) {
            return detailPage(eventId, registrationId, null, RegistrationRefusedException.Reason.NOT_SAME_ROUND.name(),
                    400);
        }
        return act(eventId, registrationId, "moved",
                () -> service.move(current.get(), eventId, registrationId, from, to));
    }

    @POST
    @Path("events/{eventId}/registrations/{registrationId}/checkin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response checkIn(@RestPath long eventId, @RestPath long registrationId,
            MultivaluedMap<String, String> form) {
        return act(eventId, registrationId, "checked-in",
                () -> service.checkIn(current.get(), eventId, registrationId));
    }

    @POST
    @Path("events/{eventId}/registrations/{registrationId}/checkin/undo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response undoCheckIn(@RestPath long eventId, @RestPath long registrationId,
            MultivaluedMap<String, String> form) {
        service.undoCheckIn(current.get(), eventId, registrationId);
        return done(eventId, registrationId, "check-in-undone");
    }

    /** The minimal switch for "aanmelding onder voorbehoud" (the event editor gets the real checkbox). */
    @POST
    @Path("events/{eventId}/registrations/approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response approval(@RestPath long eventId, MultivaluedMap<String, String> form) {
        boolean on = "true".equals(form.getFirst("requiresApproval"));
        service.setRequiresApproval(current.get(), eventId, on);
        return seeOther("/admin/events/" + eventId + "/registrations?done=" + (on ? "approval-on" : "approval-off"));
    }

    private Response act(long eventId, long registrationId, String done, Runnable action) {
        try {
            action.run();
        } catch (RegistrationRefusedException e) {
            return detailPage(eventId, registrationId, null, e.reason().name(), 409);
        }
        return done(eventId, registrationId, done);
    }

    private static Response done(long eventId, long registrationId, String done) {
        return seeOther("/admin/events/" + eventId + "/registrations/" + registrationId + "?done=" + done);
    }

    // ---------------------------------------------------------------- helpers

    static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).header("Cache-Control", "no-store").build();
    }

    static Response noStore(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store").build();
    }

    static String trim(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }

    private static String enumName(String status) {
        if (status == null) {
            return null;
        }
        for (RegistrationStatus candidate : RegistrationStatus.values()) {
            if (candidate.name().equals(status)) {
                return status;
            }
        }
        return null;
    }

    private static String sortName(String sort) {
        return sort != null && List.of("name", "created", "status", "organisation", "checkin").contains(sort) ? sort
                : null;
    }

    private static String longText(String value) {
        return parseLong(value) == null ? null : value.strip();
    }

    static Long parseLong(String value) {
        if (value == null || value.isBlank() || value.length() > 18) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int intOr(String value, int fallback) {
        Long parsed = parseLong(value);
        return parsed == null || parsed < 1 || parsed > 100_000 ? fallback : parsed.intValue();
    }

    /** For templates: now, to tell whether the event is over (no-shows). */
    static Instant now() {
        return Instant.now();
    }
}
