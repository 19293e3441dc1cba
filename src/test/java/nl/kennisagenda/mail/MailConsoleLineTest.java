package nl.kennisagenda.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The dev run's console: one line per mail, with a link to where the whole mail can be read. */
class MailConsoleLineTest {

    @Test
    void oneLineWithRecipientKindSubjectAndALinkToTheMailLog() {
        assertEquals("Mail 12 CONFIRMATION to piet@example.org: \"Aanmelding bevestigd: Webinar\""
                + " http://localhost:8080/admin/mails/12",
                MailConsoleLine.format(12, MailKind.CONFIRMATION, "piet@example.org", "Aanmelding bevestigd: Webinar",
                        "http://localhost:8080/"));
    }

    @Test
    void aSubjectNeverBreaksTheLineAndLongOnesAreShortened() {
        String line = MailConsoleLine.format(3, MailKind.REMINDER, "a@example.org",
                "Herinnering\r\nBcc: x@example.org " + "lang ".repeat(100), "https://kennisagenda.example.org");
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertTrue(line.endsWith("\u2026\" https://kennisagenda.example.org/admin/mails/3"), line);
    }

    @Test
    void aMailNotRenderedYetHasAnEmptySubject() {
        assertEquals("Mail 4 PASSWORD_RESET to b@example.org: \"\" /admin/mails/4",
                MailConsoleLine.format(4, MailKind.PASSWORD_RESET, "b@example.org", null, null));
    }
}
