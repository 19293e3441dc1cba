package nl.kennisagenda.backoffice.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.AccountAdmin;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.backoffice.AdmMailMessages;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.web.CsrfGuard;

/** Organisations for administrators: list, create, edit name, slug and website. */
/*
 * Class path /admin, not /admin/organisations: JAX-RS picks the resource class by its path first, and a class at
 * /admin/organisations would take /admin/organisations/{slug} (BackofficeResource's page) away and answer 404.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class OrganisationAdminResource {

    /** The organisation form as typed; {@code slug} null for a new one. */
    public record OrganisationFields(String currentSlug, String name, String slug, String website) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organisations(Actor actor, String csrfToken, List<Organisation> organisations,
                boolean saved);

        static native TemplateInstance organisationForm(Actor actor, String csrfToken, OrganisationFields fields,
                Map<String, String> errors);
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
    @Path("organisations")
    @Operation(hidden = true)
    public Response list(@RestQuery String notice) {
        Actor actor = current.get();
        return BackofficeResource.noStore(Response.ok(Templates.organisations(actor, csrf.token(),
                admin.organisations(actor), "saved".equals(notice))));
    }

    @GET
    @Path("organisations/new")
    @Operation(hidden = true)
    public Response newForm() {
        Actor actor = current.get();
        AccessPolicy.requireCanManageAccounts(actor);
        return form(actor, 200, new OrganisationFields(null, "", "", ""), Map.of());
    }

    @POST
    @Path("organisations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        AccessPolicy.requireCanManageAccounts(actor);
        OrganisationFields fields = fields(null, form);
        try {
            admin.createOrganisation(actor, new AccountAdmin.OrganisationForm(fields.name(), fields.slug(),
                    fields.website()));
            return Response.seeOther(URI.create("/admin/organisations?notice=saved")).build();
        } catch (AccountAdmin.InvalidFormException e) {
            return form(actor, 422, fields, e.problems);
        }
    }

    @GET
    @Path("organisations/{slug}/edit")
    @Operation(hidden = true)
    public Response edit(@RestPath String slug) {
        Actor actor = current.get();
        AccessPolicy.requireCanManageAccounts(actor);
        Organisation organisation = Organisation.findBySlug(slug).orElseThrow(NotFoundException::new);
        return form(actor, 200, new OrganisationFields(organisation.slug, organisation.name, organisation.slug,
                organisation.website == null ? "" : organisation.website), Map.of());
    }

    @POST
    @Path("organisations/{slug}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@RestPath String slug, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        AccessPolicy.requireCanManageAccounts(actor);
        OrganisationFields fields = fields(slug, form);
        try {
            admin.updateOrganisation(actor, slug, new AccountAdmin.OrganisationForm(fields.name(), fields.slug(),
                    fields.website()));
            return Response.seeOther(URI.create("/admin/organisations?notice=saved")).build();
        } catch (AccountAdmin.InvalidFormException e) {
            return form(actor, 422, fields, e.problems);
        }
    }

    private Response form(Actor actor, int status, OrganisationFields fields, Map<String, String> problems) {
        AdmMailMessages m = MessageBundles.get(AdmMailMessages.class, Localized.Literal.of(locale.get().getLanguage()));
        Map<String, String> words = new LinkedHashMap<>();
        problems.forEach((field, problem) -> words.put(field, switch (field + ":" + problem) {
            case "name:invalid" -> m.org_error_name();
            case "slug:taken" -> m.org_error_slug_taken();
            case "slug:invalid" -> m.org_error_slug();
            default -> m.org_error_website();
        }));
        return BackofficeResource.noStore(Response.status(status)
                .entity(Templates.organisationForm(actor, csrf.token(), fields, words)));
    }

    private static OrganisationFields fields(String currentSlug, MultivaluedMap<String, String> form) {
        return new OrganisationFields(currentSlug, AccountAdminResource.value(form, "name"),
                AccountAdminResource.value(form, "slug"), AccountAdminResource.value(form, "website"));
    }
}
