package nl.kennisagenda.backoffice;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the back-office event pages and the admin events API, used in templates as {@code {admev:key}}.
 * Dutch (the default) in messages/admev_nl.properties, English in messages/admev_en.properties.
 */
@MessageBundle(value = "admev", locale = "nl")
public interface EventEditorMessages {

    @Message
    String err_required();

    @Message
    String err_too_long(int max);

    @Message
    String err_not_a_date();

    @Message
    String err_not_a_number();

    @Message
    String err_end_not_after_start();

    @Message
    String err_signup_closes_after_start();

    @Message
    String err_signup_opens_after_close();

    @Message
    String err_capacity_below_confirmed(int confirmed);

    @Message
    String err_join_link_invalid();

    @Message
    String err_slug_malformed();

    @Message
    String err_slug_taken();

    @Message
    String err_email_invalid();

    @Message
    String err_format_invalid();

    @Message
    String err_unknown_partner();

    @Message
    String err_negative();

    @Message
    String refused_not_a_draft();

    @Message
    String refused_not_published();

    @Message
    String refused_has_registrations();

    @Message
    String error_summary_title();

    @Message
    String api_invalid();

    @Message
    String api_not_found();

    @Message
    String org_new_event();

    @Message
    String org_search_label();

    @Message
    String org_search_button();

    @Message
    String org_status_label();

    @Message
    String filter_all();

    @Message
    String group_draft();

    @Message
    String group_published();

    @Message
    String group_past();

    @Message
    String group_cancelled();

    @Message
    String group_none();

    @Message
    String col_fill();

    @Message
    String fill_rate(int percent);

    @Message
    String hub_key_facts();

    @Message
    String hub_status();

    @Message
    String fact_when();

    @Message
    String fact_where();

    @Message
    String fact_public_link();

    @Message
    String fact_capacity();

    @Message
    String fact_confirmed();

    @Message
    String fact_waitlisted();

    @Message
    String fact_registrations();

    @Message
    String fact_unlisted();

    @Message
    String hub_actions();

    @Message
    String action_edit();

    @Message
    String action_duplicate();

    @Message
    String action_publish();

    @Message
    String action_unpublish();

    @Message
    String action_cancel();

    @Message
    String action_delete();

    @Message
    String cancel_message_label();

    @Message
    String cancel_message_help();

    @Message
    String hub_sections();

    @Message
    String link_programme();

    @Message
    String link_form();

    @Message
    String link_materials();

    @Message
    String link_image();

    @Message
    String link_registrations();

    @Message
    String link_checkin();

    @Message
    String link_mails();

    @Message
    String hub_audit();

    @Message
    String audit_none();

    @Message
    String col_when();

    @Message
    String col_who();

    @Message
    String col_action();

    @Message
    String col_detail();

    @Message
    String actor_system();

    @Message
    String actor_visitor();

    @Message
    String done_created();

    @Message
    String done_saved();

    @Message
    String done_published();

    @Message
    String done_unpublished();

    @Message
    String done_cancelled();

    @Message
    String done_deleted();

    @Message
    String done_duplicated();

    @Message
    String form_new_title(String organisation);

    @Message
    String form_edit_title(String title);

    @Message
    String section_content();

    @Message
    String section_english();

    @Message
    String english_intro();

    @Message
    String section_when_where();

    @Message
    String section_signup();

    @Message
    String section_contact();

    @Message
    String section_visibility();

    @Message
    String f_title();

    @Message
    String f_slug();

    @Message
    String f_slug_help();

    @Message
    String f_summary();

    @Message
    String f_description();

    @Message
    String f_description_help();

    @Message
    String f_themes();

    @Message
    String f_themes_help();

    @Message
    String f_format();

    @Message
    String format_online();

    @Message
    String format_in_person();

    @Message
    String format_hybrid();

    @Message
    String f_starts_at();

    @Message
    String f_ends_at();

    @Message
    String times_help();

    @Message
    String f_venue_name();

    @Message
    String f_venue_address();

    @Message
    String f_venue_city();

    @Message
    String f_online_platform();

    @Message
    String f_join_url();

    @Message
    String f_join_url_help();

    @Message
    String f_audience();

    @Message
    String f_outcomes();

    @Message
    String f_outcomes_help();

    @Message
    String f_title_en();

    @Message
    String f_summary_en();

    @Message
    String f_description_en();

    @Message
    String f_audience_en();

    @Message
    String f_outcomes_en();

    @Message
    String f_contact_name();

    @Message
    String f_contact_role();

    @Message
    String f_contact_email();

    @Message
    String f_capacity();

    @Message
    String f_capacity_help();

    @Message
    String f_online_capacity();

    @Message
    String f_online_capacity_help();

    @Message
    String f_signup_opens_at();

    @Message
    String f_signup_closes_at();

    @Message
    String f_partners();

    @Message
    String f_unlisted();

    @Message
    String f_unlisted_help();

    @Message
    String f_requires_approval();

    @Message
    String fact_image();

    @Message
    String fact_no_image();

    @Message
    String f_requires_approval_help();

    @Message
    String button_save();

    @Message
    String button_preview();

    @Message
    String preview_heading();

    @Message
    String preview_en_heading();

    @Message
    String back_to_event();

    @Message
    String back_to_organisation(String organisation);

    @Message
    String confirm_title();

    @Message
    String confirm_text(long count);

    @Message
    String confirm_intro();

    @Message
    String confirm_button();


    @Message
    String err_cost_invalid();

    @Message
    String err_language_invalid();

    @Message
    String section_practical();

    @Message
    String practical_intro();

    @Message
    String f_cost();

    @Message
    String f_cost_help();

    @Message
    String f_cost_includes();

    @Message
    String f_cost_includes_en();

    @Message
    String f_languages();

    @Message
    String language_nl();

    @Message
    String language_en();

    @Message
    String language_both();

    @Message
    String f_venue_accessibility();

    @Message
    String f_venue_accessibility_en();

    @Message
    String f_live_captions();

    @Message
    String f_sign_language();

    @Message
    String f_online_accessibility();

    @Message
    String f_online_accessibility_en();

    @Message
    String f_route_info();

    @Message
    String f_route_info_en();

    @Message
    String f_accreditation();

    @Message
    String f_accreditation_help();

    @Message
    String f_accreditation_en();

    @Message
    String f_privacy_note();

    @Message
    String f_privacy_note_help();

    @Message
    String f_privacy_note_en();
}
