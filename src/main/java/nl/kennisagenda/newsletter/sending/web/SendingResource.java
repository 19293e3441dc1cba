package nl.kennisagenda.newsletter.sending.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

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
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.Dates;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.sending.NewsSendMessages;
import nl.kennisagenda.newsletter.sending.SendingService;
import nl.kennisagenda.web.CsrfGuard;

/**
 * Progress of an issue's send ({@code /admin/newsletter/issues/{issueId}/sending}): sent of total, rate, time left,
 * failures and skips, with pause and resume; the totals once it is sent. Access is checked by
 * {@link SendingService}.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SendingResource {

    /** The figures as the page prints them. */
    public record ProgressView(SendingService.Progress progress, String status, String rate, String timeLeft, String startedAt,
            String pausedAt, String finishedAt, String notice) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance progress(Actor actor, String csrfToken, ProgressView view);
    }

    @Inject
    CurrentActor current;

    @Inject
    CurrentLocale locale;

    @Inject
    SendingService sending;

    @Inject
    CsrfGuard csrf;

    @GET
    @Path("newsletter/issues/{issueId}/sending")
    @Operation(hidden = true)
    public Response progress(@RestPath long issueId, @RestQuery String notice) {
        Actor actor = current.get();
        SendingService.Progress progress = sending.progress(actor, issueId, Instant.now())
                .orElseThrow(NotFoundException::new);
        Locale lang = locale.get();
        String shown = notice != null && notice.matches("paused|resumed|not-changed") ? notice : null;
        ProgressView view = new ProgressView(progress, statusLabel(progress.status(), lang), String.format(lang, "%.1f", progress.perSecond()),
                minutes(progress.timeLeft()), moment(progress.startedAt(), lang), moment(progress.pausedAt(), lang),
                moment(progress.finishedAt(), lang), shown);
        // Figures of a running send, and an organiser's page: never from a cache.
        return Response.ok(Templates.progress(actor, csrf.token(), view)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("newsletter/issues/{issueId}/sending/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response pause(@RestPath long issueId, MultivaluedMap<String, String> form) {
        boolean paused = sending.pause(current.get(), issueId).orElseThrow(NotFoundException::new);
        return back(issueId, paused ? "paused" : "not-changed");
    }

    @POST
    @Path("newsletter/issues/{issueId}/sending/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resume(@RestPath long issueId, MultivaluedMap<String, String> form) {
        boolean resumed = sending.resume(current.get(), issueId).orElseThrow(NotFoundException::new);
        return back(issueId, resumed ? "resumed" : "not-changed");
    }

    private static Response back(long issueId, String notice) {
        return Response.seeOther(URI.create("/admin/newsletter/issues/" + issueId + "/sending?notice=" + notice))
                .build();
    }

    /** The status in words, in the page's language. */
    private static String statusLabel(IssueStatus status, Locale lang) {
        NewsSendMessages m = MessageBundles.get(NewsSendMessages.class,
                Localized.Literal.of(lang.getLanguage().equals("en") ? "en" : "nl"));
        return switch (status) {
            case SCHEDULED -> m.status_SCHEDULED();
            case SENDING -> m.status_SENDING();
            case PAUSED -> m.status_PAUSED();
            case SENT -> m.status_SENT();
            default -> m.status_OTHER();
        };
    }

    private static String moment(Instant instant, Locale lang) {
        return instant == null ? null : Dates.day(instant, lang) + " " + Dates.time(instant);
    }

    /** "12 min", "< 1 min": the same in Dutch and English. */
    private static String minutes(Duration left) {
        if (left == null) {
            return null;
        }
        long minutes = (left.getSeconds() + 59) / 60;
        return minutes <= 1 ? "< 1 min" : minutes + " min";
    }
}
