package nl.kennisagenda.account.api;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import nl.kennisagenda.account.AdminApiChallenge;
import nl.kennisagenda.account.ApiTokenIdentityProvider;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.web.ApiError;

/**
 * Two rules for every {@code /api/admin/…} route, whoever writes it.
 * <ul>
 * <li><b>No cross-site forgery with the session cookie.</b> A change (POST, PUT, PATCH, DELETE) authenticated by the
 * back-office session cookie must be sent as JSON ({@code Content-Type: application/json}) or carry the header
 * {@code X-Requested-With}. A page on another site can make a browser send the cookie only with a "simple" request
 * (a form: {@code application/x-www-form-urlencoded}, {@code multipart/form-data}, {@code text/plain}, no custom
 * headers); JSON or a custom header needs a CORS pre-flight, which this application never grants. (The cookie is
 * also SameSite=Strict; this is the second lock.) Calls with an API token need neither: a browser never adds the
 * token by itself.</li>
 * <li><b>Answers are personal</b>: {@code Cache-Control: no-store}.</li>
 * <li><b>Refusals are JSON.</b> A {@link ForbiddenException} from a service (the actor may not read or change this)
 * becomes 403 with an {@link ApiError} body on the API; the HTML pages keep the plain 403.</li>
 * </ul>
 */
public class AdminApiGuards {

    private static final Logger LOG = Logger.getLogger(AdminApiGuards.class);
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    public static final String EXPLICIT_HEADER = "X-Requested-With";

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentLocale locale;

    /** Before routing, so that it holds for every admin path, even one that ends in 404 or 405. */
    @ServerRequestFilter(preMatching = true)
    public Response requireJsonForSessionChanges(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!AdminApiChallenge.isAdminApi(path) || !UNSAFE.contains(request.getMethod())
                || identity.isAnonymous() || ApiTokenIdentityProvider.byToken(identity)) {
            return null;
        }
        MediaType type = request.getMediaType();
        boolean json = type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"))
                && "application".equals(type.getType());
        String explicit = request.getHeaderString(EXPLICIT_HEADER);
        if (json || explicit != null && !explicit.isBlank()) {
            return null;
        }
        LOG.infof("403 for %s %s: a change with the session cookie, sent as %s", request.getMethod(), path, type);
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(ApiError.of(403, AdminApiChallenge.texts(locale.get()).api_json_required())).build();
    }

    /** Admin answers are personal: never kept by a cache. */
    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (AdminApiChallenge.isAdminApi(request.getUriInfo().getPath())
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, UriInfo uriInfo) {
        if (!isApi(uriInfo.getPath())) {
            return nl.kennisagenda.web.RefusedRequestMapper.forbiddenPage(locale.get());
        }
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(ApiError.of(403, AdminApiChallenge.texts(locale.get()).api_forbidden())).build();
    }

    private static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }
}
