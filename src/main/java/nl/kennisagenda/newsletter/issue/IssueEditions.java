package nl.kennisagenda.newsletter.issue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.common.WebAddresses;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventLines;
import nl.kennisagenda.event.EventMaterial;
import nl.kennisagenda.event.Markdown;
import nl.kennisagenda.i18n.AppMessages;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.i18n.PageTexts;
import nl.kennisagenda.mail.MailHeaders;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.NewsletterIssue;

/**
 * Renders an issue's editions from its texts and a {@link Composition}, and freezes them: the HTML fragment (no
 * {@code <html>}, no footer; inline styles for mail clients; organiser Markdown through {@link Markdown}, every other
 * value escaped by Qute) and the plain-text version, in Dutch and, when the issue has an English subject, in English
 * (the events' English texts, Dutch where an event has none).
 */
@ApplicationScoped
public class IssueEditions {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance editionHtml(EditionView e);

        static native TemplateInstance editionText(EditionView e);
    }

    /** One rendered edition. */
    public record Edition(String subject, String html, String text) {
    }

    @Inject
    SiteConfig site;

    @Inject
    IssueComposer composer;

    public static final Locale DUTCH = Locale.forLanguageTag("nl");

    /** Whether the issue has an English edition: when its English subject is filled in. */
    public static boolean hasEnglish(NewsletterIssue issue) {
        return issue.subjectEn != null && !issue.subjectEn.isBlank();
    }

    public EditionView view(NewsletterIssue issue, Composition composition, boolean english,
            boolean includeMaterials) {
        Locale locale = english ? Locale.ENGLISH : DUTCH;
        AppMessages texts = PageTexts.in(locale);
        String suffix = english ? "?lang=en" : "";
        List<EditionView.EventItem> events = composition.upcoming().stream().map(event -> new EditionView.EventItem(
                pick(event.title, event.titleEn, english), Dates.range(event.startsAt, event.endsAt, locale),
                format(event, texts), EventLines.oneLine(pick(event.summary, event.summaryEn, english)),
                site.url("/events/" + event.slug + suffix), site.url("/events/" + event.slug + "/register" + suffix),
                places(event, texts))).toList();
        List<EditionView.MaterialItem> materials = composition.materials().stream()
                .filter(material -> WebAddresses.isWebAddress(material.url))
                .map(material -> new EditionView.MaterialItem(
                        pick(material.event.title, material.event.titleEn, english),
                        pick(material.title, material.titleEn, english), kind(material, texts), material.url.strip()))
                .toList();
        String subject = english ? issue.subjectEn : issue.subjectNl;
        String intro = english ? issue.introEn : issue.introNl;
        String free = english ? issue.freeEn : issue.freeNl;
        return new EditionView(english ? "en" : "nl", subject == null ? "" : subject.strip(),
                issue.organisation.name, Markdown.toHtml(intro), blankToEmpty(intro), events, materials,
                includeMaterials, Markdown.toHtml(free), blankToEmpty(free));
    }

    public Edition render(EditionView view) {
        Locale locale = "en".equals(view.lang()) ? Locale.ENGLISH : DUTCH;
        TemplateInstance html = Templates.editionHtml(view);
        html.setLocale(locale);
        TemplateInstance text = Templates.editionText(view);
        text.setLocale(locale);
        return new Edition(view.subject(), html.render().strip(), text.render().strip() + "\n");
    }

    /** The edition as it would be frozen now (the preview and the test mail of a draft). */
    public Edition current(NewsletterIssue issue, NewsletterSettings settings, boolean english, Instant now) {
        if (issue.isFrozen()) {
            return frozen(issue, english);
        }
        Composition composition = composer.compose(issue.organisation, settings, now);
        return render(view(issue, composition, english && hasEnglish(issue), settings.includeMaterials));
    }

    /** A frozen edition; English falls back to Dutch when the issue has no English edition. */
    public static Edition frozen(NewsletterIssue issue, boolean english) {
        if (english && issue.hasEnglishEdition()) {
            return new Edition(issue.editionSubjectEn, issue.editionHtmlEn, issue.editionTextEn);
        }
        return new Edition(issue.editionSubjectNl, issue.editionHtmlNl, issue.editionTextNl);
    }

    /**
     * Freezes the editions from the calendar at {@code now}, records what they announce and their themes, and
     * schedules the issue at {@code sendAt}. In the caller's transaction, which holds the issue as a DRAFT.
     */
    @Transactional(TxType.MANDATORY)
    public void freeze(NewsletterIssue issue, NewsletterSettings settings, Instant now, Instant sendAt) {
        Composition composition = composer.compose(issue.organisation, settings, now);
        Edition dutch = render(view(issue, composition, false, settings.includeMaterials));
        issue.editionSubjectNl = MailHeaders.subject(dutch.subject());
        issue.editionHtmlNl = dutch.html();
        issue.editionTextNl = dutch.text();
        if (hasEnglish(issue)) {
            Edition english = render(view(issue, composition, true, settings.includeMaterials));
            issue.editionSubjectEn = MailHeaders.subject(english.subject());
            issue.editionHtmlEn = english.html();
            issue.editionTextEn = english.text();
        } else {
            issue.editionSubjectEn = null;
            issue.editionHtmlEn = null;
            issue.editionTextEn = null;
        }
        issue.themes.clear();
        issue.themes.addAll(composition.themes());
        issue.status = IssueStatus.SCHEDULED;
        issue.sendAt = sendAt;
        issue.updatedAt = now;
        composer.recordAnnounced(issue, composition);
    }

    /** Forgets the frozen editions (after a cancel: the issue is a draft again and recomposed when rescheduled). */
    static void thaw(NewsletterIssue issue) {
        issue.editionSubjectNl = null;
        issue.editionHtmlNl = null;
        issue.editionTextNl = null;
        issue.editionSubjectEn = null;
        issue.editionHtmlEn = null;
        issue.editionTextEn = null;
        issue.sendAt = null;
    }

    private static String format(Event event, AppMessages texts) {
        return switch (event.format) {
            case ONLINE -> texts.format_online();
            case IN_PERSON -> texts.format_in_person();
            case HYBRID -> texts.format_hybrid();
        };
    }

    /** "Nog 12 plaatsen vrij", "Vol — wachtlijst", or null when there is no limit. */
    private static String places(Event event, AppMessages texts) {
        if (event.hasUnlimitedCapacity()) {
            return null;
        }
        return event.isFull() ? texts.full_waitlist() : texts.places_left(event.placesLeft());
    }

    private static String kind(EventMaterial material, AppMessages texts) {
        return switch (material.kind) {
            case SLIDES -> texts.material_slides();
            case RECORDING -> texts.material_recording();
            case DOCUMENT -> texts.material_document();
            case LINK -> texts.material_link();
        };
    }

    private static String pick(String dutch, String english, boolean wantEnglish) {
        return wantEnglish && english != null && !english.isBlank() ? english : dutch;
    }

    private static String blankToEmpty(String text) {
        return text == null || text.isBlank() ? "" : text.strip();
    }
}
