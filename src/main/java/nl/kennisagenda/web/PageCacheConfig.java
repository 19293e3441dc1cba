package nl.kennisagenda.web;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The cache of rendered public pages ({@link PageCache}) under {@code kennisagenda.page-cache}. See
 * docs/performance.md, "Event pages from a cache".
 */
@ConfigMapping(prefix = "kennisagenda.page-cache")
public interface PageCacheConfig {

    /** Off: every request renders, as before the cache (the HTTP headers stay). */
    @WithDefault("true")
    boolean enabled();

    /**
     * The longest a rendered page is served without rendering it again, whatever happened. It bounds what this
     * instance cannot hear about: changes made through another instance, and time passing (sign-up opening or
     * closing, an event ending).
     */
    @WithDefault("5s")
    Duration maxAge();

    /**
     * How long places left may lag behind the sign-ups made through this instance: after a sign-up or
     * cancellation, a page older than this is rendered again on its next request. 0: at once.
     */
    @WithDefault("2s")
    Duration placesLag();

    /** {@code s-maxage} for shared caches (a reverse proxy) in front of anonymous pages. */
    @WithDefault("2s")
    Duration sharedMaxAge();

    /** At most this many rendered pages (languages and query strings count apart); when full, it starts over. */
    @WithDefault("2000")
    int maxEntries();
}
