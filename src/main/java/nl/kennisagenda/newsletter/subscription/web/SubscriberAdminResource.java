package nl.kennisagenda.newsletter.subscription.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.newsletter.SubscriberStatus;
import nl.kennisagenda.newsletter.subscription.SubscriberAdmin;
import nl.kennisagenda.newsletter.subscription.SubscriptionConfig;
import nl.kennisagenda.newsletter.subscription.SubscriberAdmin.Detail;
import nl.kennisagenda.newsletter.subscription.SubscriberAdmin.ImportResult;
import nl.kennisagenda.newsletter.subscription.SubscriberAdmin.InvalidImportException;
import nl.kennisagenda.newsletter.subscription.SubscriberAdmin.Page;
import nl.kennisagenda.web.CsrfGuard;

/**
 * An organisation's newsletter subscribers in the back-office: the list (status filter, search, paging), one
 * subscriber with their consent records, unsubscribing by hand, the CSV export of the consent records, and importing
 * an existing list with its legal basis. Thin: {@link SubscriberAdmin} checks access and does the work.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SubscriberAdminResource {

    /** Far more than the row limit needs (thousands of rows of address, name and language). */
    static final long MAX_UPLOAD_BYTES = 5_000_000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Actor actor, Page page, ListFilter filter, String csrfToken);

        static native TemplateInstance detail(Actor actor, Detail detail, boolean done, String csrfToken);

        static native TemplateInstance importForm(Actor actor, Organisation organisation, ImportForm form,
                int maxRows, String csrfToken);

        static native TemplateInstance importResult(Actor actor, Organisation organisation, ImportResult result,
                String csrfToken);
    }

    /** The list's filter as typed, for re-showing it and for the paging links. */
    public record ListFilter(String q, String status) {
        public String pageLink(String slug, int page) {
            return "/admin/organisations/" + slug + "/subscribers?q=" + encode(q) + "&status=" + encode(status)
                    + "&page=" + page;
        }

        /** The link to the page before, or null on the first page. */
        public String previousLink(Page page) {
            return page.page() > 1 ? pageLink(page.organisation().slug, page.page() - 1) : null;
        }

        /** The link to the page after, or null on the last page. */
        public String nextLink(Page page) {
            return page.page() < page.pages() ? pageLink(page.organisation().slug, page.page() + 1) : null;
        }
    }

    /** The import form as typed, with its problems by field ("basis", "reference", "file"). */
    public record ImportForm(String basis, String reference, Map<String, String> problems) {
        public boolean invalid() {
            return !problems.isEmpty();
        }

        public String problem(String field) {
            return problems.get(field);
        }
    }

    @Inject
    CurrentActor current;

    @Inject
    SubscriberAdmin admin;

    @Inject
    CsrfGuard csrf;

    @Inject
    CurrentLocale locale;

    @Inject
    SubscriptionConfig config;

    @GET
    @Path("organisations/{slug}/subscribers")
    @Operation(hidden = true)
    public Response list(@RestPath String slug, @RestQuery String q, @RestQuery String status,
            @RestQuery String page) {
        Actor actor = current.get();
        SubscriberStatus chosen = null;
        for (SubscriberStatus each : SubscriberStatus.values()) {
            if (each.name().equals(status)) {
                chosen = each;
            }
        }
        int number = 1;
        try {
            number = page == null ? 1 : Integer.parseInt(page);
        } catch (NumberFormatException ignored) {
            // the first page
        }
        Page result = admin.list(actor, slug, chosen, q, number);
        return noStore(Response.ok(Templates.list(actor, result, new ListFilter(q == null ? "" : q,
                chosen == null ? "" : chosen.name()), csrf.token())));
    }

    @GET
    @Path("organisations/{slug}/subscribers/consents.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Response export(@RestPath String slug) {
        Actor actor = current.get();
        byte[] body = admin.consentCsv(actor, slug, locale.get());
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\""
                + SubscriberAdmin.fileName(admin.readable(actor, slug)) + "\"").header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("organisations/{slug}/subscribers/import")
    @Operation(hidden = true)
    public Response importForm(@RestPath String slug) {
        Actor actor = current.get();
        Organisation organisation = admin.readable(actor, slug);
        nl.kennisagenda.account.AccessPolicy.requireCanChange(actor, organisation);
        return noStore(Response.ok(Templates.importForm(actor, organisation, new ImportForm("", "", Map.of()),
                config.maxImportRows(), csrf.token())));
    }

    /**
     * The upload (multipart; the CSRF token is one of its parts, checked here). No {@code @Consumes}, like the image
     * upload: a form post without a file still reaches this method and is answered by the access check and the
     * form's errors.
     */
    @POST
    @Path("organisations/{slug}/subscribers/import")
    @Operation(hidden = true)
    public Response importList(@RestPath String slug, @RestForm("_csrf") String token, @RestForm FileUpload file,
            @RestForm String basis, @RestForm String reference) {
        csrf.verify(token);
        Actor actor = current.get();
        try {
            if (file != null && file.size() > MAX_UPLOAD_BYTES) {
                admin.readable(actor, slug);
                throw new InvalidImportException(Map.of("file", "long"));
            }
            ImportResult result = admin.importList(actor, slug, basis, reference, bytes(file));
            return noStore(Response.ok(Templates.importResult(actor, admin.readable(actor, slug), result,
                    csrf.token())));
        } catch (InvalidImportException e) {
            return noStore(Response.status(422).entity(Templates.importForm(actor, admin.readable(actor, slug),
                    new ImportForm(basis == null ? "" : basis, reference == null ? "" : reference, e.problems),
                    config.maxImportRows(), csrf.token())));
        }
    }

    @GET
    @Path("organisations/{slug}/subscribers/{subscriberId}")
    @Operation(hidden = true)
    public Response detail(@RestPath String slug, @RestPath String subscriberId, @RestQuery String done) {
        Actor actor = current.get();
        return noStore(Response.ok(Templates.detail(actor, admin.detail(actor, slug, subscriberId), done != null,
                csrf.token())));
    }

    @POST
    @Path("organisations/{slug}/subscribers/{subscriberId}/unsubscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response unsubscribe(@RestPath String slug, @RestPath String subscriberId,
            MultivaluedMap<String, String> form) {
        admin.unsubscribe(current.get(), slug, subscriberId);
        return Response.seeOther(URI.create("/admin/organisations/" + encode(slug) + "/subscribers/"
                + encode(subscriberId) + "?done=1")).header("Cache-Control", "no-store").build();
    }

    private static byte[] bytes(FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return new byte[0];
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Response noStore(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store").build();
    }
}
