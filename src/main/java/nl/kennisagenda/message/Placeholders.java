package nl.kennisagenda.message;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of organiser messages: a word in curly braces, Dutch or English, in the subject and the body.
 * <ul>
 * <li>{@code {voornaam}} or {@code {first_name}}: the recipient's first name as they typed it;</li>
 * <li>{@code {evenement}} or {@code {event}}: the event's title (English title in English mails);</li>
 * <li>{@code {beheerlink}} or {@code {manage_link}}: the recipient's own link to view or cancel their registration.</li>
 * </ul>
 * Any other word in braces is refused when the message is saved, so a typo never reaches 500 mailboxes. Values come
 * from visitors: in the Markdown that becomes HTML every character of punctuation is escaped, so a first name is
 * always text, never markup.
 */
public final class Placeholders {

    /** Something that looks like a placeholder: a short word in braces. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{1,40})}");
    private static final Pattern MARKDOWN_PUNCTUATION = Pattern.compile("[!-/:-@\\[-`{-~]");

    public enum Name {
        FIRST_NAME("voornaam", "first_name"), EVENT("evenement", "event"), MANAGE_LINK("beheerlink", "manage_link");

        public final String dutch;
        public final String english;

        Name(String dutch, String english) {
            this.dutch = dutch;
            this.english = english;
        }

        static Name of(String word) {
            for (Name name : values()) {
                if (name.dutch.equals(word) || name.english.equals(word)) {
                    return name;
                }
            }
            return null;
        }
    }

    /** What the placeholders stand for in one mail. */
    public record Values(String firstName, String event, String manageLink) {

        String of(Name name) {
            String value = switch (name) {
                case FIRST_NAME -> firstName;
                case EVENT -> event;
                case MANAGE_LINK -> manageLink;
            };
            // One line: a first name with a line break must not start a Markdown block or a new header line.
            return value == null ? "" : nl.kennisagenda.event.EventLines.oneLine(value);
        }
    }

    private Placeholders() {
    }

    /** The placeholders in the text that we do not know, as written (with braces), each once. */
    public static List<String> unknown(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                if (Name.of(matcher.group(1)) == null) {
                    unknown.add(matcher.group());
                }
            }
        }
        return new ArrayList<>(unknown);
    }

    /** The text with the values as they are: for subjects and the plain-text part. */
    public static String plain(String text, Values values) {
        return replace(text, name -> values.of(name));
    }

    /**
     * Markdown with the values as literal text: punctuation escaped, so "*Anna*" or "&lt;b&gt;" stays as typed; the
     * manage link as an autolink ({@code <https://…>}), which also works as the target of a Markdown link.
     */
    public static String markdown(String text, Values values) {
        return replace(text, name -> name == Name.MANAGE_LINK ? "<" + values.of(name) + ">"
                : MARKDOWN_PUNCTUATION.matcher(values.of(name)).replaceAll(match -> "\\\\" + Matcher.quoteReplacement(
                        match.group())));
    }

    private static String replace(String text, java.util.function.Function<Name, String> value) {
        if (text == null) {
            return "";
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            Name name = Name.of(matcher.group(1));
            matcher.appendReplacement(result, Matcher.quoteReplacement(name == null ? matcher.group()
                    : value.apply(name)));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
