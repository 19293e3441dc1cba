package nl.kennisagenda.registration.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the registration pages of the back-office and of approval events, used in templates as
 * {@code {admreg:key}}. Dutch (the default) in messages/admreg_nl.properties, English in admreg_en.properties.
 */
@MessageBundle(value = "admreg", locale = "nl")
public interface AdmRegMessages {

    @Message
    String public_status_pending();

    @Message
    String public_status_declined();

    @Message
    String public_result_pending_title();

    @Message
    String public_result_pending_text();

    @Message
    String public_api_pending();

    @Message
    String api_forbidden();

    @Message
    String status_confirmed();

    @Message
    String status_waitlisted();

    @Message
    String status_cancelled();

    @Message
    String status_pending();

    @Message
    String status_declined();

    @Message
    String yes();

    @Message
    String no();

    @Message
    String nav_label();

    @Message
    String nav_event();

    @Message
    String nav_registrations();

    @Message
    String nav_checkin();

    @Message
    String nav_presence();

    @Message
    String nav_csv();

    @Message
    String nav_xlsx();

    @Message
    String list_title(String title);

    @Message
    String back_to_list(String title);

    @Message
    String counts_heading();

    @Message
    String checked_in();

    @Message
    String sessions_caption();

    @Message
    String col_session();

    @Message
    String col_round();

    @Message
    String actions_heading();

    @Message
    String add_link();

    @Message
    String approval_is_on();

    @Message
    String approval_is_off();

    @Message
    String approval_turn_on();

    @Message
    String approval_turn_off();

    @Message
    String search_heading();

    @Message
    String search_label();

    @Message
    String search_help();

    @Message
    String search_submit();

    @Message
    String filter_status();

    @Message
    String filter_session();

    @Message
    String filter_presence();

    @Message
    String filter_any();

    @Message
    String presence_present();

    @Message
    String presence_absent();

    @Message
    String results_heading(long count);

    @Message
    String results_none();

    @Message
    String results_caption(int page, int pages);




    @Message
    String col_name();

    @Message
    String col_email();

    @Message
    String col_organisation();

    @Message
    String col_status();

    @Message
    String col_sessions();

    // Hybrid events: attendance mode

    @Message
    String col_mode();

    @Message
    String mode_on_site();

    @Message
    String mode_online();

    @Message
    String filter_mode();

    @Message
    String counts_online_heading();

    @Message
    String col_created();

    @Message
    String col_checked_in();

    @Message
    String col_newsletter();

    @Message
    String col_when();

    @Message
    String col_change();

    @Message
    String col_by();

    @Message
    String col_detail();

    @Message
    String col_mail();

    @Message
    String col_mail_kind();

    @Message
    String col_mail_status();

    @Message
    String col_attempts();

    @Message
    String col_number();

    @Message
    String col_signature();

    @Message
    String done_saved();

    @Message
    String done_added();

    @Message
    String done_cancelled();

    @Message
    String done_promoted();

    @Message
    String done_approved();

    @Message
    String done_declined();

    @Message
    String done_moved();

    @Message
    String done_checked_in();

    @Message
    String done_check_in_undone();

    @Message
    String done_approval_on();

    @Message
    String done_approval_off();

    @Message
    String problem_title();

    @Message
    String refused_full();

    @Message
    String refused_full_overbook();

    @Message
    String refused_session_full();

    @Message
    String refused_already_registered();

    @Message
    String refused_not_waitlisted();

    @Message
    String refused_not_pending();

    @Message
    String refused_not_confirmed();

    @Message
    String refused_move();

    @Message
    String checked_in_at(String by);

    @Message
    String answers_heading();

    @Message
    String action_approve();

    @Message
    String action_decline();

    @Message
    String action_promote();

    @Message
    String action_checkin();

    @Message
    String action_undo_checkin();

    @Message
    String action_checkin_name(String name);

    @Message
    String action_undo_checkin_name(String name);

    @Message
    String action_move();

    @Message
    String action_cancel();

    @Message
    String move_label(String session);

    @Message
    String overbook_label();

    @Message
    String overbook_help();

    @Message
    String history_heading();

    @Message
    String history_caption();

    @Message
    String history_none();

    @Message
    String change_confirmed();

    @Message
    String change_waitlisted();

    @Message
    String change_promoted();

    @Message
    String change_cancelled();

    @Message
    String change_updated();

    @Message
    String change_duplicate();

    @Message
    String change_pending();

    @Message
    String change_declined();

    @Message
    String change_moved();

    @Message
    String change_checked_in();

    @Message
    String change_check_in_undone();

    @Message
    String by_visitor();

    @Message
    String by_system();

    @Message
    String by_organiser();

    @Message
    String mails_heading();

    @Message
    String mails_caption();

    @Message
    String mails_none();

    @Message
    String add_title(String title);

    @Message
    String add_intro();

    @Message
    String add_submit();

    @Message
    String presence_title(String title);

    @Message
    String presence_caption(int count);

    @Message
    String checkin_title(String title);

    @Message
    String checkin_present();

    @Message
    String checkin_not_yet();

    @Message
    String checkin_search_label();

    @Message
    String checkin_list_heading(int count);

    @Message
    String sheet_name();
}
