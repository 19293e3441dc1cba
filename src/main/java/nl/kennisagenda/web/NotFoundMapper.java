package nl.kennisagenda.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.i18n.PageTexts;
import nl.kennisagenda.i18n.CurrentLocale;

/**
 * Every 404: a page in the site layout for visitors, a JSON {@link ApiError} for {@code /api/…} clients.
 * Resources only throw {@link NotFoundException} for unknown slugs and drafts.
 */
public class NotFoundMapper {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound();
    }

    @Inject
    CurrentLocale locale;

    @ServerExceptionMapper
    public Response notFound(NotFoundException exception, UriInfo uriInfo) {
        String path = uriInfo.getPath();
        if (isApi(path)) {
            String message = exception instanceof ApiNotFoundException
                    ? exception.getMessage()
                    : PageTexts.in(locale.get()).api_not_found(path);
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of(404, message)).build();
        }
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.notFound()).build();
    }

    static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    /** A 404 whose message is meant for the API client (already in the request's language). */
    public static class ApiNotFoundException extends NotFoundException {
        public ApiNotFoundException(String message) {
            super(message);
        }
    }
}
