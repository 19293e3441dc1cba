package nl.kennisagenda.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
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
 * (403), a client over its attempt budget (429 with Retry-After), and the framework's own refusals of a method,
 * Accept or Content-Type a route does not have (405, 406, 415). A short page in the visitor's language, or an
 * {@link ApiError} under {@code /api/}; one log line, no stack trace.
 */
public class RefusedRequestMapper {

    private static final Logger LOG = Logger.getLogger(RefusedRequestMapper.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(int status, String title, String text, String linkHref,
                String linkText);

        static native TemplateInstance expired(String text, String kept, String action, List<Field> fields,
                String linkHref);
    }

    /** A submitted value, offered again as a hidden field of the "send again" form. */
    public record Field(String name, String value) {
    }

    @Inject
    CurrentLocale locale;

    @Inject
    CsrfGuard csrfGuard;

    @Inject
    PageBoundTokens pageBoundTokens;

    @ServerExceptionMapper
    public Response csrf(CsrfRejectedException e, UriInfo uri) {
        String path = uri == null ? "/" : uri.getPath();
        if (!e.otherOrigin()) {
            LOG.infof("403 for a form POST to %s: CSRF token missing or not matching the cookie", path);
        }
        AppMessages m = PageTexts.in(locale.get());
        String text = e.otherOrigin() ? m.csrf_origin_text() : m.csrf_text();
        if (NotFoundMapper.isApi(path)) {
            return json(ApiError.of(403, text));
        }
        return page(403, m.csrf_title(), text, backTo(path), m.csrf_back());
    }

    /**
     * A token of ours and this visitor's, only too old: the visitor did nothing wrong, so nothing typed is lost. The
     * page says so and offers the values again (hidden, passwords left out) in a form with a fresh token that posts
     * to the same address; the resource then judges them as usual (and re-shows its own form with any errors).
     */
    @ServerExceptionMapper
    public Response csrfExpired(CsrfExpiredException e, UriInfo uri) {
        String path = uri == null ? "/" : uri.getPath();
        LOG.infof("403 for a form POST to %s: CSRF token expired; values offered again", path);
        AppMessages m = PageTexts.in(locale.get());
        if (NotFoundMapper.isApi(path)) {
            return json(ApiError.of(403, m.csrf_expired_text()));
        }
        List<Field> fields = e.form() == null ? List.of()
                : kept(e.form(), e.pageBound() ? pageBoundTokens.issue(path) : csrfGuard.token());
        String kept = e.form() == null ? m.csrf_expired_not_kept() : m.csrf_expired_kept();
        String action = sameAddress(uri);
        Locale current = locale.get();
        String html = Templates.expired(m.csrf_expired_text(), kept, e.form() == null ? null : action, fields,
                backTo(path)).setLocale(current).render();
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", current.getLanguage()).header("Cache-Control", "no-store")
                .entity(html).build();
    }

    /** The values to send again: the fresh token first, then every field as posted except the old token and passwords. */
    public static List<Field> kept(MultivaluedMap<String, String> form, String freshToken) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(CsrfGuard.FIELD, freshToken));
        form.forEach((name, values) -> {
            if (!name.equals(CsrfGuard.FIELD) && !name.toLowerCase(Locale.ROOT).contains("password")) {
                values.forEach(value -> fields.add(new Field(name, value)));
            }
        });
        return fields;
    }

    /** The address the refused form was posted to, with its query (the language), to post it there again. */
    public static String sameAddress(UriInfo uri) {
        return uri == null ? "/" : uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
    }

    /** The form lives at the same address as its POST (GET shows it), the back-office forms under /admin. */
    private static String backTo(String path) {
        return path.startsWith("/admin") ? "/admin" : path;
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri) {
        AppMessages m = PageTexts.in(locale.get());
        Response response = uri != null && NotFoundMapper.isApi(uri.getPath())
                ? json(ApiError.of(429, m.rate_limited_text()))
                : page(429, m.rate_limited_title(), m.rate_limited_text(), "/", m.back_home());
        return Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
    }

    /**
     * The framework's own refusals, which come without a body: a method the route does not have (405, with its
     * Allow header), an Accept it cannot answer (406), a Content-Type it cannot read (415).
     */
    @ServerExceptionMapper({ NotAllowedException.class, NotAcceptableException.class, NotSupportedException.class })
    public Response unsupported(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String path = uri == null ? "/" : uri.getPath();
        LOG.infof("%d for %s: %s", status, path, e.getMessage());
        AppMessages m = PageTexts.in(locale.get());
        String text = switch (status) {
            case 405 -> m.method_not_allowed_text();
            case 406 -> m.not_acceptable_text();
            default -> m.unsupported_media_type_text();
        };
        Response response = NotFoundMapper.isApi(path) ? json(ApiError.of(status, text))
                : page(locale.get(), status, m.refused_title(), text, "/", m.back_home());
        Response.ResponseBuilder builder = Response.fromResponse(response);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    /** A page-route refusal for a back-office page the visitor may not see (403). */
    public static Response forbiddenPage(Locale current) {
        AppMessages m = PageTexts.in(current);
        return page(current, 403, m.refused_title(), m.forbidden_text(), "/", m.back_home());
    }

    private static Response json(ApiError body) {
        return Response.status(body.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private Response page(int status, String title, String text, String linkHref, String linkText) {
        return page(locale.get(), status, title, text, linkHref, linkText);
    }

    /** Rendered here, in the request's language, so the page does not depend on response filters. */
    private static Response page(Locale current, int status, String title, String text, String linkHref,
            String linkText) {
        String html = Templates.refused(status, title, text, linkHref, linkText).setLocale(current).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", current.getLanguage()).header("Cache-Control", "no-store")
                .entity(html).build();
    }
}
