package nl.kennisagenda.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.account.AccountSeeder;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.testsupport.CookieFlows;

/**
 * Every cookie the main flows set is HttpOnly and SameSite Lax or Strict; on this http site (the test profile's base
 * URL, as in a dev run) none is Secure, or browsers would drop them. The https site: {@code HttpsSiteCookiesTest}.
 */
@QuarkusTest
class CookieAttributesTest {

    @Test
    void everyCookieOfTheMainFlowsIsHttpOnlyAndSameSite() {
        TestEvents.Created event = TestEvents.create("koekjes", 50);
        Map<String, List<String>> cookies = CookieFlows.walk(event.slug(), AccountSeeder.DEMO_ADMIN,
                nl.kennisagenda.backoffice.AdminClient.DEMO_PASSWORD);
        assertThat(cookies.keySet(), hasItems("ka_csrf", "lang", "ka-signup-summary", "quarkus-redirect-location",
                "ka_session"));

        List<String> wrong = new ArrayList<>();
        cookies.forEach((name, headers) -> headers.forEach(header -> {
            List<String> attributes = attributes(header);
            if (!attributes.contains("httponly")) {
                wrong.add("not HttpOnly: " + header);
            }
            if (!attributes.contains("samesite=lax") && !attributes.contains("samesite=strict")) {
                wrong.add("no SameSite=Lax/Strict: " + header);
            }
            if (attributes.contains("secure")) {
                wrong.add("Secure on an http site: " + header);
            }
        }));
        assertEquals(List.of(), wrong);
        assertTrue(cookies.get("ka_session").stream().allMatch(header -> attributes(header).contains("samesite=strict")),
                cookies.get("ka_session").toString());
    }

    @Test
    void aCookieHeaderGetsTheMissingAttributes() {
        assertEquals("a=1; Path=/; HttpOnly; SameSite=Lax", CookieAttributes.withAttributes("a=1; Path=/", false));
        assertEquals("a=1; SameSite=Strict; HttpOnly; Secure",
                CookieAttributes.withAttributes("a=1; SameSite=Strict", true));
        assertEquals("a=1; SameSite=Lax; HttpOnly; Secure", CookieAttributes.withAttributes("a=1; SameSite=None",
                true));
        assertEquals("a=1; HttpOnly; Secure; SameSite=Lax",
                CookieAttributes.withAttributes("a=1; HttpOnly; Secure; SameSite=Lax", true));
        assertEquals("a=1;Version=1;Path=/;SameSite=Lax; HttpOnly",
                CookieAttributes.withAttributes("a=1;Version=1;Path=/;SameSite=None", false));
    }

    public static List<String> attributes(String header) {
        List<String> attributes = new ArrayList<>();
        String[] parts = header.split(";");
        for (int i = 1; i < parts.length; i++) {
            attributes.add(parts[i].trim().toLowerCase(Locale.ROOT));
        }
        return attributes;
    }
}
