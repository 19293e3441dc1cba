package nl.kennisagenda.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.PageTexts;

/**
 * Every request the application cannot read (a malformed form body, an unknown charset, a body that is not the
 * JSON object the API reads): 400 with a short page for visitors or a JSON {@link ApiError} for {@code /api/…}, and
 * one log line, never a stack trace.
 */
public class BadRequestMapper {

    private static final Logger LOG = Logger.getLogger(BadRequestMapper.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance badRequest();
    }

    @Inject
    CurrentLocale locale;

    @ServerExceptionMapper
    public Response badRequest(BadRequestException exception, UriInfo uriInfo, Request request) {
        return answer400(exception.getMessage(), uriInfo, request);
    }

    /** A JSON body that is not JSON, or not of the shape the endpoint reads (an array instead of an object). */
    @ServerExceptionMapper({ JsonParseException.class, MismatchedInputException.class })
    public Response unreadableJson(Exception exception, UriInfo uriInfo, Request request) {
        return answer400(exception.getClass().getSimpleName() + ": "
                + exception.getMessage().lines().findFirst().orElse(""), uriInfo, request);
    }

    /**
     * A request body that breaks off or is not the multipart it claims to be (the image uploads): the framework's
     * multipart parser throws an IOException before any resource runs. An IOException reaching this layer comes from
     * reading the request, so it is the client's.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException exception, UriInfo uriInfo, Request request) {
        return answer400(exception.getClass().getSimpleName() + ": " + exception.getMessage(), uriInfo, request);
    }

    private Response answer400(String why, UriInfo uriInfo, Request request) {
        String path = uriInfo.getPath();
        LOG.infof("400 for %s %s: %s", request.getMethod(), path, why);
        if (NotFoundMapper.isApi(path)) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of(400, PageTexts.in(locale.get()).api_bad_request())).build();
        }
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.badRequest()).build();
    }
}
