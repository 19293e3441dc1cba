package nl.kennisagenda.account.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import nl.kennisagenda.account.ApiTokenIdentityProvider;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.account.OrganisationDirectory;

/**
 * The smallest part of the admin API: who is calling, and which organisations they may read. Both answer for any
 * logged-in account or valid API token; what they list follows {@link nl.kennisagenda.account.AccessPolicy}.
 * (401 and 403 responses and the security schemes are added to every admin operation by
 * {@link nl.kennisagenda.web.ApiOnlyOpenApi}.)
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Admin", description = "The back-office as an API: log-in session or personal API token")
public class AdminAccountApiResource {

    @Inject
    CurrentActor current;

    @Inject
    SecurityIdentity identity;

    @Inject
    OrganisationDirectory organisations;

    @GET
    @Path("me")
    @Operation(summary = "Who am I", description = "The account behind the session or API token, with its role "
            + "and organisations. Useful to check a token.")
    @APIResponse(responseCode = "200", description = "The calling account",
            content = @Content(schema = @Schema(implementation = AdminMe.class)))
    public AdminMe me() {
        Actor actor = current.get();
        return new AdminMe(actor.email(), actor.name(), actor.role().name(),
                organisations.memberOf(actor).stream().map(o -> OrganisationRef.of(o, actor)).toList(),
                ApiTokenIdentityProvider.byToken(identity) ? "token" : "session");
    }

    @GET
    @Path("organisations")
    @Operation(summary = "Organisations the caller may read",
            description = "All organisations for administrators; for organisers and observers their own.")
    @APIResponse(responseCode = "200", description = "The organisations, by name",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OrganisationRef.class)))
    public List<OrganisationRef> organisations() {
        Actor actor = current.get();
        return organisations.readableBy(actor).stream().map(o -> OrganisationRef.of(o, actor)).toList();
    }
}
