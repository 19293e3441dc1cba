package nl.kennisagenda.backoffice;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the mail log, password reset, account and organisation management, and the account mails, used as
 * {@code {admmail:key}}. Dutch (the default) in messages/admmail_nl.properties, English in admmail_en.properties.
 * Parameters are plain text (Qute escapes them in HTML).
 */
@MessageBundle(value = "admmail", locale = "nl")
public interface AdmMailMessages {

    @Message
    String reset_subject();

    @Message
    String reset_mail_intro(String email);

    @Message
    String reset_mail_button();

    @Message
    String reset_mail_ignore();

    @Message
    String reset_footer();

    @Message
    String invite_subject();

    @Message
    String invite_mail_intro(String email);

    @Message
    String invite_mail_button();

    @Message
    String invite_footer();

    @Message
    String mail_greeting(String name);

    @Message
    String mail_signature();

    @Message
    String mail_signature_name();

    @Message
    String mail_link_fallback();

    @Message
    String mail_link_validity(long validHours);

    @Message
    String forgot_link();

    @Message
    String reset_request_title();

    @Message
    String reset_request_intro();

    @Message
    String reset_email();

    @Message
    String reset_request_submit();

    @Message
    String reset_error_title();

    @Message
    String reset_error_email();

    @Message
    String reset_sent_title();

    @Message
    String reset_sent_text();

    @Message
    String reset_throttled_title();

    @Message
    String reset_throttled_text(long minutes);

    @Message
    String reset_back_to_login();

    @Message
    String reset_choose_title();

    @Message
    String reset_choose_intro(String email);

    @Message
    String reset_password();

    @Message
    String reset_password_hint();

    @Message
    String reset_confirm();

    @Message
    String reset_choose_submit();

    @Message
    String reset_error_short();

    @Message
    String reset_error_long();

    @Message
    String reset_error_mismatch();

    @Message
    String reset_invalid_title();

    @Message
    String reset_invalid_text();

    @Message
    String reset_invalid_again();

    @Message
    String login_password_changed();

    @Message
    String required_note();

    @Message
    String required_mark();

    @Message
    String nav_label();

    @Message
    String nav_events();

    @Message
    String nav_mails();

    @Message
    String nav_accounts();

    @Message
    String nav_organisations();

    @Message
    String nav_account();

    @Message
    String mails_title();

    @Message
    String mails_event_title(String title);

    @Message
    String mails_intro();

    @Message
    String mails_intro_admin();

    @Message
    String mails_filter();

    @Message
    String mails_filter_status();

    @Message
    String mails_filter_kind();

    @Message
    String mails_filter_q();

    @Message
    String mails_filter_any();

    @Message
    String mails_filter_submit();

    @Message
    String mails_caption(int page, int pages, long total);

    @Message
    String mails_none();

    @Message
    String col_created();

    @Message
    String col_recipient();

    @Message
    String col_kind();

    @Message
    String col_subject();

    @Message
    String col_status();

    @Message
    String col_attempts();

    @Message
    String col_sent();

    @Message
    String col_last_error();

    @Message
    String col_event();




    @Message
    String not_rendered();

    @Message
    String status_queued();

    @Message
    String status_retrying();

    @Message
    String status_sending();

    @Message
    String status_sent();

    @Message
    String status_failed();

    @Message
    String status_superseded();

    @Message
    String kind_CONFIRMATION();

    @Message
    String kind_WAITING_LIST();

    @Message
    String kind_PROMOTION();

    @Message
    String kind_CANCELLATION();

    @Message
    String kind_REGISTRATION_UPDATED();

    @Message
    String kind_SESSIONS_CHANGED();

    @Message
    String kind_DUPLICATE_SIGNUP();

    @Message
    String kind_REMINDER();

    @Message
    String kind_EVENT_UPDATED();

    @Message
    String kind_EVENT_CANCELLED();

    @Message
    String kind_PASSWORD_RESET();

    @Message
    String kind_ACCOUNT_INVITATION();

    @Message
    String kind_REGISTRATION_PENDING();

    @Message
    String kind_REGISTRATION_DECLINED();

    @Message
    String kind_ORGANISER_EVENT_FULL();

    @Message
    String kind_ORGANISER_SESSION_FULL();

    @Message
    String kind_ORGANISER_WAITLIST_STARTED();

    @Message
    String kind_ORGANISER_DAILY_SUMMARY();

    @Message
    String kind_NEWSLETTER_CONFIRMATION();

    @Message
    String kind_NEWSLETTER_ALREADY_SUBSCRIBED();

    @Message
    String kind_NEWSLETTER_REPERMISSION();

    @Message
    String kind_NEWSLETTER_ISSUE();

    @Message
    String kind_NEWSLETTER_TEST();
    String kind_ORGANISER_MESSAGE();

    @Message
    String kind_ORGANISER_MESSAGE_TEST();

    @Message
    String detail_message();

    @Message
    String mail_title(long id);

    @Message
    String mail_back();

    @Message
    String mail_facts();

    @Message
    String mail_message_id();

    @Message
    String mail_language();

    @Message
    String mail_next_attempt();

    @Message
    String mail_rendered();

    @Message
    String mail_headers();

    @Message
    String mail_attachments();

    @Message
    String mail_text();

    @Message
    String mail_html();

    @Message
    String mail_html_frame();

    @Message
    String mail_html_source();

    @Message
    String mail_token_masked();

    @Message
    String mail_retry();

    @Message
    String mail_retry_note();

    @Message
    String mail_retried();

    @Message
    String mail_retry_not_failed();

    @Message
    String mail_event();

    @Message
    String mail_platform();

    @Message
    String accounts_title();

    @Message
    String accounts_intro();

    @Message
    String accounts_new();

    @Message
    String accounts_caption();

    @Message
    String col_name();

    @Message
    String col_email();

    @Message
    String col_role();

    @Message
    String col_organisations();

    @Message
    String col_active();

    @Message
    String col_last_login();

    @Message
    String yes();

    @Message
    String no();

    @Message
    String never();

    @Message
    String account_new_title();

    @Message
    String account_edit_title(String name);

    @Message
    String account_name();

    @Message
    String account_email();

    @Message
    String account_role();

    @Message
    String account_organisations();

    @Message
    String account_organisations_hint();

    @Message
    String account_active();

    @Message
    String account_create_submit();

    @Message
    String account_save_submit();

    @Message
    String account_created(String email);

    @Message
    String account_saved();

    @Message
    String account_send_link();

    @Message
    String account_link_sent();

    @Message
    String account_deactivate();

    @Message
    String account_deactivated();

    @Message
    String account_activate();

    @Message
    String account_activated();

    @Message
    String account_error_name();

    @Message
    String account_error_email();

    @Message
    String account_error_email_taken();

    @Message
    String account_error_role();

    @Message
    String account_error_organisations();

    @Message
    String account_error_self();

    @Message
    String role_ADMINISTRATOR();

    @Message
    String role_ORGANISER();

    @Message
    String role_OBSERVER();

    @Message
    String orgs_title();

    @Message
    String orgs_new();

    @Message
    String orgs_caption();

    @Message
    String col_slug();

    @Message
    String col_website();

    @Message
    String org_new_title();

    @Message
    String org_edit_title(String name);

    @Message
    String org_name();

    @Message
    String org_slug();

    @Message
    String org_slug_hint();

    @Message
    String org_website();

    @Message
    String org_website_hint();

    @Message
    String org_saved();

    @Message
    String org_error_name();

    @Message
    String org_error_slug();

    @Message
    String org_error_slug_taken();

    @Message
    String org_error_website();

    @Message
    String org_edit();

    @Message
    String me_title();

    @Message
    String me_intro();

    @Message
    String me_name_heading();

    @Message
    String me_name_submit();

    @Message
    String me_name_saved();

    @Message
    String me_password_heading();

    @Message
    String me_password_note();

    @Message
    String me_current_password();

    @Message
    String me_password_submit();

    @Message
    String me_error_current();

    @Message
    String me_error_locked();

    @Message
    String error_summary_title();
}
