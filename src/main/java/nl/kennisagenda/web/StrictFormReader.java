package nl.kennisagenda.web;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads {@code application/x-www-form-urlencoded} bodies for every form POST, strictly: a pair without a name
 * ({@code =}, {@code a=1&=}), a broken escape ({@code %zz}) or an unknown charset is the client's mistake and
 * answers 400 (through {@link BadRequestMapper}) instead of failing inside the framework's reader with a 500.
 * <p>
 * It is also where every form POST gets its CSRF check: a form that changes something takes its body as a
 * {@code MultivaluedMap}, so no resource can forget the check. The token must be in the {@value CsrfGuard#FIELD}
 * field (see {@link CsrfGuard}); a body parameter marked {@link PageBoundToken} carries a token bound to the form's
 * address instead (forms inside other sites' iframes); one marked {@link CsrfExempt} is read without it.
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Priority(Priorities.USER - 100)
public class StrictFormReader implements MessageBodyReader<MultivaluedMap<String, String>> {

    @Inject
    CsrfGuard csrf;

    @Inject
    PageBoundTokens pageBoundTokens;

    /** Matches the request body limit (quarkus.http.limits.max-body-size); a form never comes near it. */
    private static final int MAX_FORM_BYTES = 1024 * 1024;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        if (!MultivaluedMap.class.isAssignableFrom(type)) {
            return false;
        }
        if (genericType instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            return arguments.length == 2 && arguments[0] == String.class && arguments[1] == String.class;
        }
        return true;
    }

    @Override
    public MultivaluedMap<String, String> readFrom(Class<MultivaluedMap<String, String>> type, Type genericType,
            Annotation[] annotations, MediaType mediaType, MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream) throws IOException {
        Charset charset = charsetOf(mediaType);
        byte[] bytes = entityStream.readNBytes(MAX_FORM_BYTES + 1);
        if (bytes.length > MAX_FORM_BYTES) {
            throw new BadRequestException("form body too large");
        }
        MultivaluedMap<String, String> form = parse(new String(bytes, StandardCharsets.ISO_8859_1), charset);
        if (has(annotations, PageBoundToken.class)) {
            pageBoundTokens.verify(form.getFirst(CsrfGuard.FIELD), form);
        } else if (!has(annotations, CsrfExempt.class)) {
            csrf.verify(form.getFirst(CsrfGuard.FIELD), form);
        }
        return form;
    }

    private static boolean has(Annotation[] annotations, Class<? extends Annotation> marker) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation.annotationType() == marker) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Parses a form body (its octets as ISO-8859-1 characters, i.e. one char per byte) with the given charset. */
    static MultivaluedMap<String, String> parse(String body, Charset charset) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue; // "a=1&&b=2" or a trailing "&": nothing was sent there
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
            if (name.isEmpty()) {
                throw new BadRequestException("form field without a name");
            }
            form.add(name, value);
        }
        return form;
    }

    private static String decode(String encoded, Charset charset) {
        try {
            // The octets arrived as ISO-8859-1 chars; percent escapes and '+' are decoded in the form's charset.
            String octets = URLDecoder.decode(encoded, StandardCharsets.ISO_8859_1);
            return new String(octets.getBytes(StandardCharsets.ISO_8859_1), charset);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("malformed escape in form body");
        }
    }

    private static Charset charsetOf(MediaType mediaType) {
        String name = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new BadRequestException("unknown charset in Content-Type");
        }
    }
}
