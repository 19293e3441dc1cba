package nl.kennisagenda.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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

    /**
     * The framework's own 400s, which come without a body (a JSON reader that gives up on a body beyond its limits
     * throws a bare {@code WebApplicationException(400)}): the same answer as every other 400. Other statuses keep the
     * framework's answer; the more specific mappers (404, 405, …) are chosen before this one.
     */
    @ServerExceptionMapper
    public Response bareWebApplication(WebApplicationException exception, UriInfo uriInfo, Request request) {
        Response response = exception.getResponse();
        if (response != null && response.getStatus() == 400 && !response.hasEntity()) {
            return answer400(exception.getClass().getSimpleName() + ": " + exception.getMessage(), uriInfo, request);
        }
        return response;
    }

    /**
     * A JSON body that is not JSON, not of the shape the endpoint reads (an array instead of an object), or beyond
     * the parser's limits (nested deeper than 1,000 levels, a number of more than 1,000 digits).
     */
    @ServerExceptionMapper({ JsonParseException.class, MismatchedInputException.class,
            StreamConstraintsException.class })
    public Response unreadableJson(Exception exception, UriInfo uriInfo, Request request) {
        return answer400(exception.getClass().getSimpleName() + ": "
                + exception.getMessage().lines().findFirst().orElse(""), uriInfo, request);
    }

    /**
     * A request body that breaks off or is not the multipart it claims to be (the image uploads): the framework's
     * multipart parser throws an IOException before any resource runs. An IOException reaching this layer comes from
     * reading the request, so it is the client's. So is a form body in a charset that does not exist: the
     * framework's form parser (the uploads, which take any body) fails on it before any resource runs.
     */
    @ServerExceptionMapper({ java.io.IOException.class, MultipartParser.MalformedMessageException.class,
            java.nio.charset.UnsupportedCharsetException.class, java.nio.charset.IllegalCharsetNameException.class })
    public Response unreadableBody(Exception exception, UriInfo uriInfo, Request request) {
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
