package nl.kennisagenda.web;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.request.AcceptHeaders;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Negotiation headers that cannot be read ({@code Accept: *}, {@code Accept: text/html;q=x},
 * {@code Accept-Charset: utf-8;charset=bogus}, {@code Accept-Language: lang=en; lang=nl},
 * {@code Accept-Encoding: gzip;level=9}) count as absent, as
 * RFC 9110 (12.5) allows. The framework's parser throws on them each time it reads them, also while the page for that
 * very failure is written (the template filter picks a variant from them): a 500 or an empty 400. They are removed
 * before any route runs, with the framework's own parser as the judge. A Content-Type with an empty parameter
 * ({@code multipart/form-data; boundary=}, {@code charset=}) or a multipart type without boundary, on which the
 * framework's body parsers failed with a 500, becomes {@code application/octet-stream}, which no route reads: a 415.
 */
@ApplicationScoped
public class UnreadableHeaders {

    private static final Logger LOG = Logger.getLogger(UnreadableHeaders.class);
    /** A Content-Type parameter without a value ({@code boundary=}, {@code charset=}). */
    private static final Pattern EMPTY_PARAMETER = Pattern.compile(";\\s*[A-Za-z-]+\\s*=\\s*(;|$)");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::dropUnreadable);
    }

    private void dropUnreadable(RoutingContext context) {
        check(context, HttpHeaders.ACCEPT.toString(), AcceptHeaders::getMediaTypeQualityValues);
        check(context, HttpHeaders.ACCEPT_LANGUAGE.toString(), value -> {
            AcceptHeaders.getLocaleQualityValues(value);
            AcceptHeaders.getStringQualityValues(value);
        });
        check(context, HttpHeaders.ACCEPT_CHARSET.toString(), AcceptHeaders::getStringQualityValues);
        check(context, HttpHeaders.ACCEPT_ENCODING.toString(), AcceptHeaders::getStringQualityValues);
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && EMPTY_PARAMETER.matcher(type).find()
                || type != null && type.trim().toLowerCase().startsWith("multipart/") && !type.contains("boundary=")) {
            // The framework's body parsers fail on these with a 500; as a type no route reads, it is a 415.
            LOG.debugf("unreadable Content-Type %s on %s", type, context.request().path());
            context.request().headers().set(HttpHeaders.CONTENT_TYPE, "application/octet-stream");
        }
        context.next();
    }

    private static void check(RoutingContext context, String header, Consumer<String> parser) {
        List<String> values = context.request().headers().getAll(header);
        if (values.isEmpty()) {
            return;
        }
        try {
            parser.accept(String.join(",", values));
        } catch (RuntimeException unreadable) {
            LOG.debugf("unreadable %s ignored on %s", header, context.request().path());
            context.request().headers().remove(header);
        }
    }
}
