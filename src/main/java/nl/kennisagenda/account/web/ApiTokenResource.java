package nl.kennisagenda.account.web;

import java.net.URI;
import java.time.LocalDate;

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
import nl.kennisagenda.account.AdminApiChallenge;
import nl.kennisagenda.account.ApiTokens;
import nl.kennisagenda.account.ApiTokens.NewToken;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.web.CsrfGuard;

/**
 * The back-office page for personal API tokens: list your own (administrators: everybody's), make one (its secret is
 * on the answer to the POST, and nowhere else, ever), revoke one. Made tokens act as their account on
 * {@code /api/admin/…}.
 */
@Path("/admin/tokens")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ApiTokenResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(Actor actor, TokenPage page, String csrfToken);
    }

    @Inject
    CurrentActor current;

    @Inject
    ApiTokens tokens;

    @Inject
    CsrfGuard csrf;

    @Inject
    CurrentLocale locale;

    @GET
    @Operation(hidden = true)
    public Response list(@RestQuery String revoked) {
        Actor actor = current.get();
        return page(200, actor, null, "1".equals(revoked), TokenForm.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        TokenForm typed = TokenForm.read(form, LocalDate.now(Dates.AMSTERDAM),
                AdminApiChallenge.texts(locale.get()));
        if (typed.invalid()) {
            return page(422, actor, null, false, typed);
        }
        NewToken made = tokens.create(actor, typed.name(), typed.expiresAt());
        // The secret is in this answer only: not in a redirect's address, not stored, not cached.
        return page(200, actor, made, false, TokenForm.empty());
    }

    @POST
    @Path("{tokenId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response revoke(@RestPath long tokenId, MultivaluedMap<String, String> form) {
        tokens.revoke(current.get(), tokenId).orElseThrow(NotFoundException::new);
        return Response.seeOther(URI.create("/admin/tokens?revoked=1")).header("Cache-Control", "no-store").build();
    }

    private Response page(int status, Actor actor, NewToken created, boolean revoked, TokenForm form) {
        TokenPage page = new TokenPage(tokens.own(actor), actor.isAdministrator() ? tokens.all(actor) : null,
                created, revoked, form);
        return Response.status(status).entity(Templates.tokens(actor, page, csrf.token()))
                .header("Cache-Control", "no-store").build();
    }
}
