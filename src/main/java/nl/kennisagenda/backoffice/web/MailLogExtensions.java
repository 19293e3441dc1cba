package nl.kennisagenda.backoffice.web;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.account.Role;
import nl.kennisagenda.backoffice.AdmMailMessages;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.mail.MailKind;

/** Names of mail kinds and roles in the page's language, for the mail log and account pages ({@code kind.label}). */
@TemplateExtension
public class MailLogExtensions {

    private MailLogExtensions() {
    }

    static String label(MailKind kind, @TemplateAttribute("locale") Object locale) {
        AdmMailMessages m = messages(locale);
        return switch (kind) {
            case CONFIRMATION -> m.kind_CONFIRMATION();
            case WAITING_LIST -> m.kind_WAITING_LIST();
            case PROMOTION -> m.kind_PROMOTION();
            case CANCELLATION -> m.kind_CANCELLATION();
            case REGISTRATION_UPDATED -> m.kind_REGISTRATION_UPDATED();
            case SESSIONS_CHANGED -> m.kind_SESSIONS_CHANGED();
            case DUPLICATE_SIGNUP -> m.kind_DUPLICATE_SIGNUP();
            case REMINDER -> m.kind_REMINDER();
            case EVENT_UPDATED -> m.kind_EVENT_UPDATED();
            case EVENT_CANCELLED -> m.kind_EVENT_CANCELLED();
            case PASSWORD_RESET -> m.kind_PASSWORD_RESET();
            case ACCOUNT_INVITATION -> m.kind_ACCOUNT_INVITATION();
            case REGISTRATION_PENDING -> m.kind_REGISTRATION_PENDING();
            case REGISTRATION_DECLINED -> m.kind_REGISTRATION_DECLINED();
            case ORGANISER_EVENT_FULL -> m.kind_ORGANISER_EVENT_FULL();
            case ORGANISER_SESSION_FULL -> m.kind_ORGANISER_SESSION_FULL();
            case ORGANISER_WAITLIST_STARTED -> m.kind_ORGANISER_WAITLIST_STARTED();
            case ORGANISER_DAILY_SUMMARY -> m.kind_ORGANISER_DAILY_SUMMARY();
            case NEWSLETTER_CONFIRMATION -> m.kind_NEWSLETTER_CONFIRMATION();
            case NEWSLETTER_ALREADY_SUBSCRIBED -> m.kind_NEWSLETTER_ALREADY_SUBSCRIBED();
            case NEWSLETTER_REPERMISSION -> m.kind_NEWSLETTER_REPERMISSION();
            case NEWSLETTER_ISSUE -> m.kind_NEWSLETTER_ISSUE();
            case NEWSLETTER_TEST -> m.kind_NEWSLETTER_TEST();
            case ORGANISER_MESSAGE -> m.kind_ORGANISER_MESSAGE();
            case ORGANISER_MESSAGE_TEST -> m.kind_ORGANISER_MESSAGE_TEST();
        };
    }

    static String label(Role role, @TemplateAttribute("locale") Object locale) {
        AdmMailMessages m = messages(locale);
        return switch (role) {
            case ADMINISTRATOR -> m.role_ADMINISTRATOR();
            case ORGANISER -> m.role_ORGANISER();
            case OBSERVER -> m.role_OBSERVER();
        };
    }

    private static AdmMailMessages messages(Object locale) {
        return MessageBundles.get(AdmMailMessages.class,
                Localized.Literal.of(CurrentLocale.from(locale).getLanguage()));
    }
}
