package nl.kennisagenda.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import nl.kennisagenda.i18n.CurrentLocale;

/**
 * Rendered public pages (event page, agenda, {@code /api/events}) kept in memory, so that the thousands who open
 * the same event page after a newsletter get bytes from memory instead of a database load and a template render
 * each. A page is rendered once per page, language and query string, and rendered again when:
 * <ul>
 * <li>anything it may show changed through this instance ({@link #contentChanged()}, called after the commit of a
 * back-office edit, a publication, an organisation or speaker change; see {@link PageChanges}): the next request
 * renders, nobody gets the old page after the commit returned;</li>
 * <li>places changed through this instance ({@link #placesChanged()}, after a sign-up or cancellation commits) and
 * the page is older than {@link PageCacheConfig#placesLag()}: places left lag by at most that (plus one render),
 * while a wave of sign-ups costs at most one render per page per lag instead of one per sign-up;</li>
 * <li>it is older than {@link PageCacheConfig#maxAge()}: the bound for what this instance cannot hear of (changes
 * through another instance sharing the database, and time passing: sign-up closing, an event ending).</li>
 * </ul>
 * A page that is only old (the last two cases) is rendered again by one request while the others still get the old
 * one for that moment; a page whose content changed is never served again. The sign-up itself never reads this
 * cache: it counts places under the event's row lock as before.
 * <p>
 * HTTP: every answer carries a weak ETag (a hash of the bytes) and answers {@code If-None-Match} with 304, and says
 * {@code Cache-Control: public, max-age=0, s-maxage=…, must-revalidate}: these pages hold no personal data and no
 * CSRF token, so a reverse proxy may keep them for the shared max age, and browsers revalidate each time (a cheap
 * 304). {@code Vary: Cookie, Accept-Language}, the inputs of the page language; an answer that sets a cookie (the
 * language chosen with {@code ?lang=}) is made private by {@link HttpCaching}.
 */
@ApplicationScoped
public class PageCache {

    static final String VARY = "Cookie, Accept-Language";
    private static final String HTML = "text/html;charset=UTF-8";
    private static final String JSON = "application/json";

    @Inject
    PageCacheConfig config;

    @Inject
    CurrentVertxRequest request;

    @Inject
    CurrentLocale locale;

    @Inject
    ObjectMapper json;

    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile long placesChangedAt = System.nanoTime() - Long.MAX_VALUE / 4;

    /**
     * The HTML page of {@code kind}/{@code id} in the request's language, from the cache or rendered by
     * {@code render}; empty from {@code render}: 404 (not kept). Exceptions of {@code render} pass through.
     */
    public Response html(String kind, String id, Supplier<Optional<TemplateInstance>> render) {
        Locale language = locale.get();
        return serve(kind, id, HTML, () -> render.get()
                .map(template -> template.setLocale(language).render().getBytes(StandardCharsets.UTF_8)));
    }

    /** A JSON answer (serialised with the application's ObjectMapper), cached as {@link #html} is. */
    public Response json(String kind, String id, Supplier<Object> value) {
        return serve(kind, id, JSON, () -> {
            try {
                return Optional.of(json.writeValueAsBytes(value.get()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("could not write " + kind, e);
            }
        });
    }

    /** Something pages show changed (committed): no page rendered before is served again. */
    public void contentChanged() {
        generation.incrementAndGet();
    }

    /**
     * Raised after every committed change of what public pages show (see {@link PageChanges}): whatever was copied
     * out of the database at an earlier generation may be stale. Also used for the sign-up forms
     * ({@code registration.service.SignupForms}).
     */
    public long contentGeneration() {
        return generation.get();
    }

    /** Places changed (committed): pages older than the places lag are rendered again on their next request. */
    public void placesChanged() {
        placesChangedAt = System.nanoTime();
    }

    private Response serve(String kind, String id, String type, Supplier<Optional<byte[]>> render) {
        String key = kind + '|' + id + '|' + locale.language() + '|' + rawQuery();
        Page page = config.enabled() ? fresh(key) : null;
        if (page == null) {
            page = render(key, render);
        }
        String cacheControl = "public, max-age=0, s-maxage=" + Math.max(0, config.sharedMaxAge().toSeconds())
                + ", must-revalidate";
        if (notModified(page.etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, page.etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl).header(HttpHeaders.VARY, VARY).build();
        }
        return Response.ok(page.body, type).header(HttpHeaders.ETAG, page.etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).header(HttpHeaders.VARY, VARY).build();
    }

    /** The kept page when it may still be served (or is being rendered again by another request), else null. */
    private Page fresh(String key) {
        Page page = pages.get(key);
        if (page == null || page.generation != generation.get()) {
            return null;
        }
        long now = System.nanoTime();
        long age = now - page.renderedAt;
        boolean old = age >= config.maxAge().toNanos()
                || (placesChangedAt - page.renderedAt >= 0 && age >= config.placesLag().toNanos());
        if (!old) {
            return page;
        }
        // One request renders again; the others keep getting this page for that moment.
        return page.refreshing.compareAndSet(false, true) ? null : page;
    }

    private Page render(String key, Supplier<Optional<byte[]>> render) {
        // Read before the data: a change that commits while we render makes this page stale at once.
        long renderedAt = System.nanoTime();
        long renderedGeneration = generation.get();
        Optional<byte[]> body;
        try {
            body = render.get();
        } catch (RuntimeException e) {
            pages.remove(key);
            throw e;
        }
        if (body.isEmpty()) {
            pages.remove(key);
            throw new NotFoundException();
        }
        Page page = new Page(body.get(), etag(body.get()), renderedGeneration, renderedAt);
        if (config.enabled()) {
            if (pages.size() >= config.maxEntries()) {
                pages.clear();
            }
            pages.put(key, page);
        }
        return page;
    }

    private boolean notModified(String etag) {
        String header = header(HttpHeaders.IF_NONE_MATCH);
        if (header == null) {
            return false;
        }
        String opaque = etag.substring(2); // weak comparison (RFC 9110, 13.1.2): W/ does not count
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private String rawQuery() {
        if (request.getCurrent() == null) {
            return "";
        }
        String query = request.getCurrent().request().query();
        return query == null ? "" : query;
    }

    private String header(String name) {
        return request.getCurrent() == null ? null : request.getCurrent().request().getHeader(name);
    }

    /** Weak, because HTTP compression sends the same page in other bytes. */
    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "W/\"" + HexFormat.of().formatHex(hash, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Number of kept pages, for tests. */
    int size() {
        return pages.size();
    }

    private static final class Page {
        final byte[] body;
        final String etag;
        final long generation;
        final long renderedAt;
        final AtomicBoolean refreshing = new AtomicBoolean();

        Page(byte[] body, String etag, long generation, long renderedAt) {
            this.body = body;
            this.etag = etag;
            this.generation = generation;
            this.renderedAt = renderedAt;
        }
    }
}
