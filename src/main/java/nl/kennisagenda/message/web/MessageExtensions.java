package nl.kennisagenda.message.web;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.message.AdmMsgMessages;
import nl.kennisagenda.message.Audience;
import nl.kennisagenda.message.MessageStatus;
import nl.kennisagenda.message.OrganiserMessage;

/** Names of groups and statuses in the page's language, and the subject of a message mail in a person's history. */
@TemplateExtension
public class MessageExtensions {

    private MessageExtensions() {
    }

    /** The subject as sent, or (not rendered yet) the message's Dutch subject with its placeholders. */
    static String messageSubject(OutboxMail mail) {
        if (mail.subject != null) {
            return mail.subject;
        }
        OrganiserMessage message = mail.organiserMessageId == null ? null
                : OrganiserMessage.findById(mail.organiserMessageId);
        return message == null ? "–" : message.subjectNl;
    }

    static String label(Audience audience, @TemplateAttribute("locale") Object locale) {
        AdmMsgMessages m = messages(locale);
        return switch (audience) {
            case CONFIRMED -> m.audience_CONFIRMED();
            case WAITLIST -> m.audience_WAITLIST();
            case SESSION -> m.audience_SESSION();
            case PRESENT -> m.audience_PRESENT();
            case ABSENT -> m.audience_ABSENT();
            case EVERYONE -> m.audience_EVERYONE();
        };
    }

    static String label(MessageStatus status, @TemplateAttribute("locale") Object locale) {
        AdmMsgMessages m = messages(locale);
        return switch (status) {
            case DRAFT -> m.status_DRAFT();
            case SCHEDULED -> m.status_SCHEDULED();
            case SENDING -> m.status_SENDING();
            case SENT -> m.status_SENT();
            case CANCELLED -> m.status_CANCELLED();
        };
    }

    /** Private: a package-visible static method here would be a template extension of every object. */
    private static AdmMsgMessages messages(Object locale) {
        return MessageBundles.get(AdmMsgMessages.class,
                Localized.Literal.of(CurrentLocale.from(locale).getLanguage()));
    }
}
