package nl.kennisagenda.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Site-wide settings under {@code kennisagenda.site}. */
@ConfigMapping(prefix = "kennisagenda.site")
public interface SiteConfig {

    /** Public base URL without trailing slash, used for links in mails, feeds and the API. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** Load the demo events when the database holds no events yet. */
    @WithDefault("true")
    boolean demoData();

    /**
     * Events per page of the agenda ({@code /}). Only this many are read; the count and the filter choices are
     * asked of the database, so the page costs about the same with ten events or a thousand.
     */
    @WithDefault("24")
    int agendaPageSize();

    /** An absolute URL for a path on this site. */
    default String url(String path) {
        String base = baseUrl().endsWith("/") ? baseUrl().substring(0, baseUrl().length() - 1) : baseUrl();
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
