package nl.kennisagenda.web;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.i18n.AppMessages;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.PageTexts;

/**
 * Requests refused by the site-wide guards, for every form and route alike: a form without a valid CSRF token
 * (403) and a client over its attempt budget (429 with Retry-After). A short page in the visitor's language, or an
 * {@link ApiError} under {@code /api/}; one log line, no stack trace.
 */
public class RefusedRequestMapper {

    private static final Logger LOG = Logger.getLogger(RefusedRequestMapper.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(int status, String title, String text, String linkHref,
                String linkText);
    }

    @Inject
    CurrentLocale locale;

    @ServerExceptionMapper
    public Response csrf(CsrfRejectedException e, UriInfo uri) {
        String path = uri == null ? "/" : uri.getPath();
        LOG.infof("403 for a form POST to %s: CSRF token missing or not matching the cookie", path);
        AppMessages m = PageTexts.in(locale.get());
        if (NotFoundMapper.isApi(path)) {
            return json(ApiError.of(403, m.csrf_text()));
        }
        // The form lives at the same address as its POST (GET shows it), the back-office forms under /admin.
        String back = path.startsWith("/admin") ? "/admin" : path;
        return page(403, m.csrf_title(), m.csrf_text(), back, m.csrf_back());
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri) {
        AppMessages m = PageTexts.in(locale.get());
        Response response = uri != null && NotFoundMapper.isApi(uri.getPath())
                ? json(ApiError.of(429, m.rate_limited_text()))
                : page(429, m.rate_limited_title(), m.rate_limited_text(), "/", m.back_home());
        return Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
    }

    private static Response json(ApiError body) {
        return Response.status(body.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Rendered here, in the request's language, so the page does not depend on response filters. */
    private Response page(int status, String title, String text, String linkHref, String linkText) {
        Locale current = locale.get();
        String html = Templates.refused(status, title, text, linkHref, linkText).setLocale(current).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", current.getLanguage()).header("Cache-Control", "no-store")
                .entity(html).build();
    }
}
