package nl.kennisagenda.backoffice;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the organiser notifications (mail/OrganiserNotices): the switch on the event hub and the notification
 * mails, used as {@code {admnotify:key}}. Dutch in messages/admnotify_nl.properties, English in admnotify_en.
 */
@MessageBundle(value = "admnotify", locale = "nl")
public interface AdmNotifyMessages {

    @Message
    String hub_heading();

    @Message
    String hub_help();

    @Message
    String hub_on();

    @Message
    String hub_off();

    @Message
    String hub_turn_on();

    @Message
    String hub_turn_off();

    @Message
    String event_full_subject(String title);

    @Message
    String event_full_line(String title, int capacity);

    @Message
    String session_full_subject(String session);

    @Message
    String session_full_line(String session, String title, int capacity);

    @Message
    String waitlist_subject(String title);

    @Message
    String waitlist_line(String title);

    @Message
    String summary_subject(String title, String day);

    @Message
    String summary_line(String day, int signups, int cancellations);

    @Message
    String summary_totals(int confirmed, int waitlisted);

    @Message
    String mail_link(String link);

    @Message
    String mail_greeting();

    @Message
    String mail_signature();

    @Message
    String mail_footer_organiser();

    @Message
    String mail_footer_contact();
}
