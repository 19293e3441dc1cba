package nl.kennisagenda.privacy.data;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the personal-data pages (export and erasure, public and back-office) and of the retention setting, used as
 * {@code {gdpr:key}}. Dutch in messages/gdpr_nl.properties, English in gdpr_en.properties.
 */
@MessageBundle(value = "gdpr", locale = "nl")
public interface GdprMessages {

    // ---- public: from the manage link or the newsletter preferences
    @Message String link();
    @Message String page_title();
    @Message String intro(String address);
    @Message String export_title();
    @Message String export_text();
    @Message String export_button();
    @Message String erase_title();
    @Message String erase_text();
    @Message String erase_link();
    @Message String erase_confirm_title();
    @Message String erase_confirm_question(String address);
    @Message String erase_confirm_future();
    @Message String erase_confirm_button();
    @Message String erase_keep();
    @Message String erased_title();
    @Message String erased_text();
    @Message String erased_counts(int registrations, int cancelled, int subscriptions);
    @Message String back();

    // ---- back-office: search by address, export, erase
    @Message String admin_nav();
    @Message String admin_title();
    @Message String admin_intro_all();
    @Message String admin_intro_organisations(String organisations);
    @Message String admin_address();
    @Message String admin_address_hint();
    @Message String admin_search();
    @Message String admin_error_summary_title();
    @Message String admin_error_address();
    @Message String admin_results(String address);
    @Message String admin_nothing();
    @Message String admin_registrations();
    @Message String admin_col_event();
    @Message String admin_col_organisation();
    @Message String admin_col_date();
    @Message String admin_col_status();
    @Message String admin_subscription(String status);
    @Message String admin_mails(int count);
    @Message String admin_export_button();
    @Message String admin_erase_button();
    @Message String admin_erase_question(String address);
    @Message String admin_erase_scope_all();
    @Message String admin_erase_scope_organisations();
    @Message String admin_erased(int registrations, int cancelled, int subscriptions);

    // ---- back-office: the organisation's retention period
    @Message String retention_link();
    @Message String retention_title(String organisation);
    @Message String retention_intro();
    @Message String retention_months();
    @Message String retention_hint(int defaultMonths);
    @Message String retention_current(int months);
    @Message String retention_save();
    @Message String retention_saved();
    @Message String retention_error(int min, int max);
}
