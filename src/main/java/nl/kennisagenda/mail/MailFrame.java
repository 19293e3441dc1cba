package nl.kennisagenda.mail;

import java.util.List;

/**
 * What the shared mail layout ({@code templates/mail/layout.html} and {@code .txt}) shows around a mail's own content,
 * whatever kind of mail it is: each renderer builds one, in the recipient's language (templates hold no rules).
 *
 * @param lang the language of the mail ("nl"/"en"), for {@code <html lang>}
 * @param subject the subject, as the HTML title
 * @param heading the first heading (an event title, "Wachtwoord herstellen", a newsletter's title)
 * @param greeting the salutation line ("Beste Piet,"), or null for none
 * @param signature the closing lines ("Met vriendelijke groet," and who sends it); may be empty
 * @param footer small print under the mail (why the recipient gets it); may be empty
 */
public record MailFrame(String lang, String subject, String heading, String greeting, List<String> signature,
        List<String> footer) {

    public MailFrame {
        signature = signature == null ? List.of() : List.copyOf(signature);
        footer = footer == null ? List.of() : List.copyOf(footer);
    }
}
