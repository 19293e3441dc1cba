package nl.kennisagenda.backoffice.editor;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the back-office editors (programme, speakers, sign-up form, materials, images), used in templates as
 * {@code {admprog:key}} and in the editor services through {@link EditorTexts}. Dutch (the default) in
 * messages/admprog_nl.properties, English in messages/admprog_en.properties.
 */
@MessageBundle(value = "admprog", locale = "nl")
public interface EditorMessages {

    @Message
    String breadcrumb();

    @Message
    String back_to_event(String title);

    @Message
    String nav_programme();

    @Message
    String nav_form();

    @Message
    String nav_materials();

    @Message
    String nav_image();

    @Message
    String nav_speakers();

    @Message
    String read_only();

    @Message
    String saved();

    @Message
    String errors_title();

    @Message
    String add();

    @Message
    String save();

    @Message
    String edit();

    @Message
    String remove();

    @Message
    String move_up();

    @Message
    String move_down();

    @Message
    String cancel_edit();

    @Message
    String yes();

    @Message
    String no();

    @Message
    String col_time();

    @Message
    String col_item();

    @Message
    String col_kind();

    @Message
    String col_session();

    @Message
    String col_speakers();

    @Message
    String col_actions();

    @Message
    String col_title();

    @Message
    String col_link();

    @Message
    String col_label();

    @Message
    String col_type();

    @Message
    String col_required();

    @Message
    String col_name();

    @Message
    String col_affiliation();

    @Message
    String col_portrait();

    @Message
    String kind_plenary();

    @Message
    String kind_breakout();

    @Message
    String kind_break();

    @Message
    String round_n(int n);

    @Message
    String confirmed_of(int confirmed, int capacity);

    @Message
    String confirmed_unlimited(int confirmed);

    @Message
    String waitlisted(int count);

    @Message
    String programme_title(String title);

    @Message
    String programme_caption();

    @Message
    String programme_empty();

    @Message
    String programme_add();

    @Message
    String programme_edit(String title);

    @Message
    String field_kind();

    @Message
    String field_starts();

    @Message
    String field_ends();

    @Message
    String field_time_help();

    @Message
    String field_title_nl();

    @Message
    String field_title_en();

    @Message
    String field_description_nl();

    @Message
    String field_description_en();

    @Message
    String field_en_help();

    @Message
    String breakout_legend();

    @Message
    String breakout_help();

    @Message
    String field_round();

    @Message
    String field_room();

    @Message
    String field_capacity();

    @Message
    String field_capacity_help();

    @Message
    String field_speakers();

    @Message
    String speakers_none();

    @Message
    String new_speaker_legend();

    @Message
    String new_speaker_help();

    @Message
    String field_new_speaker_name();

    @Message
    String field_new_speaker_organisation();

    @Message
    String error_required();

    @Message
    String error_choose();

    @Message
    String error_too_long(int max);

    @Message
    String error_control_characters();

    @Message
    String error_number(int min, int max);

    @Message
    String error_time();

    @Message
    String error_end_after_start();

    @Message
    String error_within_event(String when);

    @Message
    String error_round_required();

    @Message
    String error_capacity_below_confirmed(int confirmed);

    @Message
    String error_session_has_registrations(int count);

    @Message
    String error_remove_session_with_registrations(String title, int count);

    @Message
    String error_web_address();

    @Message
    String error_options_required();

    @Message
    String error_options_too_many(int max);

    @Message
    String error_options_duplicate();

    @Message
    String error_options_count(int count);

    @Message
    String error_one_session_field();

    @Message
    String error_core_field(String label);

    @Message
    String error_alt_required();

    @Message
    String form_title(String title);

    @Message
    String form_intro();

    @Message
    String form_caption();

    @Message
    String form_add();

    @Message
    String form_edit(String label);

    @Message
    String standard_field();

    @Message
    String field_type();

    @Message
    String field_label_nl();

    @Message
    String field_label_en();

    @Message
    String field_help_nl();

    @Message
    String field_help_en();

    @Message
    String field_required();

    @Message
    String field_options_nl();

    @Message
    String field_options_en();

    @Message
    String field_options_help();

    @Message
    String field_options_en_help();

    @Message
    String type_text();

    @Message
    String type_email();

    @Message
    String type_phone();

    @Message
    String type_textarea();

    @Message
    String type_select();

    @Message
    String type_multi_select();

    @Message
    String type_checkbox();

    @Message
    String type_breakout_choice();

    @Message
    String preview_title();

    @Message
    String preview_in_english();

    @Message
    String preview_in_dutch();

    @Message
    String materials_title(String title);

    @Message
    String materials_intro();

    @Message
    String materials_caption();

    @Message
    String materials_none();

    @Message
    String materials_add();

    @Message
    String field_material_kind();

    @Message
    String field_url();

    @Message
    String field_url_help();

    @Message
    String material_slides();

    @Message
    String material_recording();

    @Message
    String material_document();

    @Message
    String material_link();

    @Message
    String image_title(String title);

    @Message
    String image_none();

    @Message
    String image_upload();

    @Message
    String image_replace();

    @Message
    String image_save();

    @Message
    String image_remove();

    @Message
    String field_file();

    @Message
    String field_file_help();

    @Message
    String field_alt_nl();

    @Message
    String field_alt_en();

    @Message
    String field_alt_help();

    @Message
    String image_error_missing();

    @Message
    String image_error_too_large(String megabytes);

    @Message
    String image_error_not_an_image();

    @Message
    String image_error_too_many_pixels(int pixels);

    @Message
    String image_error_unreadable();

    @Message
    String speakers_title();

    @Message
    String speakers_intro();

    @Message
    String speakers_intro_admin();

    @Message
    String speakers_caption();

    @Message
    String speaker_new();

    @Message
    String speaker_details();

    @Message
    String speaker_public_page();

    @Message
    String field_name();

    @Message
    String field_role();

    @Message
    String field_organisation();

    @Message
    String field_bio_nl();

    @Message
    String field_bio_en();

    @Message
    String portrait_title();

    @Message
    String portrait_none();
}
