package nl.kennisagenda.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.kennisagenda.event.Markdown;

/** The placeholders of organiser messages: which are known, and how values from visitors are put in. */
class PlaceholdersTest {

    static final Placeholders.Values VALUES = new Placeholders.Values("<b>Anna</b> *x* [y](javascript:z)",
            "Zorg & Welzijn", "https://kennisagenda.example.org/registrations/abc123");

    @Test
    void dutchAndEnglishNamesAreKnownAndEveryOtherWordInBracesIsNamedOnce() {
        assertEquals(List.of(), Placeholders.unknown("{voornaam} {first_name} {evenement} {event} {beheerlink}"
                + " {manage_link} and a lone { brace }"));
        assertEquals(List.of("{naam}", "{Voornaam}"), Placeholders.unknown("Beste {naam}, {Voornaam} {naam}"));
    }

    @Test
    void plainTextGetsTheValuesAsTheyAreOnOneLine() {
        assertEquals("Beste Piet Jan, welkom bij Zorg", Placeholders.plain("Beste {voornaam}, welkom bij {event}",
                new Placeholders.Values("Piet\r\nJan", "Zorg", "")));
    }

    @Test
    void inMarkdownAValueIsTextNeverMarkupAndTheManageLinkWorksBareAndAsALinkTarget() {
        // The sanitizer writes the two rel values in either order (it keeps them in a set): compare one order.
        String html = Markdown.toHtml(Placeholders.markdown(
                "Beste {voornaam}, over {evenement}: {beheerlink} of [hier]({manage_link})", VALUES))
                .replace("rel=\"nofollow noopener\"", "rel=\"noopener nofollow\"");
        assertEquals("<p>Beste &lt;b&gt;Anna&lt;/b&gt; *x* [y](javascript:z), over Zorg &amp; Welzijn: "
                + "<a href=\"https://kennisagenda.example.org/registrations/abc123\" rel=\"noopener nofollow\">"
                + "https://kennisagenda.example.org/registrations/abc123</a> of "
                + "<a href=\"https://kennisagenda.example.org/registrations/abc123\" rel=\"noopener nofollow\">hier</a>"
                + "</p>\n", html);
    }
}
