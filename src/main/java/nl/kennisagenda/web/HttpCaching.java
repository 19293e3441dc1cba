package nl.kennisagenda.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * One rule for every answer, whoever made it: an answer that sets a cookie (a CSRF nonce, the language chosen with
 * {@code ?lang=}, a session) is never for a shared cache. A {@code public} Cache-Control on such an answer (an
 * anonymous page from {@link PageCache} asked with {@code ?lang=en}) becomes {@code private, no-cache}: the browser
 * may keep it and revalidate, a reverse proxy must not keep it, nor hand its cookie to someone else.
 */
@ApplicationScoped
public class HttpCaching {

    void register(@Observes Filters filters) {
        filters.register(this::atHeadersEnd, 290);
    }

    private void atHeadersEnd(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> apply(context.response().headers()));
        context.next();
    }

    static void apply(MultiMap headers) {
        String cacheControl = headers.get("Cache-Control");
        if (cacheControl != null && cacheControl.contains("public") && headers.contains("Set-Cookie")) {
            headers.set("Cache-Control", "private, no-cache");
        }
    }
}
