package nl.kennisagenda.privacy.web;

import java.util.Optional;

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

import nl.kennisagenda.privacy.data.PersonalData;

/**
 * Export and erasure of one address from a personal link that was mailed to it (the mail proves the mailbox): the
 * same four routes under the manage link of a registration and the preferences link of a subscriber, which differ
 * only in how the token leads to the address and where the link lives.
 */
@Produces(MediaType.TEXT_HTML)
public abstract class PersonalDataLinkResource {

    @Inject
    PersonalData data;

    @Inject
    PersonalDataPages pages;

    /** The address the token belongs to; empty for an unknown token (a 404). */
    abstract Optional<String> addressOf(String token);

    /** The personal link the token opens (the page the data page links back to). */
    abstract String link(String token);

    @GET
    @Operation(hidden = true)
    public Response page(@RestPath String token) {
        return pages.page(address(token), base(token), link(token));
    }

    @POST
    @Path("export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response export(@RestPath String token, MultivaluedMap<String, String> form) {
        return pages.export(address(token));
    }

    @GET
    @Path("erase")
    @Operation(hidden = true)
    public Response confirmErase(@RestPath String token) {
        return pages.confirm(address(token), base(token), base(token));
    }

    @POST
    @Path("erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response erase(@RestPath String token, MultivaluedMap<String, String> form) {
        return pages.erase(address(token));
    }

    private String address(String token) {
        return addressOf(token).orElseThrow(NotFoundException::new);
    }

    private String base(String token) {
        return link(token) + "/personal-data";
    }
}
