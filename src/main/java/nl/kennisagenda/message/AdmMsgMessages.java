package nl.kennisagenda.message;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of organiser messages (message/): the back-office pages, validation, the follow-up drafts and the mail
 * frame, used as {@code {admmsg:key}}. Dutch in messages/admmsg_nl.properties, English in admmsg_en.
 * Placeholders such as {@code {voornaam}} are never written in these texts (a brace is a Qute expression here):
 * they are passed in as parameters.
 */
@MessageBundle(value = "admmsg", locale = "nl")
public interface AdmMsgMessages {

    @Message
    String hub_link();

    @Message
    String list_title(String title);

    @Message
    String back_to_event(String title);

    @Message
    String back_to_messages();

    @Message
    String list_intro();

    @Message
    String new_message();

    @Message
    String follow_up();

    @Message
    String list_none();

    @Message
    String list_caption();

    @Message
    String col_subject();

    @Message
    String col_audience();

    @Message
    String col_status();

    @Message
    String col_send_at();

    @Message
    String col_count();

    @Message
    String count_now();

    @Message
    String col_recipient();

    @Message
    String col_sent();

    @Message
    String col_registration();

    @Message
    String registration_link();

    @Message
    String audience_CONFIRMED();

    @Message
    String audience_WAITLIST();

    @Message
    String audience_SESSION();

    @Message
    String audience_PRESENT();

    @Message
    String audience_ABSENT();

    @Message
    String audience_EVERYONE();

    @Message
    String audience_count(long count);

    @Message
    String status_DRAFT();

    @Message
    String status_SCHEDULED();

    @Message
    String status_SENDING();

    @Message
    String status_SENT();

    @Message
    String status_CANCELLED();

    @Message
    String new_title();

    @Message
    String message_title(String subject);

    @Message
    String compose_heading();

    @Message
    String field_audience();

    @Message
    String field_audience_help();

    @Message
    String field_subject_nl();

    @Message
    String field_body_nl();

    @Message
    String field_subject_en();

    @Message
    String field_body_en();

    @Message
    String field_body_help();

    @Message
    String field_en_help();

    @Message
    String placeholders_help(String names);

    @Message
    String links_legend();

    @Message
    String links_help();

    @Message
    String field_link_label(int number);

    @Message
    String field_link_url(int number);

    @Message
    String schedule_legend();

    @Message
    String field_send_date();

    @Message
    String field_send_time();

    @Message
    String field_send_time_help();

    @Message
    String field_survey_url();

    @Message
    String field_survey_url_help();

    @Message
    String action_create();

    @Message
    String action_save();

    @Message
    String action_test_nl();

    @Message
    String action_test_en();

    @Message
    String action_schedule();

    @Message
    String action_send();

    @Message
    String action_cancel();

    @Message
    String done_saved();

    @Message
    String done_test(String email);

    @Message
    String done_sending();

    @Message
    String done_scheduled();

    @Message
    String done_cancelled();

    @Message
    String done_prepared();

    @Message
    String preview_nl(String example);

    @Message
    String preview_en(String example);

    @Message
    String preview_subject();

    @Message
    String recipients_heading();

    @Message
    String recipients_caption(int count);

    @Message
    String followup_title(String title);

    @Message
    String followup_intro();

    @Message
    String followup_messages();

    @Message
    String followup_to_present();

    @Message
    String followup_to_absent();

    @Message
    String followup_review();

    @Message
    String followup_prepare();

    @Message
    String followup_present_subject(String event);

    @Message
    String followup_absent_subject(String event);

    @Message
    String followup_present_body(String firstName, String event);

    @Message
    String followup_absent_body(String firstName, String event);

    @Message
    String followup_survey(String url);

    @Message
    String followup_closing(String organiser);

    @Message
    String mail_links();

    @Message
    String mail_manage();

    @Message
    String mail_footer(String title);

    @Message
    String mail_test_prefix();

    @Message
    String error_required();

    @Message
    String error_too_long(int max);

    @Message
    String error_control_characters();

    @Message
    String error_placeholder(String names);

    @Message
    String error_audience();

    @Message
    String error_english_both();

    @Message
    String error_url();

    @Message
    String error_link_label();

    @Message
    String error_date();

    @Message
    String error_time();

    @Message
    String error_past();

    @Message
    String error_not_editable();

    @Message
    String error_not_cancellable();

    @Message
    String error_no_recipients();

    @Message
    String error_not_ended();
}
