package nl.kennisagenda.embed.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.embed.EmbedMessages;
import nl.kennisagenda.embed.EmbedSnippets;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.service.EventCatalog;
import nl.kennisagenda.i18n.AppMessages;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.web.ApiError;

/**
 * oEmbed (https://oembed.com) for event and organisation pages: a content system given the address of such a page
 * asks here and gets the embed snippet as a {@code rich} answer. JSON only (XML answers 501, as the specification
 * asks); an address that is not one of our public event or organisation pages answers 404.
 */
@Path("/oembed")
@Tag(name = "oEmbed", description = "Embedding event sign-up forms and agendas")
public class OEmbedResource {

    private static final Pattern EVENT = Pattern.compile("/events/([a-z0-9-]{1,160})/?");
    private static final Pattern ORGANISATION = Pattern.compile("/organisations/([a-z0-9-]{1,80})/?");
    private static final int DEFAULT_WIDTH = 600;

    /** The oEmbed answer; field names as the specification spells them. */
    public record OEmbed(String type, String version, String title, String provider_name, String provider_url,
            String html, int width, int height, Integer cache_age) {
    }

    @Inject
    EventCatalog catalog;

    @Inject
    EmbedSnippets snippets;

    @Inject
    SiteConfig site;

    @Inject
    CurrentLocale locale;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "oEmbed for an event or organisation page: its embeddable sign-up form or agenda")
    public Response oembed(@RestQuery String url, @RestQuery String format, @RestQuery Integer maxwidth,
            @RestQuery Integer maxheight) {
        if (format != null && !format.isBlank() && !"json".equalsIgnoreCase(format.strip())) {
            return Response.status(501).type(MediaType.APPLICATION_JSON)
                    .entity(ApiError.of(501, "Only format=json is supported.")).build();
        }
        Optional<Embed> embed = pathOnThisSite(url).flatMap(this::embedFor);
        if (embed.isEmpty()) {
            return Response.status(404).type(MediaType.APPLICATION_JSON)
                    .entity(ApiError.of(404, "No embeddable page at this address.")).build();
        }
        int width = bounded(maxwidth, DEFAULT_WIDTH);
        int height = bounded(maxheight, embed.get().height());
        String title = embed.get().title();
        return Response.ok(new OEmbed("rich", "1.0", title, messages().site_name(), site.url("/"),
                snippets.snippet(embed.get().path(), embed.get().frameTitle(), width, height), width, height, 3600))
                .build();
    }

    private record Embed(String path, String title, String frameTitle, int height) {
    }

    private Optional<Embed> embedFor(String path) {
        EmbedMessages m = MessageBundles.get(EmbedMessages.class, Localized.Literal.of(locale.language()));
        Matcher event = EVENT.matcher(path);
        if (event.matches()) {
            return catalog.publicEvent(event.group(1)).map((Event e) -> new Embed(snippets.eventPath(e.slug), e.title,
                    m.iframe_title_event(e.title), EmbedSnippets.DEFAULT_HEIGHT));
        }
        Matcher organisation = ORGANISATION.matcher(path);
        if (organisation.matches()) {
            return catalog.organisationPage(organisation.group(1), Instant.now()).map(page -> new Embed(
                    snippets.organisationPath(page.organisation().slug), page.organisation().name,
                    m.iframe_title_organisation(page.organisation().name), EmbedSnippets.LIST_HEIGHT));
        }
        return Optional.empty();
    }

    /** The path of the URL when it points at this site (same scheme, host and port as the base URL). */
    private Optional<String> pathOnThisSite(String url) {
        if (url == null || url.length() > 500) {
            return Optional.empty();
        }
        try {
            URI asked = new URI(url.strip());
            URI ours = new URI(site.baseUrl());
            if (asked.getScheme() == null || asked.getHost() == null
                    || !asked.getScheme().equalsIgnoreCase(ours.getScheme())
                    || !asked.getHost().toLowerCase(Locale.ROOT).equals(ours.getHost().toLowerCase(Locale.ROOT))
                    || port(asked) != port(ours) || asked.getRawPath() == null) {
                return Optional.empty();
            }
            return Optional.of(asked.getRawPath());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static int bounded(Integer max, int preferred) {
        if (max == null || max <= 0) {
            return preferred;
        }
        return Math.min(preferred, Math.max(max, 100));
    }

    private AppMessages messages() {
        return MessageBundles.get(AppMessages.class, Localized.Literal.of(locale.language()));
    }
}
