package nl.kennisagenda.message;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.calendar.CalendarComponents;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Markdown;
import nl.kennisagenda.mail.MailFrame;
import nl.kennisagenda.mail.MailHeaders;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.MailRenderer;
import nl.kennisagenda.mail.MailTemplates;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.registration.Registration;

/**
 * Renders organiser messages: the mail of one recipient when the sender gets to it (from the message and the
 * registration as they are then), the test mail, and the preview in the back-office. Subject and body are the
 * organiser's Markdown with the placeholders filled in ({@link Placeholders}), made HTML by {@link Markdown} (the same
 * sanitised rendering as event descriptions); the plain-text part is the Markdown itself. Links go as a list at the
 * end. Reply-To is the event's contact person when that address is usable.
 */
@ApplicationScoped
public class MessageMails implements MailRenderer {

    private static final Logger LOG = Logger.getLogger(MessageMails.class);

    @Inject
    SiteConfig site;

    @Inject
    CalendarComponents calendar;

    /** The mail's own part: body as HTML (sanitised) and as text, the links, why the recipient gets it. */
    public record MessageView(String bodyHtml, String bodyText, String linksHeading, List<MessageLink> links,
            String manageLine, String manageUrl) {
    }

    /** Subject and body of one recipient's version, before the mail layout. */
    public record Content(String lang, String subject, String bodyText, String bodyHtml, List<MessageLink> links) {
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance message(MessageView m, MailFrame frame);
    }

    @Override
    public boolean renders(MailKind kind) {
        return kind == MailKind.ORGANISER_MESSAGE || kind == MailKind.ORGANISER_MESSAGE_TEST;
    }

    @Override
    public Optional<String> render(OutboxMail mail) {
        if (mail.kind == MailKind.ORGANISER_MESSAGE_TEST) {
            // Rendered when it is written; a row without content (written by hand) has nothing to send.
            return Optional.of("Superseded: test mails are rendered when they are written");
        }
        OrganiserMessage message = mail.organiserMessageId == null ? null
                : OrganiserMessage.findById(mail.organiserMessageId);
        Registration registration = mail.registrationId == null ? null : Registration.findById(mail.registrationId);
        if (message == null || registration == null) {
            return Optional.of("Superseded: the message or the registration no longer exists");
        }
        Long sessionId = message.session == null ? null : message.session.id;
        if (message.audience != Audience.EVERYONE && !message.audience.includes(registration, sessionId)) {
            return Optional.of("Superseded: the registration (" + registration.status
                    + ") is no longer in the message's group " + message.audience);
        }
        String lang = message.englishFor(registration.locale) ? "en" : "nl";
        Placeholders.Values values = new Placeholders.Values(registration.firstName, title(message.event, lang),
                calendar.manageLink(registration).toString());
        Content content = content(message, lang, values);
        MailTemplates.Rendered body = body(message.event, content, values.manageLink());
        mail.subject = content.subject();
        mail.textBody = body.text();
        mail.htmlBody = body.html();
        mail.locale = lang;
        mail.setExtraHeaders(replyTo(message.event));
        mail.renderedAt = Instant.now();
        return Optional.empty();
    }

    /** Subject and body in one language ("en" only when the message has an English version) with these values. */
    public Content content(OrganiserMessage message, String lang, Placeholders.Values values) {
        boolean english = "en".equals(lang) && message.hasEnglish();
        String subject = english ? message.subjectEn : message.subjectNl;
        String body = english ? message.bodyEn : message.bodyNl;
        return new Content(english ? "en" : "nl", MailHeaders.subject(Placeholders.plain(subject, values)),
                Placeholders.plain(body, values), Markdown.toHtml(Placeholders.markdown(body, values)),
                List.copyOf(message.links));
    }

    /** The whole mail (shared layout) around the content. */
    public MailTemplates.Rendered body(Event event, Content content, String manageUrl) {
        AdmMsgMessages m = messages(content.lang());
        String title = title(event, content.lang());
        MailFrame frame = new MailFrame(content.lang(), content.subject(), title, null, List.of(),
                List.of(m.mail_footer(title)));
        MessageView view = new MessageView(content.bodyHtml(), content.bodyText(), m.mail_links(), content.links(),
                m.mail_manage(), manageUrl);
        return MailTemplates.render(Templates.message(view, frame), Locale.forLanguageTag(content.lang()));
    }

    /** Reply-To: the event's contact person, when that is one usable address; else none. */
    public Map<String, String> replyTo(Event event) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (event.contactEmail != null && MailHeaders.isValidAddress(event.contactEmail)) {
            try {
                headers.putAll(MailHeaders.extraHeaders(Map.of("Reply-To", MailHeaders.address(event.contactEmail))));
            } catch (IllegalArgumentException e) {
                LOG.warnf("Event %d: contact address not usable as Reply-To: %s", event.id, e.getMessage());
            }
        }
        return headers;
    }

    public static String title(Event event, String lang) {
        return "en".equals(lang) && event.titleEn != null && !event.titleEn.isBlank() ? event.titleEn : event.title;
    }

    public static AdmMsgMessages messages(String lang) {
        return MessageBundles.get(AdmMsgMessages.class, Localized.Literal.of("en".equals(lang) ? "en" : "nl"));
    }
}
