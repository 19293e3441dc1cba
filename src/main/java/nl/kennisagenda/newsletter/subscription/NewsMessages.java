package nl.kennisagenda.newsletter.subscription;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of newsletter subscribing: the public pages, the mails and the back-office subscriber pages, used as
 * {@code {news:key}}. Dutch in messages/news_nl.properties, English in news_en.properties.
 */
@MessageBundle(value = "news", locale = "nl")
public interface NewsMessages {

    @Message
    String form_title();

    @Message
    String form_title_org(String name);

    @Message
    String form_intro();

    @Message
    String form_intro_org(String name);

    @Message
    String required_note();

    @Message
    String required_mark();

    @Message
    String error_summary_title();

    @Message
    String error_prefix();

    @Message
    String field_email();

    @Message
    String field_name();

    @Message
    String field_name_help();

    @Message
    String field_language();

    @Message
    String language_nl();

    @Message
    String language_en();

    @Message
    String field_choices();

    @Message
    String field_choices_help();

    @Message
    String field_organisations();

    @Message
    String field_themes();

    @Message
    String no_themes();

    @Message
    String honeypot_label();

    @Message
    String consent_text();

    @Message
    String submit();

    @Message
    String error_email_required();

    @Message
    String error_email();

    @Message
    String error_name_long();

    @Message
    String error_name_control();

    @Message
    String error_choice();

    @Message
    String error_choice_preferences();

    @Message
    String check_title();

    @Message
    String check_text(long hours);

    @Message
    String check_back();

    @Message
    String confirm_title();

    @Message
    String confirm_text();

    @Message
    String confirm_button();

    @Message
    String link_unknown_title();

    @Message
    String link_unknown_text();

    @Message
    String link_expired_title();

    @Message
    String link_expired_text();

    @Message
    String link_used_title();

    @Message
    String link_used_text();

    @Message
    String link_new_mail();

    @Message
    String link_again();

    @Message
    String prefs_title();

    @Message
    String prefs_for(String email);

    @Message
    String prefs_status_confirmed();

    @Message
    String prefs_status_pending();

    @Message
    String prefs_status_unsubscribed();

    @Message
    String prefs_status_bouncing();

    @Message
    String prefs_confirmed();

    @Message
    String prefs_saved();

    @Message
    String prefs_consent_text();

    @Message
    String prefs_save();

    @Message
    String prefs_unsubscribe_title();

    @Message
    String prefs_unsubscribe_text();

    @Message
    String unsubscribe_title();

    @Message
    String unsubscribe_text(String email);

    @Message
    String unsubscribe_already();

    @Message
    String unsubscribe_button();

    @Message
    String unsubscribed_title();

    @Message
    String unsubscribed_text();

    @Message
    String unsubscribed_preferences();

    @Message
    String mail_greeting(String name);

    @Message
    String mail_greeting_anonymous();

    @Message
    String mail_signature();

    @Message
    String mail_confirm_subject();

    @Message
    String mail_confirm_intro(String email);

    @Message
    String mail_confirm_scope(String scope);

    @Message
    String mail_confirm_button();

    @Message
    String mail_link_fallback();

    @Message
    String mail_link_validity(long hours);

    @Message
    String mail_confirm_ignore();

    @Message
    String mail_confirm_footer();

    @Message
    String mail_already_subject();

    @Message
    String mail_already_intro(String email);

    @Message
    String mail_already_scope(String scope);

    @Message
    String mail_already_button();

    @Message
    String mail_already_unsubscribe();

    @Message
    String mail_already_footer();

    @Message
    String mail_repermission_subject(String organisation);

    @Message
    String mail_repermission_intro(String organisation, String email);

    @Message
    String mail_repermission_button();

    @Message
    String mail_repermission_ignore();

    @Message
    String mail_repermission_footer(String organisation);

    @Message
    String repermission_consent_text();

    @Message
    String adm_title(String name);

    @Message
    String adm_back(String name);

    @Message
    String adm_counts();

    @Message
    String adm_search_heading();

    @Message
    String adm_search_label();

    @Message
    String adm_filter_status();

    @Message
    String adm_filter_any();

    @Message
    String adm_search_button();

    @Message
    String adm_results(long total);

    @Message
    String adm_none();

    @Message
    String adm_col_email();

    @Message
    String adm_col_name();

    @Message
    String adm_col_status();

    @Message
    String adm_col_language();

    @Message
    String adm_col_since();

    @Message
    String adm_col_confirmed();

    @Message
    String adm_status_pending();

    @Message
    String adm_status_confirmed();

    @Message
    String adm_status_unsubscribed();

    @Message
    String adm_status_bouncing();

    @Message
    String adm_export();

    @Message
    String adm_import_link();

    @Message
    String adm_page(int page, int pages);

    @Message
    String adm_detail_title(String email);

    @Message
    String adm_back_list();

    @Message
    String adm_done_unsubscribed();

    @Message
    String adm_detail_choices();

    @Message
    String adm_detail_organisations();

    @Message
    String adm_detail_themes();

    @Message
    String adm_detail_unsubscribed();

    @Message
    String adm_detail_method();

    @Message
    String adm_detail_bounce();

    @Message
    String adm_detail_repermission();

    @Message
    String adm_consents();

    @Message
    String adm_consents_none();

    @Message
    String adm_c_requested();

    @Message
    String adm_c_source();

    @Message
    String adm_c_scope();

    @Message
    String adm_c_text();

    @Message
    String adm_c_version();

    @Message
    String adm_c_privacy();

    @Message
    String adm_c_legal();

    @Message
    String adm_c_confirmed();

    @Message
    String adm_c_withdrawn();

    @Message
    String adm_c_not_confirmed();

    @Message
    String adm_unsubscribe_button();

    @Message
    String adm_unsubscribe_help();

    @Message
    String adm_source_form();

    @Message
    String adm_source_organisation_form();

    @Message
    String adm_source_event_signup();

    @Message
    String adm_source_import();

    @Message
    String adm_source_preferences();

    @Message
    String adm_method_link();

    @Message
    String adm_method_one_click();

    @Message
    String adm_method_mailto();

    @Message
    String adm_method_organiser();

    @Message
    String adm_method_bounce();

    @Message
    String adm_import_title(String name);

    @Message
    String adm_import_intro();

    @Message
    String adm_import_basis();

    @Message
    String adm_import_basis_help();

    @Message
    String adm_basis_earlier_consent();

    @Message
    String adm_basis_existing_relationship();

    @Message
    String adm_import_reference();

    @Message
    String adm_import_reference_help();

    @Message
    String adm_import_file();

    @Message
    String adm_import_submit();

    @Message
    String adm_error_basis_required();

    @Message
    String adm_error_reference_required();

    @Message
    String adm_error_reference_long();

    @Message
    String adm_error_file_empty();

    @Message
    String adm_error_file_long(int rows);

    @Message
    String adm_result_title();

    @Message
    String adm_result_added(int count);

    @Message
    String adm_result_subscribed(int count);

    @Message
    String adm_result_unsubscribed(int count);

    @Message
    String adm_result_invalid(int count);

    @Message
    String adm_result_mails(int count);

    @Message
    String adm_result_invalid_lines();

    @Message
    String org_subscribe_link(String name);

    @Message
    String adm_link_subscribers();

    @Message
    String csv_email();

    @Message
    String csv_name();

    @Message
    String csv_status();

    @Message
    String csv_language();

    @Message
    String csv_requested();

    @Message
    String csv_source();

    @Message
    String csv_source_detail();

    @Message
    String csv_scope();

    @Message
    String csv_text();

    @Message
    String csv_version();

    @Message
    String csv_privacy_version();

    @Message
    String csv_legal_basis();

    @Message
    String csv_confirmed();

    @Message
    String csv_withdrawn();

    @Message
    String csv_withdrawn_method();

    @Message
    String csv_unsubscribed();

    @Message
    String csv_unsubscribe_method();
}
