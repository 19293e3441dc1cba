package nl.kennisagenda.mail;

import nl.kennisagenda.event.EventLines;

/**
 * The one console line per mail in the README's dev run ({@code quarkus.mailer.mock=true}: no mail leaves the
 * machine): who gets it, which kind, the subject, and where to read it in the back-office's mail log. Replaces the
 * mock mailer's own print of every whole message (silenced in application.properties).
 */
public final class MailConsoleLine {

    private static final int MAX_SUBJECT = 120;

    private MailConsoleLine() {
    }

    /** e.g. {@code Mail 12 CONFIRMATION to piet@example.org: "Aanmelding bevestigd: …" http://localhost:8080/admin/mails/12} */
    public static String format(long mailId, MailKind kind, String recipient, String subject, String baseUrl) {
        String line = subject == null ? "" : EventLines.oneLine(subject);
        if (line.length() > MAX_SUBJECT) {
            line = line.substring(0, MAX_SUBJECT - 1) + "\u2026";
        }
        String base = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        return "Mail " + mailId + " " + kind + " to " + EventLines.oneLine(recipient) + ": \"" + line + "\" "
                + base + "/admin/mails/" + mailId;
    }
}
