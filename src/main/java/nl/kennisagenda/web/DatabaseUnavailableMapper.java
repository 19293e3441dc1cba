package nl.kennisagenda.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.kennisagenda.common.DatabaseUnavailable;
import nl.kennisagenda.i18n.AppMessages;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.PageTexts;

/**
 * Every request that fails because the database cannot be reached ({@link DatabaseUnavailable}): 503 Service
 * Unavailable with {@code Retry-After}, the site's notice page in the visitor's language (Dutch unless English was
 * chosen), or an {@link ApiError} under {@code /api/}; one log line, no stack trace. Nothing about the request was
 * wrong, so it is not a 500: the same request may succeed a moment later, and the instance recovers by itself when
 * the database is back (the pool's validation settings in application.properties, docs/operations.md).
 *
 * <p>Why a failure handler on the router rather than a JAX-RS {@code @ServerExceptionMapper}: the failure reaches
 * the application as many exception types (Hibernate's {@code JDBCConnectionException}, the transaction manager's
 * exceptions around a failed commit, the pool's acquisition timeout), some of which also carry failures that are not
 * the database being away; a mapper for those types would have to answer those too. Here the cause decides, and
 * everything else passes on untouched to Quarkus' own error handling ({@code next()}). It sees exactly the failures
 * that no JAX-RS mapper took (those keep theirs: {@link BadRequestMapper}, {@link RefusedRequestMapper}, …), and also
 * failures of routes outside JAX-RS that end on the router. (Not checked: how Quarkus' form log-in reports an
 * unreachable database while it checks a password; it may answer as for a wrong password.)
 */
@ApplicationScoped
public class DatabaseUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);

    /** What the answer asks a client to wait; the page and the API message say "half a minute". */
    static final int RETRY_AFTER_SECONDS = 30;

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        // Before every other failure handler, Quarkus' error page included (it comes last).
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    void answer(RoutingContext context) {
        if (!DatabaseUnavailable.isCauseOf(context.failure()) || context.response().headWritten()) {
            context.next();
            return;
        }
        String path = context.normalizedPath();
        LOG.warnf("503 for %s %s: database unavailable (%s)", context.request().method(), path,
                rootCause(context.failure()));
        Locale locale = localeOf(context);
        AppMessages m = PageTexts.in(locale);
        String body;
        String type;
        if (NotFoundMapper.isApi(path)) {
            body = apiError(ApiError.of(503, m.api_unavailable()));
            type = "application/json";
        } else {
            body = page(locale, m);
            type = "text/html;charset=UTF-8";
        }
        context.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }

    /**
     * The notice page of the other refusals, rendered in the visitor's language. The layout reads the language from
     * the request scope, which may already have ended when a request fails (or not have begun, for a failure before
     * any resource ran), so it is made active for the rendering if it is not.
     */
    private static String page(Locale locale, AppMessages m) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activatedHere = !requestContext.isActive();
        if (activatedHere) {
            requestContext.activate();
        }
        try {
            Arc.container().instance(CurrentLocale.class).get().use(locale);
            return RefusedRequestMapper.Templates.refused(503, m.unavailable_title(), m.unavailable_text(), "/",
                    m.back_home()).setLocale(locale).render();
        } finally {
            if (activatedHere) {
                requestContext.terminate();
            }
        }
    }

    private String apiError(ApiError error) {
        try {
            return json.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The language by the rules of every page ({@code ?lang=}, the {@code lang} cookie, Accept-Language). */
    private static Locale localeOf(RoutingContext context) {
        Cookie cookie = context.request().getCookie(CurrentLocale.COOKIE);
        List<Locale> accepted = context.acceptableLanguages().stream()
                .map(language -> Locale.forLanguageTag(language.value())).toList();
        return CurrentLocale.choose(context.request().getParam("lang"), cookie == null ? null : cookie.getValue(),
                accepted);
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
