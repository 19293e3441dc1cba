package nl.kennisagenda.embed.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.embed.EmbedMessages;
import nl.kennisagenda.embed.EmbedOrigins;
import nl.kennisagenda.embed.EmbedSnippets;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.service.EventCatalog;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.web.CsrfGuard;

/** Embedding in the back-office: the sites that may frame the organisation's embeds, and the snippets to copy. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class EmbedAdminResource {

    /** A snippet to copy, with its label. */
    public record Snippet(String id, String label, String code) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance embedding(Actor actor, String csrfToken, Organisation organisation,
                String origins, String error, boolean saved, List<Snippet> snippets, String oembedUrl);
    }

    @Inject
    CurrentActor current;

    @Inject
    EmbedOrigins origins;

    @Inject
    EmbedSnippets snippets;

    @Inject
    EventCatalog catalog;

    @Inject
    CsrfGuard csrf;

    @Inject
    CurrentLocale locale;

    @Inject
    SiteConfig site;

    @GET
    @Path("organisations/{slug}/embedding")
    @Operation(hidden = true)
    public Response page(@RestPath String slug, @RestQuery String saved) {
        Actor actor = current.get();
        Organisation organisation = origins.forEditing(actor, slug);
        return page(200, actor, organisation, String.join("\n", organisation.embedOriginList()), null,
                "1".equals(saved));
    }

    @POST
    @Path("organisations/{slug}/embedding")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@RestPath String slug, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        String typed = form.getFirst("origins") == null ? "" : form.getFirst("origins");
        try {
            origins.save(actor, slug, typed);
            return Response.seeOther(URI.create("/admin/organisations/" + slug + "/embedding?saved=1")).build();
        } catch (EmbedOrigins.InvalidOriginsException e) {
            EmbedMessages m = messages();
            String error = e.invalid.isEmpty() ? m.admin_error_too_many(EmbedOrigins.MAX_ORIGINS)
                    : m.admin_error_invalid(String.join(", ", e.invalid));
            return page(422, actor, origins.forEditing(actor, slug), typed, error, false);
        }
    }

    private Response page(int status, Actor actor, Organisation organisation, String typed, String error,
            boolean saved) {
        EmbedMessages m = messages();
        List<Snippet> codes = new java.util.ArrayList<>();
        codes.add(new Snippet("snippet-agenda", m.admin_snippet_agenda(), snippets.snippet(
                snippets.organisationPath(organisation.slug), m.iframe_title_organisation(organisation.name), null,
                EmbedSnippets.LIST_HEIGHT)));
        catalog.organisationPage(organisation.slug, Instant.now()).ifPresent(page -> {
            for (Event event : page.upcoming()) {
                if (event.organisation.id.equals(organisation.id)) {
                    codes.add(new Snippet("snippet-event-" + event.id, m.admin_snippet_event(event.title),
                            snippets.snippet(snippets.eventPath(event.slug), m.iframe_title_event(event.title), null,
                                    EmbedSnippets.DEFAULT_HEIGHT)));
                }
            }
        });
        return Response.status(status).header("Cache-Control", "no-store")
                .entity(Templates.embedding(actor, csrf.token(), organisation, typed, error, saved, codes,
                        site.url("/oembed"))).build();
    }

    private EmbedMessages messages() {
        return MessageBundles.get(EmbedMessages.class, Localized.Literal.of(locale.language()));
    }
}
