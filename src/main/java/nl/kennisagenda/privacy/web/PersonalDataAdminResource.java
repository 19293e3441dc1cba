package nl.kennisagenda.privacy.web;

import java.net.URI;
import java.time.Instant;
import java.util.stream.Collectors;

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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.privacy.data.GdprMessages;
import nl.kennisagenda.privacy.data.PersonalData;
import nl.kennisagenda.privacy.data.PersonalDataExport;
import nl.kennisagenda.privacy.data.RetentionSettings;
import nl.kennisagenda.web.CsrfGuard;

/**
 * Requests for access and erasure handled in the back-office ({@code /admin/personal-data}: search by address, then
 * download or erase, organisers within their organisations, administrators everywhere; see {@link PersonalData}),
 * and an organisation's retention period ({@code /admin/organisations/{slug}/retention}). The address travels in
 * POST bodies only, never in a URL (logs, history, Referer).
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PersonalDataAdminResource {

    /** The search page: what was typed, an error, what was found, and the scope's explanation. */
    public record SearchView(String address, String error, PersonalDataExport found, String intro, String notice) {
    }

    @CheckedTemplate(basePath = "PersonalDataAdmin")
    static class Templates {
        static native TemplateInstance search(Actor actor, String csrfToken, SearchView view);

        static native TemplateInstance erase(Actor actor, String csrfToken, String address, boolean everything);

        static native TemplateInstance retention(Actor actor, String csrfToken, RetentionSettings.Setting setting,
                String typed, String error, boolean saved);
    }

    @Inject
    CurrentActor current;

    @Inject
    PersonalData data;

    @Inject
    RetentionSettings retention;

    @Inject
    CsrfGuard csrf;

    @Inject
    CurrentLocale locale;

    @Inject
    ObjectMapper mapper;

    // ---------------------------------------------------------------- access and erasure

    @GET
    @Path("personal-data")
    @Operation(hidden = true)
    public Response searchPage() {
        Actor actor = current.get();
        PersonalData.Scope scope = PersonalData.Scope.of(actor);
        return page(200, actor, new SearchView("", null, null, intro(scope), null));
    }

    @POST
    @Path("personal-data")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response search(MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        PersonalData.Scope scope = PersonalData.Scope.of(actor);
        String address = value(form, "address");
        if (!PersonalData.isAddress(address)) {
            return page(422, actor, new SearchView(address, messages().admin_error_address(), null, intro(scope),
                    null));
        }
        PersonalDataExport found = data.find(address, scope, Instant.now());
        return page(200, actor, new SearchView(address, null, found, intro(scope), null));
    }

    @POST
    @Path("personal-data/export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
    @Operation(hidden = true)
    public Response export(MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        PersonalData.Scope scope = PersonalData.Scope.of(actor);
        String address = value(form, "address");
        if (!PersonalData.isAddress(address)) {
            return page(422, actor, new SearchView(address, messages().admin_error_address(), null, intro(scope),
                    null));
        }
        return PersonalDataPages.json(data.export(address, scope, Instant.now()), mapper);
    }

    /** The export and the erasure start from a search: a GET of their address (a bookmark) shows the search. */
    @GET
    @Path("personal-data/export")
    @Operation(hidden = true)
    public Response exportPage() {
        return searchPage();
    }

    /** As {@link #exportPage()}. */
    @GET
    @Path("personal-data/erase")
    @Operation(hidden = true)
    public Response erasePage() {
        return searchPage();
    }

    /** Without {@code confirm=yes} the confirmation page; with it, the erasure. */
    @POST
    @Path("personal-data/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response erase(MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        PersonalData.Scope scope = PersonalData.Scope.of(actor);
        String address = value(form, "address");
        if (!PersonalData.isAddress(address)) {
            return page(422, actor, new SearchView(address, messages().admin_error_address(), null, intro(scope),
                    null));
        }
        if (!"yes".equals(form.getFirst("confirm"))) {
            return PersonalDataPages.noStore(Response.ok(Templates.erase(actor, csrf.token(), address,
                    scope.everything())));
        }
        PersonalData.Erased erased = data.erase(address, scope, Instant.now());
        String notice = messages().admin_erased(erased.registrations(), erased.cancelled(), erased.subscriptions());
        return page(200, actor, new SearchView("", null, null, intro(scope), notice));
    }

    // ---------------------------------------------------------------- retention period

    @GET
    @Path("organisations/{slug}/retention")
    @Operation(hidden = true)
    public Response retentionPage(@RestPath String slug, @RestQuery String saved) {
        Actor actor = current.get();
        RetentionSettings.Setting setting = retention.read(actor, slug);
        return retentionPage(200, actor, setting, setting.ownMonths() == null ? "" : setting.ownMonths().toString(),
                null, "1".equals(saved));
    }

    @POST
    @Path("organisations/{slug}/retention")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveRetention(@RestPath String slug, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        String typed = value(form, "months");
        try {
            retention.save(actor, slug, typed);
            return Response.seeOther(URI.create("/admin/organisations/" + slug + "/retention?saved=1")).build();
        } catch (RetentionSettings.InvalidMonthsException e) {
            return retentionPage(422, actor, retention.read(actor, slug), typed, messages().retention_error(
                    RetentionSettings.MIN_MONTHS, RetentionSettings.MAX_MONTHS), false);
        }
    }

    private Response retentionPage(int status, Actor actor, RetentionSettings.Setting setting, String typed,
            String error, boolean saved) {
        return PersonalDataPages.noStore(Response.status(status)
                .entity(Templates.retention(actor, csrf.token(), setting, typed, error, saved)));
    }

    private Response page(int status, Actor actor, SearchView view) {
        return PersonalDataPages.noStore(Response.status(status).entity(Templates.search(actor, csrf.token(), view)));
    }

    private String intro(PersonalData.Scope scope) {
        if (scope.everything()) {
            return messages().admin_intro_all();
        }
        return messages().admin_intro_organisations(data.organisationsOf(scope).stream()
                .map(organisation -> organisation.name).collect(Collectors.joining(", ")));
    }

    private GdprMessages messages() {
        return MessageBundles.get(GdprMessages.class, Localized.Literal.of(locale.language()));
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
