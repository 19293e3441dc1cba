package nl.kennisagenda.backoffice.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.AccountAdmin;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.account.Role;
import nl.kennisagenda.backoffice.AdmMailMessages;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.web.CsrfGuard;

/** Accounts for administrators: list, create (a mailed link to choose the password), edit, deactivate. */
@Path("/admin/accounts")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AccountAdminResource {

    /** The account form as typed. */
    public record AccountFields(Long id, String name, String email, String role, Set<Long> organisationIds,
            boolean active) {

        public boolean has(Organisation organisation) {
            return organisationIds.contains(organisation.id);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(Actor actor, String csrfToken, List<Account> accounts);

        static native TemplateInstance account(Actor actor, String csrfToken, AccountFields fields,
                List<Organisation> organisations, List<Role> roles, Map<String, String> errors, String notice);
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
    public Response list() {
        Actor actor = current.get();
        return BackofficeResource.noStore(Response.ok(Templates.accounts(actor, csrf.token(), admin.accounts(actor))));
    }

    @GET
    @Path("new")
    @Operation(hidden = true)
    public Response newForm() {
        Actor actor = current.get();
        AccessPolicy.requireCanManageAccounts(actor);
        return form(actor, 200, new AccountFields(null, "", "", Role.ORGANISER.name(), Set.of(), true), Map.of(),
                null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        AccessPolicy.requireCanManageAccounts(actor);
        AccountFields fields = fields(null, form);
        try {
            Account account = admin.create(actor, new AccountAdmin.AccountForm(fields.name(), fields.email(),
                    fields.role(), fields.organisationIds(), true), locale.get());
            return Response.seeOther(URI.create("/admin/accounts/" + account.id + "?notice=created")).build();
        } catch (AccountAdmin.InvalidFormException e) {
            return form(actor, 422, fields, e.problems, null);
        }
    }

    @GET
    @Path("{accountId}")
    @Operation(hidden = true)
    public Response edit(@RestPath long accountId, @RestQuery String notice) {
        Actor actor = current.get();
        Account account = admin.account(actor, accountId).orElseThrow(NotFoundException::new);
        Set<Long> organisations = new LinkedHashSet<>();
        account.organisations.forEach(organisation -> organisations.add(organisation.id));
        String shown = notice != null && List.of("created", "saved", "link-sent").contains(notice) ? notice : null;
        return form(actor, 200, new AccountFields(account.id, account.name, account.email, account.role.name(),
                organisations, account.active), Map.of(), shown);
    }

    @POST
    @Path("{accountId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@RestPath long accountId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        Account account = admin.account(actor, accountId).orElseThrow(NotFoundException::new);
        AccountFields fields = fields(accountId, form);
        fields = new AccountFields(accountId, fields.name(), account.email, fields.role(), fields.organisationIds(),
                fields.active());
        try {
            admin.update(actor, accountId, new AccountAdmin.AccountForm(fields.name(), account.email,
                    fields.role(), fields.organisationIds(), fields.active()));
            return Response.seeOther(URI.create("/admin/accounts/" + accountId + "?notice=saved")).build();
        } catch (AccountAdmin.InvalidFormException e) {
            return form(actor, 422, fields, e.problems, null);
        }
    }

    @POST
    @Path("{accountId}/password-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response sendLink(@RestPath long accountId, MultivaluedMap<String, String> form) {
        admin.sendPasswordLink(current.get(), accountId, locale.get());
        return Response.seeOther(URI.create("/admin/accounts/" + accountId + "?notice=link-sent")).build();
    }

    private Response form(Actor actor, int status, AccountFields fields, Map<String, String> problems,
            String notice) {
        return BackofficeResource.noStore(Response.status(status).entity(Templates.account(actor, csrf.token(),
                fields, admin.organisations(actor), List.of(Role.values()), words(problems), notice)));
    }

    private static AccountFields fields(Long id, MultivaluedMap<String, String> form) {
        Set<Long> organisations = new LinkedHashSet<>();
        List<String> values = form.get("organisation");
        if (values != null) {
            for (String value : values) {
                try {
                    organisations.add(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    organisations.add(-1L);
                }
            }
        }
        return new AccountFields(id, value(form, "name"), value(form, "email"), value(form, "role"), organisations,
                "on".equals(form.getFirst("active")));
    }

    static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    /** The problems in the page's language, field by field. */
    Map<String, String> words(Map<String, String> problems) {
        AdmMailMessages m = MessageBundles.get(AdmMailMessages.class, Localized.Literal.of(locale.get().getLanguage()));
        Map<String, String> words = new LinkedHashMap<>();
        problems.forEach((field, problem) -> words.put(field, switch (field + ":" + problem) {
            case "name:invalid" -> m.account_error_name();
            case "email:taken" -> m.account_error_email_taken();
            case "email:invalid" -> m.account_error_email();
            case "role:self" -> m.account_error_self();
            case "role:invalid" -> m.account_error_role();
            default -> m.account_error_organisations();
        }));
        return words;
    }
}
