package nl.kennisagenda.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.web.CsrfGuard;

/**
 * The audit log page {@code /admin/audit}: newest first, filtered by action, who and a date range, 50 a page. What
 * each actor sees is decided by {@link AuditQueries}. Read only.
 */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AuditResource {

    /** The filter as typed (texts, so the form shows it back) and the paging links. */
    public record View(String action, String who, String from, String to, List<String> actions, String previousUrl,
            String nextUrl) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Actor actor, String csrfToken, View view, AuditQueries.Page page);
    }

    @Inject
    CurrentActor current;

    @Inject
    AuditQueries queries;

    @Inject
    CsrfGuard csrf;

    @GET
    @Operation(hidden = true)
    public Response list(@RestQuery String action, @RestQuery String who, @RestQuery String from,
            @RestQuery String to, @RestQuery Integer page) {
        Actor actor = current.get();
        List<String> actions = queries.actions(actor);
        String chosenAction = action != null && actions.contains(action) ? action : null;
        String whoText = who == null || who.isBlank() ? null : cut(who.strip(), 200);
        LocalDate fromDate = date(from);
        LocalDate toDate = date(to);
        AuditQueries.Page found = queries.list(actor,
                new AuditQueries.Filter(chosenAction, whoText, fromDate, toDate), page == null ? 1 : page);
        String query = "/admin/audit?action=" + encode(chosenAction) + "&who=" + encode(whoText) + "&from="
                + (fromDate == null ? "" : fromDate) + "&to=" + (toDate == null ? "" : toDate) + "&page=";
        View view = new View(chosenAction == null ? "" : chosenAction, whoText == null ? "" : whoText,
                fromDate == null ? "" : fromDate.toString(), toDate == null ? "" : toDate.toString(), actions,
                found.page() > 1 ? query + (found.page() - 1) : null,
                found.page() < found.pages() ? query + (found.page() + 1) : null);
        return Response.ok(Templates.list(actor, csrf.token(), view, found)).header("Cache-Control", "no-store")
                .build();
    }

    /** A date as an {@code <input type="date">} sends it; anything else is a bad request. */
    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("unreadable date");
        }
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
