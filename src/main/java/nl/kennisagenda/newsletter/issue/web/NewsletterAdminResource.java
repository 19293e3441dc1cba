package nl.kennisagenda.newsletter.issue.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
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
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.newsletter.NewsletterIssue;
import nl.kennisagenda.newsletter.issue.InvalidIssueException;
import nl.kennisagenda.newsletter.issue.IssueEditing;
import nl.kennisagenda.newsletter.issue.IssueEditing.Detail;
import nl.kennisagenda.newsletter.issue.IssueEditing.Overview;
import nl.kennisagenda.newsletter.issue.IssueEditions;
import nl.kennisagenda.newsletter.issue.IssueInput;
import nl.kennisagenda.newsletter.issue.NewsletterSettings;
import nl.kennisagenda.newsletter.issue.SettingsInput;
import nl.kennisagenda.web.CsrfGuard;

/**
 * The organisers' newsletter pages: an organisation's settings and issues, and the issue editor (texts, preview in
 * the browser, test mail, schedule or send now, cancel while scheduled). Thin: {@link IssueEditing} checks access
 * and rules; errors come back as the form again with 422.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class NewsletterAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance newsletter(Actor actor, Overview overview, IssueForm form,
                List<DayOfWeek> weekdays, String notice, String csrfToken);

        static native TemplateInstance issue(Actor actor, Detail detail, IssueForm form, String notice,
                String csrfToken);

        static native TemplateInstance preview(Actor actor, NewsletterIssue issue, IssueEditions.Edition edition,
                boolean english, String csrfToken);
    }

    @Inject
    CurrentActor current;

    @Inject
    IssueEditing editing;

    @Inject
    CsrfGuard csrf;

    // ---- an organisation's newsletter -------------------------------------------------------------------------

    @GET
    @Path("organisations/{slug}/newsletter")
    @Operation(hidden = true)
    public Response newsletter(@RestPath String slug, @RestQuery String done) {
        Actor actor = current.get();
        Overview overview = editing.overview(actor, slug);
        return settingsPage(actor, overview, IssueForm.of(settingsValues(overview.settings())), done, 200);
    }

    @POST
    @Path("organisations/{slug}/newsletter/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveSettings(@RestPath String slug, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            editing.saveSettings(actor, slug, new SettingsInput(ticked(form, "enabled"), form.getFirst("weekday"),
                    form.getFirst("timeOfDay"), ticked(form, "everyOtherWeek"), form.getFirst("anchorDate"),
                    form.getFirst("weeksAhead"), ticked(form, "autoSend"), ticked(form, "includeMaterials"),
                    form.getFirst("materialWeeks")));
        } catch (InvalidIssueException problem) {
            return settingsPage(actor, editing.overview(actor, slug), IssueForm.posted(form, problem), null, 422);
        }
        return seeOther("/admin/organisations/" + slug + "/newsletter?done=settings");
    }

    @POST
    @Path("organisations/{slug}/newsletter/issues")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response createIssue(@RestPath String slug, MultivaluedMap<String, String> form) {
        NewsletterIssue issue = editing.create(current.get(), slug);
        return seeOther("/admin/newsletter/issues/" + issue.id + "?done=created");
    }

    // ---- one issue --------------------------------------------------------------------------------------------

    @GET
    @Path("newsletter/issues/{issueId}")
    @Operation(hidden = true)
    public Response issue(@RestPath long issueId, @RestQuery String done) {
        Actor actor = current.get();
        Detail detail = editing.detail(actor, issueId);
        return issuePage(actor, detail, IssueForm.of(issueValues(detail.issue())), done, 200);
    }

    @POST
    @Path("newsletter/issues/{issueId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@RestPath long issueId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            editing.update(actor, issueId, new IssueInput(form.getFirst("subjectNl"), form.getFirst("introNl"),
                    form.getFirst("freeNl"), form.getFirst("subjectEn"), form.getFirst("introEn"),
                    form.getFirst("freeEn")));
        } catch (InvalidIssueException problem) {
            return issuePage(actor, editing.detail(actor, issueId), IssueForm.posted(form, problem), null, 422);
        }
        return seeOther("/admin/newsletter/issues/" + issueId + "?done=saved");
    }

    @GET
    @Path("newsletter/issues/{issueId}/preview")
    @Operation(hidden = true)
    public Response preview(@RestPath long issueId, @RestQuery String edition) {
        Actor actor = current.get();
        boolean english = "en".equals(edition);
        IssueEditions.Edition rendered = editing.preview(actor, issueId, english);
        Detail detail = editing.detail(actor, issueId);
        return noStore(Response.ok(Templates.preview(actor, detail.issue(), rendered, english, csrf.token())));
    }

    @POST
    @Path("newsletter/issues/{issueId}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response testMail(@RestPath long issueId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        boolean english = "en".equals(form.getFirst("edition"));
        try {
            editing.sendTestMail(actor, issueId, english);
        } catch (InvalidIssueException problem) {
            return refused(actor, issueId, problem);
        }
        return seeOther("/admin/newsletter/issues/" + issueId + "?done=test-" + (english ? "en" : "nl"));
    }

    @POST
    @Path("newsletter/issues/{issueId}/schedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response schedule(@RestPath long issueId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            editing.schedule(actor, issueId, form.getFirst("sendAt"), false);
        } catch (InvalidIssueException problem) {
            Detail detail = editing.detail(actor, issueId);
            Map<String, String> values = issueValues(detail.issue());
            values.put("sendAt", form.getFirst("sendAt") == null ? "" : form.getFirst("sendAt"));
            return issuePage(actor, detail, new IssueForm(values, problem.errors), null, 422);
        }
        return seeOther("/admin/newsletter/issues/" + issueId + "?done=scheduled");
    }

    @POST
    @Path("newsletter/issues/{issueId}/send-now")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response sendNow(@RestPath long issueId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            editing.schedule(actor, issueId, null, true);
        } catch (InvalidIssueException problem) {
            return refused(actor, issueId, problem);
        }
        return seeOther("/admin/newsletter/issues/" + issueId + "?done=sending");
    }

    @POST
    @Path("newsletter/issues/{issueId}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response cancel(@RestPath long issueId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            editing.cancel(actor, issueId);
        } catch (InvalidIssueException problem) {
            return refused(actor, issueId, problem);
        }
        return seeOther("/admin/newsletter/issues/" + issueId + "?done=cancelled");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Response settingsPage(Actor actor, Overview overview, IssueForm form, String done, int status) {
        return noStore(Response.status(status).entity(Templates.newsletter(actor, overview, form,
                List.of(DayOfWeek.values()), done, csrf.token())));
    }

    private Response issuePage(Actor actor, Detail detail, IssueForm form, String done, int status) {
        return noStore(Response.status(status).entity(Templates.issue(actor, detail, form, done, csrf.token())));
    }

    private Response refused(Actor actor, long issueId, InvalidIssueException problem) {
        Detail detail = editing.detail(actor, issueId);
        return issuePage(actor, detail, new IssueForm(issueValues(detail.issue()), problem.errors), null, 422);
    }

    static Map<String, String> settingsValues(NewsletterSettings settings) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("enabled", String.valueOf(settings.enabled));
        values.put("weekday", String.valueOf(settings.weekday));
        values.put("timeOfDay", settings.timeOfDay.format(DateTimeFormatter.ofPattern("HH:mm")));
        values.put("everyOtherWeek", String.valueOf(settings.everyOtherWeek));
        values.put("anchorDate", settings.anchorDate.toString());
        values.put("weeksAhead", String.valueOf(settings.weeksAhead));
        values.put("autoSend", String.valueOf(settings.autoSend));
        values.put("includeMaterials", String.valueOf(settings.includeMaterials));
        values.put("materialWeeks", String.valueOf(settings.materialWeeks));
        return values;
    }

    static Map<String, String> issueValues(NewsletterIssue issue) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("subjectNl", nullToEmpty(issue.subjectNl));
        values.put("introNl", nullToEmpty(issue.introNl));
        values.put("freeNl", nullToEmpty(issue.freeNl));
        values.put("subjectEn", nullToEmpty(issue.subjectEn));
        values.put("introEn", nullToEmpty(issue.introEn));
        values.put("freeEn", nullToEmpty(issue.freeEn));
        values.put("sendAt", issue.sendAt == null ? "" : Dates.local(issue.sendAt).toLocalDateTime()
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        return values;
    }

    private static boolean ticked(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return "on".equals(value) || "true".equals(value);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static Response seeOther(String path) {
        return noStore(Response.seeOther(URI.create(path)));
    }

    private static Response noStore(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store").build();
    }
}
