package nl.kennisagenda.audit;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the audit log page, used as {@code {admaudit:key}}. Dutch (the default) in
 * messages/admaudit_nl.properties, English in admaudit_en.properties.
 */
@MessageBundle(value = "admaudit", locale = "nl")
public interface AdmAuditMessages {

    @Message
    String nav_audit();

    @Message
    String title();

    @Message
    String intro_admin();

    @Message
    String intro();

    @Message
    String filter();

    @Message
    String filter_action();

    @Message
    String filter_any();

    @Message
    String filter_who();

    @Message
    String filter_from();

    @Message
    String filter_to();

    @Message
    String filter_submit();

    @Message
    String none();

    @Message
    String caption(int page, int pages, long total);

    @Message
    String col_when();

    @Message
    String col_who();

    @Message
    String col_action();

    @Message
    String col_event();

    @Message
    String col_detail();

    @Message
    String actor_system();

    @Message
    String actor_visitor();

    @Message
    String actor_unknown();



}
