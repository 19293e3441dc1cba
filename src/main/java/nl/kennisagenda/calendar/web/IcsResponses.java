package nl.kennisagenda.calendar.web;

import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.common.util.DateUtil;

import nl.kennisagenda.calendar.CalendarComponents;
import nl.kennisagenda.calendar.IcsDocument;

/**
 * HTTP for iCalendar documents: {@code text/calendar; charset=utf-8}, a file name, a strong ETag over the octets,
 * Last-Modified, and 304 Not Modified for clients that poll with If-None-Match or If-Modified-Since.
 */
final class IcsResponses {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", "utf-8");

    private IcsResponses() {
    }

    static Response serve(IcsDocument document, Request request, HttpHeaders headers) {
        EntityTag etag = new EntityTag(document.etag());
        Date lastModified = document.lastModified()
                .map(instant -> Date.from(instant.truncatedTo(ChronoUnit.SECONDS)))
                .orElse(null);
        // RFC 9110 13.2.2: when If-None-Match is present, If-Modified-Since is ignored. The ETag follows the exact
        // content (it also changes when an event leaves a feed, which Last-Modified cannot show).
        // RFC 9110 13.1.3: an If-Modified-Since that is not a valid HTTP-date is ignored, as if it were absent.
        boolean hasIfNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH) != null;
        // The same for If-Unmodified-Since (RFC 9110 13.1.4), which the framework's check would fail on with a 500.
        boolean usableDates = isHttpDateOrAbsent(headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE))
                && isHttpDateOrAbsent(headers.getHeaderString(HttpHeaders.IF_UNMODIFIED_SINCE));
        Response.ResponseBuilder notModified = lastModified == null || hasIfNoneMatch || !usableDates
                ? request.evaluatePreconditions(etag)
                : request.evaluatePreconditions(lastModified, etag);
        if (notModified != null
                && notModified.build().getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
            // If-Match / If-Unmodified-Since that this version does not meet: 412, with a line that says so.
            Locale language = headers.getAcceptableLanguages().stream().findFirst().orElse(null);
            notModified = Response.status(Response.Status.PRECONDITION_FAILED)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(CalendarComponents.messages(language).precondition_failed());
        }
        Response.ResponseBuilder builder = notModified != null ? notModified
                : Response.ok(document.octets(), TEXT_CALENDAR)
                        .header("Content-Disposition", "attachment; filename=\"" + document.filename() + "\"");
        builder.tag(etag);
        if (lastModified != null) {
            builder.lastModified(lastModified);
        }
        if (document.personal()) {
            // Holds the person's join links: no shared cache may keep it.
            builder.header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
            builder.header("X-Robots-Tag", "noindex");
        } else {
            builder.header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
        }
        builder.header(HttpHeaders.VARY, "Accept-Language, Cookie");
        return builder.build();
    }

    /** Whether the framework's precondition check can read the value (the same parser it uses itself). */
    private static boolean isHttpDateOrAbsent(String value) {
        if (value == null) {
            return true;
        }
        try {
            DateUtil.parseDate(value);
            return true;
        } catch (DateUtil.DateParseException e) {
            return false;
        }
    }
}
