package nl.kennisagenda.embed.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Organisation;

/** The oEmbed discovery address of an event or organisation page ({@code <link rel="alternate" …>} in its head). */
@TemplateExtension
public class EmbedTemplateExtensions {

    static String oembedUrl(Event event) {
        return discovery("/events/" + event.slug);
    }

    static String oembedUrl(Organisation organisation) {
        return discovery("/organisations/" + organisation.slug);
    }

    private static String discovery(String pagePath) {
        SiteConfig site = Arc.container().instance(SiteConfig.class).get();
        return site.url("/oembed") + "?url=" + URLEncoder.encode(site.url(pagePath), StandardCharsets.UTF_8)
                + "&format=json";
    }
}
