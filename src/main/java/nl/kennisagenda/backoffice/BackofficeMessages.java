package nl.kennisagenda.backoffice;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the back-office (log-in and overview), used in templates as {@code {adm:key}}.
 * Dutch (the default) in messages/adm_nl.properties, English in messages/adm_en.properties.
 */
@MessageBundle(value = "adm", locale = "nl")
public interface BackofficeMessages {

    @Message
    String login_title();

    @Message
    String login_intro();

    @Message
    String login_email();

    @Message
    String login_password();

    @Message
    String login_submit();

    @Message
    String login_error_title();

    @Message
    String login_error_invalid();

    @Message
    String login_error_locked(long minutes);

    @Message
    String login_error_expired();

    @Message
    String login_logged_out();

    @Message
    String required_note();

    @Message
    String required_mark();

    @Message
    String overview_title();

    @Message
    String overview_intro_admin();

    @Message
    String overview_intro(String name);

    @Message
    String overview_organisations();

    @Message
    String logged_in_as(String name);

    @Message
    String logout();

    @Message
    String role_administrator();

    @Message
    String role_organiser();

    @Message
    String role_observer();

    @Message
    String events_heading();

    @Message
    String events_none();

    @Message
    String col_title();

    @Message
    String col_organisation();

    @Message
    String col_date();

    @Message
    String col_status();

    @Message
    String col_confirmed();

    @Message
    String col_waitlisted();

    @Message
    String unlimited();

    @Message
    String status_draft();

    @Message
    String status_published();

    @Message
    String status_cancelled();

    @Message
    String organisation_title(String name);

    @Message
    String back_to_overview();

    @Message
    String read_only_note();

    /** Previous/next links under a list (tags/admPaging). */
    @Message
    String page_nav();

    @Message
    String page_previous();

    @Message
    String page_next();

    /** Where the reader is in the overview's event list. */
    @Message
    String events_page(int page, int pages);
}
