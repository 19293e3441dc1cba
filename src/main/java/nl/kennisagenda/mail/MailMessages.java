package nl.kennisagenda.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the attendee mails, {@code {mail:key}} in the mail templates. Dutch in messages/mail_nl.properties
 * (the default), English in messages/mail_en.properties. Parameters are used only for plain-text subjects and
 * numbers: organiser and visitor text goes into HTML through the templates, where Qute escapes it.
 */
@MessageBundle(value = "mail", locale = "nl")
public interface MailMessages {

    @Message
    String subject_confirmation(String title);

    @Message
    String subject_waiting_list(String title);

    @Message
    String subject_promotion(String title);

    @Message
    String subject_cancellation(String title);

    @Message
    String subject_registration_updated(String title);

    @Message
    String subject_duplicate_signup(String title);

    @Message
    String subject_reminder(String title, String when);

    @Message
    String subject_event_updated(String title);

    @Message
    String subject_event_cancelled(String title);

    @Message
    String greeting();

    @Message
    String intro_confirmation();

    @Message
    String intro_waiting_list();

    @Message
    String intro_promotion();

    @Message
    String intro_cancellation();

    @Message
    String intro_registration_updated();

    @Message
    String intro_duplicate_signup();

    @Message
    String intro_reminder();

    @Message
    String intro_event_updated();

    @Message
    String intro_event_cancelled();

    @Message
    String status_confirmed();

    @Message
    String status_waitlisted();

    @Message
    String status_cancelled();

    @Message
    String invite_request();

    @Message
    String invite_cancel();

    @Message
    String label_when();

    @Message
    String label_where();

    @Message
    String label_organiser();

    @Message
    String label_contact();

    @Message
    String online();

    @Message
    String online_on(String platform);

    @Message
    String join_title();

    @Message
    String join_note();

    @Message
    String programme_title();

    @Message
    String programme_round(int round);

    @Message
    String programme_choice();

    @Message
    String manage_title();

    @Message
    String manage_text();

    @Message
    String calendar_title();

    @Message
    String calendar_text();

    @Message
    String signature();

    @Message
    String footer();

    // Approval events ("aanmelding onder voorbehoud")

    @Message
    String subject_pending(String title);

    @Message
    String subject_declined(String title);

    @Message
    String intro_pending();

    @Message
    String intro_declined();

    @Message
    String status_pending();

    @Message
    String status_declined();

    // Waiting list: what is full

    @Message
    String waiting_session_full_one();

    @Message
    String waiting_session_full_many();

    @Message
    String waiting_no_place();

    @Message
    String waiting_then();

    @Message
    String waiting_other_session();

    // Hybrid events: the attendance mode

    /** The waitlisted person's mode is full: "Er is geen plaats meer {mode}." */
    @Message
    String waiting_mode_full(String mode);

    /** The other mode still has places: switch on the manage page. */
    @Message
    String waiting_mode_other(String mode);

    @Message
    String label_mode();

    @Message
    String mode_on_site();

    @Message
    String mode_online();

    @Message
    String mode_on_site_lower();

    @Message
    String mode_online_lower();

    /** The route to the venue, under its address. */
    @Message
    String route(String route);

    // After a cancellation

    @Message
    String signup_again();

    @Message
    String manage_text_view();

    // A change of breakout sessions

    @Message
    String subject_sessions_changed(String title);

    @Message
    String intro_sessions_changed();

    // Answers read back, sessions not chosen

    @Message
    String answers_title();

    @Message
    String answer_yes();

    @Message
    String answer_no();

    @Message
    String other_sessions_title();
}
