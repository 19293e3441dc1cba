package nl.kennisagenda.newsletter.sending;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.mail.MailFrame;
import nl.kennisagenda.mail.MailHeaders;
import nl.kennisagenda.mail.MailTemplates;
import nl.kennisagenda.newsletter.NewsletterIssue;
import nl.kennisagenda.newsletter.NewsletterLinks;
import nl.kennisagenda.newsletter.Subscriber;

/**
 * The newsletter mail around a frozen edition: the shared mail layout, the edition's HTML fragment and text, and a
 * footer with why the subscriber receives it and their preferences and unsubscribe links. The templates are rendered
 * once per issue and language, with markers where each subscriber's own values go; per subscriber only the markers
 * are filled in (string concatenation, no template run), which keeps a send of 100,000 mails cheap. Editions are
 * frozen, so a cached rendering never goes stale.
 */
@ApplicationScoped
public class NewsletterEditions {

    /** What the newsletter mail templates show (with markers in the per-subscriber fields). */
    public record IssueView(String editionHtml, String editionText, String organisation, String since,
            String preferencesUrl, String unsubscribeUrl) {
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance issue(IssueView m, MailFrame frame);
    }

    /** The values that differ per subscriber. */
    enum Slot {
        SINCE, PREFERENCES, UNSUBSCRIBE
    }

    /** One subscriber's mail, ready to send. */
    public record PersonalMail(String subject, String text, String html, String unsubscribeUrl) {
    }

    /** Markers no edition can contain: a random part per application run. */
    private static final String MARK = "NLSLOT" + UUID.randomUUID().toString().replace("-", "");
    private static final Pattern MARKER = Pattern.compile(MARK + "(\\d)X");
    private static final int MAX_CACHED = 16;

    @Inject
    NewsletterLinks links;

    private final Map<String, Edition> cache = new ConcurrentHashMap<>();

    /** The issue in the language a subscriber with this mail locale receives ("en" only when there is one). */
    public Edition edition(long issueId, String subscriberLocale) {
        String key = issueId + ":" + ("en".equals(subscriberLocale) ? "en" : "nl");
        Edition edition = cache.get(key);
        if (edition == null) {
            edition = QuarkusTransaction.joiningExisting().call(() -> render(issueId, subscriberLocale));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, edition);
        }
        return edition;
    }

    /** Drops the cached renderings of an issue (its send finished). */
    public void forget(long issueId) {
        cache.keySet().removeIf(key -> key.startsWith(issueId + ":"));
    }

    private Edition render(long issueId, String subscriberLocale) {
        NewsletterIssue issue = NewsletterIssue.findById(issueId);
        if (issue == null || !issue.isFrozen()) {
            throw new IllegalStateException("Issue " + issueId + " has no frozen edition");
        }
        boolean english = "en".equals(subscriberLocale) && issue.hasEnglishEdition();
        String lang = english ? "en" : "nl";
        Locale locale = english ? Locale.ENGLISH : Locale.forLanguageTag("nl");
        String subject = MailHeaders.subject(english ? issue.editionSubjectEn : issue.editionSubjectNl);
        String organisation = issue.organisation.name;
        NewsSendMessages m = MessageBundles.get(NewsSendMessages.class, Localized.Literal.of(lang));
        MailFrame frame = new MailFrame(lang, subject, m.mail_heading(organisation), null, List.of(), List.of());
        IssueView view = new IssueView(english ? issue.editionHtmlEn : issue.editionHtmlNl,
                english ? issue.editionTextEn : issue.editionTextNl, organisation, marker(Slot.SINCE),
                marker(Slot.PREFERENCES), marker(Slot.UNSUBSCRIBE));
        MailTemplates.Rendered rendered = MailTemplates.render(Templates.issue(view, frame), locale);
        return new Edition(lang, locale, subject, Filler.of(rendered.text()), Filler.of(rendered.html()));
    }

    private static String marker(Slot slot) {
        return MARK + slot.ordinal() + "X";
    }

    /** An issue rendered in one language, with the per-subscriber fields still open. */
    public final class Edition {

        final String lang;
        private final Locale locale;
        private final String subject;
        private final Filler text;
        private final Filler html;
        private final DateTimeFormatter sinceFormat;

        Edition(String lang, Locale locale, String subject, Filler text, Filler html) {
            this.lang = lang;
            this.locale = locale;
            this.subject = subject;
            this.text = text;
            this.html = html;
            this.sinceFormat = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        }

        /** The mail of one subscriber: their token for the links, and when they subscribed. */
        public PersonalMail personalise(String subscriberToken, Instant subscribedAt) {
            Subscriber addressee = new Subscriber();
            addressee.token = subscriberToken;
            String preferences = links.preferences(addressee).toString();
            String unsubscribe = links.unsubscribe(addressee).toString();
            String since = sinceFormat.format(Dates.local(subscribedAt));
            Map<Slot, String> values = new EnumMap<>(Slot.class);
            values.put(Slot.SINCE, since);
            values.put(Slot.PREFERENCES, preferences);
            values.put(Slot.UNSUBSCRIBE, unsubscribe);
            Map<Slot, String> escaped = new EnumMap<>(Slot.class);
            values.forEach((slot, value) -> escaped.put(slot, escapeHtml(value)));
            return new PersonalMail(subject, text.fill(values), html.fill(escaped), unsubscribe);
        }

        public Locale locale() {
            return locale;
        }
    }

    /** A rendered text split at the markers: the constant parts, and which slot goes between them. */
    record Filler(List<String> parts, List<Slot> slots, int length) {

        static Filler of(String rendered) {
            List<String> parts = new ArrayList<>();
            List<Slot> slots = new ArrayList<>();
            Matcher matcher = MARKER.matcher(rendered);
            int from = 0;
            while (matcher.find()) {
                parts.add(rendered.substring(from, matcher.start()));
                slots.add(Slot.values()[Integer.parseInt(matcher.group(1))]);
                from = matcher.end();
            }
            parts.add(rendered.substring(from));
            return new Filler(List.copyOf(parts), List.copyOf(slots), rendered.length());
        }

        String fill(Map<Slot, String> values) {
            StringBuilder out = new StringBuilder(length + 64 * slots.size());
            for (int i = 0; i < parts.size(); i++) {
                out.append(parts.get(i));
                if (i < slots.size()) {
                    out.append(values.get(slots.get(i)));
                }
            }
            return out.toString();
        }
    }

    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
