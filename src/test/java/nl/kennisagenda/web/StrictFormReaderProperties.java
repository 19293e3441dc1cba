package nl.kennisagenda.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MultivaluedMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The form reader on its own, run by jqwik's engine (next to Jupiter's): whatever bytes arrive, it either reads a
 * form or says 400 ({@link BadRequestException}); it never fails with anything else, and never reads a field
 * without a name.
 */
class StrictFormReaderProperties {

    @Property(tries = 2000)
    void anyBodyIsReadOrRefusedAs400(@ForAll("bodies") String body) {
        try {
            MultivaluedMap<String, String> form = StrictFormReader.parse(body, StandardCharsets.UTF_8);
            assertFalse(form.containsKey(""), body);
        } catch (BadRequestException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        // One char per octet, as the reader sees the body: escapes, separators and raw high bytes mixed.
        return Arbitraries.strings().withChars("abc=&%+09AFzZ\u00e9\u00ff\u0000 ").ofMaxLength(40);
    }
}
