package nl.kennisagenda.account;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the admin API's errors and the API token page, used in templates as {@code {admapi:key}}. Dutch (the
 * default) in messages/admapi_nl.properties, English in messages/admapi_en.properties.
 */
@MessageBundle(value = "admapi", locale = "nl")
public interface AdminApiMessages {

    @Message
    String api_unauthorized();

    @Message
    String api_token_refused();

    @Message
    String api_forbidden();

    @Message
    String api_json_required();

    @Message
    String tokens_title();

    @Message
    String tokens_intro();

    @Message
    String tokens_nav();

    @Message
    String tokens_observer_note();

    @Message
    String tokens_new_heading();

    @Message
    String tokens_name();

    @Message
    String tokens_name_help();

    @Message
    String tokens_expires();

    @Message
    String tokens_expires_help();

    @Message
    String tokens_create();

    @Message
    String tokens_created_heading();

    @Message
    String tokens_created_secret(String name);

    @Message
    String tokens_created_once();

    @Message
    String tokens_created_usage();

    @Message
    String tokens_revoked_notice();

    @Message
    String tokens_own_heading();

    @Message
    String tokens_all_heading();

    @Message
    String tokens_none();

    @Message
    String col_name();

    @Message
    String col_account();

    @Message
    String col_prefix();

    @Message
    String col_created();

    @Message
    String col_last_used();

    @Message
    String col_expires();

    @Message
    String col_status();

    @Message
    String col_action();

    @Message
    String never();

    @Message
    String no_expiry();

    @Message
    String status_active();

    @Message
    String status_revoked();

    @Message
    String status_expired();

    @Message
    String revoke();

    @Message
    String revoke_label(String name);

    @Message
    String error_summary_title();

    @Message
    String error_name_required();

    @Message
    String error_name_too_long(int max);

    @Message
    String error_expires_invalid();

    @Message
    String error_expires_past();
}
