package nl.kennisagenda.registration;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of sign-up, the result page, self-service and the sign-up API, used in templates as {@code {reg:key}}.
 * Dutch (the default) in messages/reg_nl.properties, English in messages/reg_en.properties.
 */
@MessageBundle(value = "reg", locale = "nl")
public interface RegistrationMessages {

    @Message
    String signup_title(String event);

    @Message
    String signup_heading();

    @Message
    String signup_intro();

    /** The event is full: the form puts you on the waiting list. */
    @Message
    String signup_intro_waitlist();

    /** The organiser approves each sign-up. */
    @Message
    String signup_intro_approval();

    @Message
    String required_note();

    @Message
    String required_mark();

    @Message
    String error_summary_title();

    @Message
    String error_prefix();

    @Message
    String signup_submit();

    @Message
    String signup_submit_waitlist();

    @Message
    String signup_submit_approval();

    @Message
    String honeypot_label();

    @Message
    String select_placeholder();

    @Message
    String newsletter_consent();

    @Message
    String newsletter_legend();

    @Message
    String session_full();

    @Message
    String session_places_left(int places);

    @Message
    String session_round(int round);

    @Message
    String session_none();

    @Message
    String error_required();

    @Message
    String error_required_choice();

    @Message
    String error_required_checkbox();

    @Message
    String error_email();

    @Message
    String error_too_long(int max);

    @Message
    String error_control_characters();

    @Message
    String error_phone();

    @Message
    String error_option();

    @Message
    String error_session_round(int round);

    /** Several rounds without a choice; {@code rounds} is "1 en 2" or "1, 2 en 3". */
    @Message
    String error_session_rounds(String rounds);

    @Message
    String and();

    @Message
    String error_session_multiple(int round);

    @Message
    String error_session_unknown();

    @Message
    String error_session_full(String title);

    @Message
    String error_unknown_field();

    // ---------------------------------------------------------------- attendance mode of a hybrid event

    @Message
    String mode_on_site();

    @Message
    String mode_online();

    /** The mode inside a sentence: "op locatie", "online". */
    @Message
    String mode_on_site_lower();

    @Message
    String mode_online_lower();

    /** Hint of a full mode on the sign-up form: choosing it means the waiting list. */
    @Message
    String mode_full_waitlist();

    /** Hint of a full mode on the change form of someone who has a place. */
    @Message
    String mode_full();

    @Message
    String mode_own();

    @Message
    String mode_own_waitlisted();

    /** A confirmed person wants the other mode, which is full. */
    @Message
    String error_mode_full(String mode, String current);

    /** Result and manage page: "Deelname: online". */
    @Message
    String mode_label();

    @Message
    String error_invalid_value();

    @Message
    String closed_title();

    /** 503: too many sign-ups for the event at once ({@code SignupBusyException}). */
    @Message
    String busy_title();

    @Message
    String busy_text();

    @Message
    String closed_not_yet_open(String day, String time);

    @Message
    String closed_closed();

    @Message
    String closed_past();

    @Message
    String closed_cancelled();

    @Message
    String closed_not_published();

    @Message
    String result_confirmed_title();

    @Message
    String result_waitlisted_title();

    @Message
    String result_confirmed_text();

    @Message
    String result_waitlisted_text();

    @Message
    String result_next_title();

    @Message
    String result_next_mail();

    @Message
    String result_next_already();

    @Message
    String result_next_spam();


    @Message
    String back_to_event();

    @Message
    String back_to_agenda();

    @Message
    String manage_title();

    @Message
    String manage_status_label();

    @Message
    String status_confirmed();

    @Message
    String status_waitlisted();

    @Message
    String status_cancelled();

    @Message
    String manage_saved();

    @Message
    String manage_cancelled_notice();

    @Message
    String manage_answers_title();

    @Message
    String manage_sessions_title();

    @Message
    String manage_no_sessions();

    @Message
    String manage_change_title();

    @Message
    String manage_email_fixed();

    @Message
    String manage_save();

    @Message
    String manage_cancel_title();

    @Message
    String manage_cancel_link();




    @Message
    String manage_readonly_note();

    @Message
    String view_title();

    @Message
    String view_intro();

    @Message
    String view_change_note();

    @Message
    String view_join_label();

    @Message
    String view_join_link();

    @Message
    String manage_not_found_text();

    @Message
    String manage_not_changeable_title();

    @Message
    String manage_not_changeable();

    @Message
    String cancel_title();

    @Message
    String cancel_question(String event);

    @Message
    String cancel_frees_place();

    @Message
    String cancel_leaves_waiting_list();

    @Message
    String manage_signup_again();

    @Message
    String manage_signup_again_link();

    @Message
    String cancel_confirm();

    @Message
    String cancel_keep();

    @Message
    String answer_yes();

    @Message
    String answer_no();

    @Message
    String answer_newsletter();

    @Message
    String when_label();

    @Message
    String where_label();

    @Message
    String online_label();

    @Message
    String api_confirmed();

    @Message
    String api_waitlisted();

    @Message
    String api_invalid();

    @Message
    String api_unknown_event();

    @Message
    String not_found_title();

    @Message
    String not_found_text();

    @Message
    String problem_invalid_title();

    /** Result page: the address the mail went to. */
    @Message
    String result_mail_to();

    @Message
    String result_sessions();
}
