package nl.kennisagenda.privacy.web;

import java.net.URI;
import java.util.LinkedHashMap;
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
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.privacy.PrivacyMessages;
import nl.kennisagenda.privacy.PrivacyStatements;
import nl.kennisagenda.privacy.PrivacyStatements.Editing;
import nl.kennisagenda.privacy.PrivacyStatements.StatementInput;
import nl.kennisagenda.web.CsrfGuard;

/** An organisation's privacy statement in the back-office: the form (each save a new version) and the history. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PrivacyAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(Actor actor, String csrfToken, Editing editing, StatementInput fields,
                Map<String, String> errors, Integer saved);
    }

    @Inject
    CurrentActor current;

    @Inject
    PrivacyStatements statements;

    @Inject
    CsrfGuard csrf;

    @Inject
    CurrentLocale locale;

    @GET
    @Path("organisations/{slug}/privacy")
    @Operation(hidden = true)
    public Response edit(@RestPath String slug, @RestQuery Integer saved) {
        Actor actor = current.get();
        Editing editing = statements.editing(actor, slug);
        return noStore(Response.ok(Templates.edit(actor, csrf.token(), editing, editing.current(), Map.of(), saved)));
    }

    @POST
    @Path("organisations/{slug}/privacy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@RestPath String slug, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        StatementInput fields = new StatementInput(value(form, "textNl"), value(form, "textEn"),
                value(form, "contact"), value(form, "retentionNl"), value(form, "retentionEn"));
        try {
            int version = statements.save(actor, slug, fields).version;
            return Response.seeOther(URI.create("/admin/organisations/" + slug + "/privacy?saved=" + version)).build();
        } catch (PrivacyStatements.InvalidStatementException e) {
            Editing editing = statements.editing(actor, slug);
            return noStore(Response.status(422).entity(Templates.edit(actor, csrf.token(), editing, fields,
                    words(e.problems), null)));
        }
    }

    private Map<String, String> words(Map<String, String> problems) {
        PrivacyMessages m = PrivacyStatements.messages(locale.get());
        Map<String, String> words = new LinkedHashMap<>();
        problems.forEach((field, problem) -> words.put(field, "tooLong".equals(problem) ? m.error_too_long()
                : switch (field) {
                    case "textNl" -> m.error_text();
                    case "contact" -> m.error_contact();
                    default -> m.error_retention();
                }));
        return words;
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static Response noStore(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store").build();
    }
}
