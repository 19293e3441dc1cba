package nl.kennisagenda.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.TemplateLocator.TemplateLocation;

/** The dev-mode locator serves the project's own template files, and nothing outside the templates folder. */
class DevTemplateLocatorTest {

    private final DevTemplateLocator locator = new DevTemplateLocator();

    @Test
    void findsATemplateByIdWithOrWithoutItsSuffix() throws IOException {
        String onDisk = Files.readString(Path.of("templates/HomeResource/home.html"));
        assertEquals(onDisk, read(locator.locate("HomeResource/home").orElseThrow()));
        assertEquals(onDisk, read(locator.locate("HomeResource/home.html").orElseThrow()));
        assertEquals("text/plain",
                locator.locate("mail/layout.txt").orElseThrow().getVariant().orElseThrow().getContentType());
    }

    @Test
    void looksNowhereOutsideTheTemplatesFolder() {
        assertTrue(locator.locate("../pom.xml").isEmpty());
        assertTrue(locator.locate("../src/main/resources/application.properties").isEmpty());
        assertTrue(locator.locate("NoSuchResource/page").isEmpty());
    }

    private static String read(TemplateLocation location) throws IOException {
        try (Reader reader = location.read()) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n; (n = reader.read(buffer)) > 0;) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }
}
