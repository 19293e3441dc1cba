package nl.kennisagenda.registration.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the attendance pages (participant-list upload, preview, by-hand list), used in templates as
 * {@code {admatt:key}}. Dutch (the default) in messages/admatt_nl.properties, English in admatt_en.properties.
 */
@MessageBundle(value = "admatt", locale = "nl")
public interface AdmAttMessages {

    @Message
    String nav();

    @Message
    String hub_link();

    @Message
    String title(String title);

    @Message
    String intro();

    @Message
    String not_started(String when);

    @Message
    String counts(long present, long confirmed);

    @Message
    String done_imported(int count);

    @Message
    String done_skipped(int count);

    @Message
    String done_saved(int marked, int unmarked);

    @Message
    String errors_title();

    @Message
    String upload_heading();

    @Message
    String upload_help(String max);

    @Message
    String upload_note();

    @Message
    String field_file();

    @Message
    String upload_submit();

    @Message
    String error_no_file();

    @Message
    String error_empty();

    @Message
    String error_spreadsheet();

    @Message
    String error_no_email_column();

    @Message
    String error_too_large(String max);

    @Message
    String error_too_many(String max);

    @Message
    String error_not_started(String when);

    @Message
    String error_preview_invalid();

    @Message
    String preview_title(String title);

    @Message
    String preview_file(String name);

    @Message
    String preview_summary();

    @Message
    String count_to_mark();

    @Message
    String count_already();

    @Message
    String count_not_registered();

    @Message
    String count_without_address();

    @Message
    String count_not_confirmed();

    @Message
    String count_absent_in_file();

    @Message
    String list_to_mark(int count);

    @Message
    String list_already(int count);

    @Message
    String list_not_registered(int count);

    @Message
    String list_not_registered_help();

    @Message
    String list_without_address(int count);

    @Message
    String list_not_confirmed(int count);

    @Message
    String list_absent_in_file(int count);

    @Message
    String col_name();

    @Message
    String col_email();

    @Message
    String col_row();

    @Message
    String col_value();

    @Message
    String col_status();

    @Message
    String col_present();

    @Message
    String col_organisation();

    @Message
    String unknown();

    @Message
    String confirm_submit(int count);

    @Message
    String confirm_nothing();

    @Message
    String confirm_back();

    @Message
    String hand_heading();

    @Message
    String hand_help();

    @Message
    String hand_filter();

    @Message
    String filter_q();

    @Message
    String filter_presence();

    @Message
    String filter_any();

    @Message
    String filter_present();

    @Message
    String filter_absent();

    @Message
    String filter_submit();

    @Message
    String hand_caption(int count);

    @Message
    String hand_none();

    @Message
    String hand_save();

    @Message
    String present_label(String name);

    @Message
    String state_present();

    @Message
    String state_absent();

    @Message
    String by_line(String by);
}
