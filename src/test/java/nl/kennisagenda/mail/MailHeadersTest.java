package nl.kennisagenda.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing unchecked reaches a mail header. */
class MailHeadersTest {

    @Test
    void subjectLosesLineBreaksSoNoHeaderCanBeInjected() {
        assertEquals("Webinar Bcc: victim@example.org", MailHeaders.subject("Webinar\r\nBcc: victim@example.org"));
        assertEquals("Een twee drie", MailHeaders.subject("Een\ttwee\u2028drie\u0000"));
    }

    @Test
    void subjectKeepsOrdinaryTextIncludingEmoji() {
        assertEquals("Zorg & wonen: \"samen\" <verder> 🚀", MailHeaders.subject("  Zorg & wonen: \"samen\" <verder> 🚀 "));
    }

    @Test
    void aVeryLongSubjectIsShortenedWithoutSplittingACharacter() {
        String subject = MailHeaders.subject("🚀".repeat(10_000));
        assertTrue(subject.length() <= MailHeaders.MAX_SUBJECT, "length " + subject.length());
        assertTrue(subject.endsWith("🚀\u2026"), subject.substring(subject.length() - 4));
    }

    @Test
    void plainAddressesAreAccepted() {
        assertEquals("anna.de.vries@example.org", MailHeaders.address("anna.de.vries@example.org"));
        assertEquals("piet+kennis@gemeente.example.nl", MailHeaders.address(" piet+kennis@gemeente.example.nl "));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a@example.org\r\nBcc: evil@example.org",
            "a@example.org\nBcc: evil@example.org",
            "a@example.org\r",
            "Anna <a@example.org>",
            "a@example.org, b@example.org",
            "a@example.org; b@example.org",
            "undisclosed-recipients:;",
            "geen-adres",
            "a@",
            "@example.org",
            "a b@example.org",
            "<script>@example.org",
            ".a@example.org",
            "a..b@example.org",
            "a.@example.org",
            "",
            "   " })
    void anythingElseIsRefused(String address) {
        assertThrows(InvalidMailAddressException.class, () -> MailHeaders.address(address));
        assertFalse(MailHeaders.isValidAddress(address));
    }

    @Test
    void aTenThousandCharacterAddressIsRefused() {
        assertThrows(InvalidMailAddressException.class, () -> MailHeaders.address("a".repeat(10_000) + "@example.org"));
    }

    @Test
    void nullIsRefused() {
        assertThrows(InvalidMailAddressException.class, () -> MailHeaders.address(null));
    }
}
