package nl.kennisagenda.newsletter.issue;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of newsletter composing (settings, issue editor, editions, test mail, archive and feed), used as
 * {@code {newsissue:key}}. Dutch in messages/newsissue_nl.properties, English in newsissue_en.
 */
@MessageBundle(value = "newsissue", locale = "nl")
public interface NewsIssueMessages {

    @Message
    String settings_title(String organisation);

    @Message
    String back_to_organisation(String organisation);

    @Message
    String back_to_newsletter(String organisation);

    @Message
    String back_to_issue();

    @Message
    String link_subscribers();

    @Message
    String link_archive();

    @Message
    String link_sending();

    @Message
    String issues_heading();

    @Message
    String issues_none();

    @Message
    String new_issue();

    @Message
    String col_subject();

    @Message
    String col_status();

    @Message
    String col_send_at();

    @Message
    String col_sent_at();

    @Message
    String status_draft();

    @Message
    String status_scheduled();

    @Message
    String status_sending();

    @Message
    String status_paused();

    @Message
    String status_sent();

    @Message
    String status_cancelled();

    @Message
    String check_heading();

    @Message
    String check_last(String moment);

    @Message
    String check_never();

    @Message
    String check_next(String day);

    @Message
    String check_off();

    @Message
    String outcome_draft(Long issue);

    @Message
    String outcome_scheduled(Long issue);

    @Message
    String outcome_nothing_new(Long issue);

    @Message
    String outcome_nothing_upcoming();

    @Message
    String settings_heading();

    @Message
    String field_enabled();

    @Message
    String field_weekday();

    @Message
    String field_time();

    @Message
    String field_time_help();

    @Message
    String field_every_other_week();

    @Message
    String field_every_other_week_help();

    @Message
    String field_anchor();

    @Message
    String field_anchor_help();

    @Message
    String field_weeks_ahead();

    @Message
    String field_weeks_ahead_help();

    @Message
    String field_include_materials();

    @Message
    String field_material_weeks();

    @Message
    String field_material_weeks_help();

    @Message
    String field_auto_send();

    @Message
    String field_auto_send_help();

    @Message
    String save_settings();

    @Message
    String yes();

    @Message
    String no();

    @Message
    String done_settings();

    @Message
    String issue_title(String subject);

    @Message
    String done_created();

    @Message
    String done_saved();

    @Message
    String done_test(String address);

    @Message
    String done_scheduled();

    @Message
    String done_sending();

    @Message
    String done_cancelled();

    @Message
    String preview_links();

    @Message
    String preview_nl();

    @Message
    String preview_en();

    @Message
    String calendar_heading();

    @Message
    String calendar_help(int weeks);

    @Message
    String calendar_none();

    @Message
    String calendar_materials(int count);

    @Message
    String texts_heading();

    @Message
    String texts_nl();

    @Message
    String texts_en();

    @Message
    String field_subject_nl();

    @Message
    String field_subject_en();

    @Message
    String field_subject_en_help();

    @Message
    String field_intro_nl();

    @Message
    String field_intro_en();

    @Message
    String field_free_nl();

    @Message
    String field_free_en();

    @Message
    String field_markdown_help();

    @Message
    String field_free_help();

    @Message
    String save();

    @Message
    String test_heading();

    @Message
    String field_edition();

    @Message
    String edition_nl();

    @Message
    String edition_en();

    @Message
    String test_send(String address);

    @Message
    String schedule_heading();

    @Message
    String schedule_help();

    @Message
    String field_send_at();

    @Message
    String field_send_at_help();

    @Message
    String schedule();

    @Message
    String send_now();

    @Message
    String cancel_heading();

    @Message
    String cancel_help();

    @Message
    String cancel();

    @Message
    String preview_title(String subject);

    @Message
    String preview_is_nl();

    @Message
    String preview_is_en();

    @Message
    String preview_frozen();

    @Message
    String preview_live();

    @Message
    String edition_upcoming();

    @Message
    String edition_signup();

    @Message
    String edition_no_events();

    @Message
    String edition_materials();

    @Message
    String default_subject(String organisation, String day);

    @Message
    String test_subject(String subject);

    @Message
    String test_banner();

    @Message
    String test_footer();

    @Message
    String error_weekday();

    @Message
    String error_time();

    @Message
    String error_date();

    @Message
    String error_weeks();

    @Message
    String error_subject_required();

    @Message
    String error_too_long(int max);

    @Message
    String error_english_subject();

    @Message
    String error_send_at();

    @Message
    String error_send_at_past();

    @Message
    String error_not_draft();

    @Message
    String error_not_scheduled();

    @Message
    String error_own_address();

    @Message
    String archive_title();

    @Message
    String archive_title_of(String organisation);

    @Message
    String archive_intro();

    @Message
    String archive_filter();

    @Message
    String archive_all();

    @Message
    String archive_show();

    @Message
    String archive_none();

    @Message
    String archive_back(String organisation);

    @Message
    String archive_sent(String moment);

    @Message
    String feed_link();

    @Message
    String feed_title();

    @Message
    String feed_title_of(String organisation);

    @Message
    String link_newsletter();
}
