package nl.kennisagenda.embed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import nl.kennisagenda.config.SiteConfig;

/**
 * The HTML an organisation pastes into its own site: an iframe (with a title for screen readers, lazy loading, full
 * width and a fixed height that works without script) and our own small script that resizes it to its content.
 * Also what the oEmbed endpoint returns as {@code html}.
 */
@ApplicationScoped
@jakarta.inject.Named("embedSnippets")
public class EmbedSnippets {

    public static final int DEFAULT_HEIGHT = 900;
    public static final int LIST_HEIGHT = 600;

    @Inject
    SiteConfig site;

    public String eventPath(String slug) {
        return "/embed/events/" + slug;
    }

    public String organisationPath(String slug) {
        return "/embed/organisations/" + slug;
    }

    /** The snippet of an event's sign-up form, titled in the current language (for the event hub). */
    public String forEvent(nl.kennisagenda.event.Event event) {
        EmbedMessages m = io.quarkus.qute.i18n.MessageBundles.get(EmbedMessages.class,
                io.quarkus.qute.i18n.Localized.Literal.of(nl.kennisagenda.i18n.CurrentLocale.from(null).getLanguage()));
        return snippet(eventPath(event.slug), m.iframe_title_event(event.title), null, DEFAULT_HEIGHT);
    }

    /** The snippet for an embed at {@code path}, titled {@code title}, {@code width} and {@code height} in pixels. */
    public String snippet(String path, String title, Integer width, int height) {
        return "<iframe src=\"" + attribute(site.url(path)) + "\" title=\"" + attribute(title) + "\""
                + " width=\"" + (width == null ? "100%" : width.toString()) + "\" height=\"" + height + "\""
                + " loading=\"lazy\" style=\"width:" + (width == null ? "100%" : width + "px") + ";max-width:100%;border:0\""
                + " data-kennisagenda-embed></iframe>\n"
                + "<script src=\"" + attribute(site.url("/js/embed.js")) + "\" async></script>";
    }

    static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
