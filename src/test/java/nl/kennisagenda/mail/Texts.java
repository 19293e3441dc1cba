package nl.kennisagenda.mail;

import static org.junit.jupiter.api.Assertions.fail;

/** Assertions on mail texts that show the whole text when they fail. */
final class Texts {

    private Texts() {
    }

    static void assertContains(String text, String... parts) {
        for (String part : parts) {
            if (text == null || !text.contains(part)) {
                fail("Expected to find\n  " + part + "\nin\n" + text);
            }
        }
    }

    static void assertLacks(String text, String... parts) {
        for (String part : parts) {
            if (text != null && text.contains(part)) {
                fail("Did not expect\n  " + part + "\nin\n" + text);
            }
        }
    }
}
