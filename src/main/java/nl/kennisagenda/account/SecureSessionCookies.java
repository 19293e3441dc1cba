package nl.kennisagenda.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.RoutingContext;
import nl.kennisagenda.config.SiteConfig;

/**
 * Marks the session cookie (and the form mechanism's "where to go after logging in" cookie) Secure whenever the
 * site's base URL is https. Quarkus' form authentication sets Secure only when the request itself came over TLS,
 * which behind a proxy that ends TLS is not the case unless forwarding is configured; the site's own address says
 * how browsers reach it. Only cookies set by this response are touched, never the ones the browser sent.
 */
@ApplicationScoped
public class SecureSessionCookies {

    @Inject
    SiteConfig site;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @ConfigProperty(name = "quarkus.http.auth.form.location-cookie", defaultValue = "quarkus-redirect-location")
    String locationCookie;

    void register(@Observes Filters filters) {
        if (site.baseUrl().startsWith("https:")) {
            // Before authentication (priority 200), which answers the log-in post itself.
            filters.register(this::secureAtEnd, 250);
        }
    }

    private void secureAtEnd(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            for (Cookie cookie : context.request().cookies()) {
                if ((cookie.getName().equals(sessionCookie) || cookie.getName().equals(locationCookie))
                        && cookie instanceof ServerCookie set && set.isChanged() && !cookie.isSecure()) {
                    cookie.setSecure(true);
                }
            }
        });
        context.next();
    }
}
