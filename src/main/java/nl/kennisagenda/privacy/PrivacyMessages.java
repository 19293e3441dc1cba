package nl.kennisagenda.privacy;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the privacy notice, the privacy statement pages (including the platform's default statement), their
 * back-office form and the accessibility statement, used as {@code {privacy:key}}. Dutch in
 * messages/privacy_nl.properties, English in privacy_en.properties.
 */
@MessageBundle(value = "privacy", locale = "nl")
public interface PrivacyMessages {

    // ---- the notice on forms and the footer
    @Message String notice_heading();
    @Message String notice_text(String organisation, String data, String purpose, String retention);
    @Message String notice_text_platform(String data, String purpose, String retention);
    @Message String notice_signup_purpose();
    @Message String notice_newsletter_data();
    @Message String notice_newsletter_purpose();
    @Message String notice_newsletter_retention();
    @Message String notice_version_changed();
    @Message String notice_link();
    @Message String footer_privacy();
    @Message String footer_accessibility();
    @Message String footer_label();

    // ---- the statement page
    @Message String page_title(String organisation);
    @Message String platform_title();
    @Message String version_label(int number, String date);
    @Message String platform_default_label();
    @Message String platform_default_version(String version);
    @Message String contact_heading();
    @Message String retention_heading();
    @Message String statement_heading();
    @Message String versions_heading();
    @Message String version_link(int number, String date);
    @Message String old_version_notice();
    @Message String current_version_link();
    @Message String hash_label();
    @Message String hash_help();

    // ---- the platform's default statement (Markdown), used when an organisation has none
    @Message String default_organiser();
    @Message String default_text(String organisation, String contact);
    @Message String default_retention();
    @Message String default_contact();

    // ---- back-office
    @Message String admin_link();
    @Message String admin_title(String organisation);
    @Message String admin_intro();
    @Message String admin_current(int number, String date, String by);
    @Message String admin_none_yet();
    @Message String admin_text_nl();
    @Message String admin_text_en();
    @Message String admin_text_hint();
    @Message String admin_contact();
    @Message String admin_contact_hint();
    @Message String admin_retention_nl();
    @Message String admin_retention_en();
    @Message String admin_retention_hint();
    @Message String admin_save();
    @Message String admin_saved(int number);
    @Message String admin_history_caption();
    @Message String admin_col_version();
    @Message String admin_col_date();
    @Message String admin_col_by();
    @Message String admin_col_hash();
    @Message String admin_view_public();
    @Message String error_text();
    @Message String error_contact();
    @Message String error_retention();
    @Message String error_too_long();
    @Message String required_note();
    @Message String required_mark();
    @Message String error_summary_title();
    @Message String registration_version();
    @Message String registration_version_none();

    // ---- the accessibility statement
    @Message String a11y_title();
    @Message String a11y_intro();
    @Message String a11y_status_heading();
    @Message String a11y_status_text();
    @Message String a11y_tested_heading();
    @Message String a11y_tested_text();
    @Message String a11y_tested_axe();
    @Message String a11y_tested_nu();
    @Message String a11y_tested_manual();
    @Message String a11y_limits_heading();
    @Message String a11y_limits_organiser_content();
    @Message String a11y_limits_embeds();
    @Message String a11y_limits_materials();
    @Message String a11y_limits_online();
    @Message String a11y_contact_heading();
    @Message String a11y_contact_text();
    @Message String a11y_contact_response();
    @Message String a11y_complaint_heading();
    @Message String a11y_complaint_text();
    @Message String a11y_date_heading();
    @Message String a11y_date_text(String date);
}
