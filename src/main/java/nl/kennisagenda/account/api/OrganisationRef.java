package nl.kennisagenda.account.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.event.Organisation;

/** An organisation as the admin API names it, with whether the caller may change its events. */
@Schema(name = "AdminOrganisation", description = "An organisation the caller may read")
public record OrganisationRef(
        @Schema(required = true, example = "platform31") String slug,
        @Schema(required = true, example = "Platform31") String name,
        @Schema(required = true, description = "Whether the caller may change this organisation's events "
                + "(organisers of it and administrators; never observers)") boolean canChange) {

    static OrganisationRef of(Organisation organisation, Actor actor) {
        return new OrganisationRef(organisation.slug, organisation.name, AccessPolicy.canChange(actor, organisation));
    }
}
