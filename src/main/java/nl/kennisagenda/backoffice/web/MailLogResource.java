package nl.kennisagenda.backoffice.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

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
import nl.kennisagenda.backoffice.service.MailLog;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.web.CsrfGuard;

/**
 * The mail log: every mail the actor may see with its status ({@code /admin/mails}, and per event
 * {@code /admin/events/{eventId}/mails}), one mail as sent, and "opnieuw versturen" for a failed one. Who sees what
 * is decided by {@link MailLog}.
 */
@Path("/admin/mails")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class MailLogResource {

    /** The filter form as typed, and the links of the page. */
    public record ListView(String title, String action, String status, String kind, String q, List<String> statuses,
            List<MailKind> kinds, String previousUrl, String nextUrl) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Actor actor, String csrfToken, ListView view, MailLog.Page page);

        static native TemplateInstance detail(Actor actor, String csrfToken, MailLog.Detail mail, String notice);
    }

    @Inject
    CurrentActor current;

    @Inject
    MailLog log;

    @Inject
    CsrfGuard csrf;

    @GET
    @Operation(hidden = true)
    public Response list(@RestQuery String status, @RestQuery String kind, @RestQuery String q,
            @RestQuery Integer page) {
        return page(current.get(), null, null, "/admin/mails", status, kind, q, page);
    }

    Response page(Actor actor, Long eventId, String title, String action, String status, String kind, String q,
            Integer page) {
        MailLog.Shown shown = MailLog.Shown.fromCode(status).orElse(null);
        MailKind mailKind = Arrays.stream(MailKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElse(null);
        String recipient = q == null ? "" : q.strip();
        if (recipient.length() > 254) {
            recipient = recipient.substring(0, 254);
        }
        MailLog.Page found = log.list(actor, new MailLog.Filter(shown, mailKind, recipient, eventId),
                page == null ? 1 : page);
        String query = "?status=" + (shown == null ? "" : shown.code()) + "&kind=" + (mailKind == null ? ""
                : mailKind.name()) + "&q=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8) + "&page=";
        ListView view = new ListView(title, action, shown == null ? "" : shown.code(),
                mailKind == null ? "" : mailKind.name(), recipient,
                Arrays.stream(MailLog.Shown.values()).map(MailLog.Shown::code).toList(), List.of(MailKind.values()),
                found.page() > 1 ? action + query + (found.page() - 1) : null,
                found.page() < found.pages() ? action + query + (found.page() + 1) : null);
        return BackofficeResource.noStore(Response.ok(Templates.list(actor, csrf.token(), view, found)));
    }

    @GET
    @Path("{mailId}")
    @Operation(hidden = true)
    public Response detail(@RestPath long mailId, @RestQuery String notice) {
        Actor actor = current.get();
        MailLog.Detail mail = log.detail(actor, mailId).orElseThrow(NotFoundException::new);
        String shown = "retried".equals(notice) || "not-failed".equals(notice) ? notice : null;
        return BackofficeResource.noStore(Response.ok(Templates.detail(actor, csrf.token(), mail, shown)));
    }

    @POST
    @Path("{mailId}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response retry(@RestPath long mailId, MultivaluedMap<String, String> form) {
        boolean queued = log.retry(current.get(), mailId).orElseThrow(NotFoundException::new);
        return Response.seeOther(URI.create("/admin/mails/" + mailId + "?notice="
                + (queued ? "retried" : "not-failed"))).build();
    }

    /** The mails of one event. */
    @Path("/admin/events/{eventId}/mails")
    @Produces(MediaType.TEXT_HTML)
    @Authenticated
    public static class EventMailsResource {

        @Inject
        CurrentActor current;

        @Inject
        MailLogResource mails;

        @GET
        @Operation(hidden = true)
        public Response list(@RestPath long eventId, @RestQuery String status, @RestQuery String kind,
                @RestQuery String q, @RestQuery Integer page) {
            Actor actor = current.get();
            String title = Event.<Event>findByIdOptional(eventId).map(event -> event.title)
                    .orElseThrow(NotFoundException::new);
            return mails.page(actor, eventId, title, "/admin/events/" + eventId + "/mails", status, kind, q, page);
        }
    }
}
