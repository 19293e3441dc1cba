package nl.kennisagenda.account.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who is calling the admin API. */
@Schema(name = "AdminMe", description = "The account behind the request (session or API token)")
public record AdminMe(
        @Schema(required = true, example = "platform31@example.org") String email,
        @Schema(required = true, example = "Organisator Platform31") String name,
        @Schema(required = true, enumeration = { "ADMINISTRATOR", "ORGANISER", "OBSERVER" },
                example = "ORGANISER") String role,
        @Schema(required = true, description = "The organisations the account belongs to (administrators may read "
                + "every organisation whether listed here or not)") List<OrganisationRef> organisations,
        @Schema(required = true, enumeration = { "session", "token" },
                description = "How this request was authenticated", example = "token") String authenticatedBy) {
}
