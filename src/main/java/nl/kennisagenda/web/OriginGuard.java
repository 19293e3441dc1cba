package nl.kennisagenda.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * The {@code Origin} check on every changing request (POST, PUT, PATCH, DELETE) that reaches a resource: one from
 * another site's page is refused with 403 before the resource runs or its body is read ({@link SameOrigin} says
 * what counts as ours). It is the second lock next to the CSRF token, and the only one for routes whose protection
 * is not a token (the JSON API with the session cookie, whose other lock is {@code AdminApiGuards}).
 * <p>
 * Exempt, by design: a resource method marked {@link CsrfExempt} (on the method or its body parameter: the RFC 8058
 * one-click unsubscribe, posted by mail programs from wherever they run) and a call that carries an
 * {@code Authorization: Bearer} token (a browser never adds one by itself, so there is nothing ambient to forge).
 * The embedded sign-up form needs no exemption: its page is served by us inside the other site's iframe, so its
 * post names our origin. The back-office log-in, which no resource serves, checks the same in
 * {@code AccountIdentityProvider}.
 */
public class OriginGuard {

    private static final Logger LOG = Logger.getLogger(OriginGuard.class);
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    SameOrigin sameOrigin;

    @ServerRequestFilter
    public void requireOurOrigin(ContainerRequestContext context, ResourceInfo resource, HttpServerRequest request) {
        if (!CHANGING.contains(context.getMethod()) || exempt(resource.getResourceMethod())) {
            return;
        }
        String authorization = context.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return;
        }
        SameOrigin.Judgement judgement = sameOrigin.judge(request);
        if (!judgement.allowed()) {
            LOG.infof("403 for %s %s: sent from another origin (%s)", context.getMethod(),
                    context.getUriInfo().getPath(), judgement.claimed());
            throw new CsrfRejectedException(true);
        }
    }

    static boolean exempt(Method method) {
        if (method == null) {
            return false;
        }
        if (method.isAnnotationPresent(CsrfExempt.class)) {
            return true;
        }
        for (Annotation[] parameter : method.getParameterAnnotations()) {
            for (Annotation annotation : parameter) {
                if (annotation.annotationType() == CsrfExempt.class) {
                    return true;
                }
            }
        }
        return false;
    }
}
