package nl.kennisagenda.backoffice.web;

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
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.AccountAdmin;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.backoffice.AdmMailMessages;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.web.CsrfGuard;

/** Everybody's own account: their name, and their password (the current one required; then log in again). */
@Path("/admin/account")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class OwnAccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(Actor actor, String csrfToken, String name, Map<String, String> errors,
                boolean nameSaved);
    }

    @Inject
    CurrentActor current;

    @Inject
    AccountAdmin admin;

    @Inject
    CsrfGuard csrf;

    @Inject
    CurrentLocale locale;

    @GET
    @Operation(hidden = true)
    public Response show(@RestQuery String notice) {
        Actor actor = current.get();
        return BackofficeResource.noStore(Response.ok(Templates.account(actor, csrf.token(), actor.name(), Map.of(),
                "name-saved".equals(notice))));
    }

    @POST
    @Path("name")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response name(MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        String name = AccountAdminResource.value(form, "name");
        try {
            admin.changeOwnName(actor, name);
            return Response.seeOther(URI.create("/admin/account?notice=name-saved")).build();
        } catch (AccountAdmin.InvalidFormException e) {
            return page(actor, name, e.problems);
        }
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response password(MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            admin.changeOwnPassword(actor, form.getFirst("current"), form.getFirst("password"),
                    form.getFirst("confirm"));
            // This session was opened with the old password too: it ends, and the person logs in again.
            return Response.seeOther(URI.create("/admin/login?password-changed=1")).build();
        } catch (AccountAdmin.InvalidFormException e) {
            return page(actor, actor.name(), e.problems);
        }
    }

    private Response page(Actor actor, String name, Map<String, String> problems) {
        AdmMailMessages m = MessageBundles.get(AdmMailMessages.class, Localized.Literal.of(locale.get().getLanguage()));
        Map<String, String> words = new LinkedHashMap<>();
        problems.forEach((field, problem) -> words.put(field, switch (field + ":" + problem) {
            case "name:invalid" -> m.account_error_name();
            case "current:wrong" -> m.me_error_current();
            case "current:locked" -> m.me_error_locked();
            case "password:long" -> m.reset_error_long();
            case "password:short" -> m.reset_error_short();
            default -> m.reset_error_mismatch();
        }));
        return BackofficeResource.noStore(Response.status(422)
                .entity(Templates.account(actor, csrf.token(), name, words, false)));
    }
}
