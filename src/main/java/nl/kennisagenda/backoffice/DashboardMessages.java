package nl.kennisagenda.backoffice;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the dashboards, used in templates as {@code {admdash:key}}. Dutch (the default) in
 * messages/admdash_nl.properties, English in messages/admdash_en.properties.
 */
@MessageBundle(value = "admdash", locale = "nl")
public interface DashboardMessages {

    @Message
    String event_title(String name);

    @Message
    String back_to_event(String name);

    @Message
    String download_csv();

    @Message
    String key_figures();

    @Message
    String signups();

    @Message
    String confirmed();

    @Message
    String fill_rate();

    @Message
    String no_capacity();

    @Message
    String waitlisted();

    @Message
    String pending();

    @Message
    String cancelled();

    @Message
    String checked_in();

    @Message
    String checkin_rate();

    @Message
    String noshow_rate();

    @Message
    String noshow_not_yet();

    @Message
    String newsletter();

    @Message
    String none();

    @Message
    String none_yet();

    @Message
    String signups_over_time();

    @Message
    String no_signups();

    @Message
    String signups_chart_caption();

    @Message
    String show_table();

    @Message
    String col_day();

    @Message
    String col_per_day();

    @Message
    String col_cumulative();

    @Message
    String fill_heading();

    @Message
    String fill_caption();

    @Message
    String col_part();

    @Message
    String col_capacity();

    @Message
    String whole_event();

    @Message
    String unlimited();

    @Message
    String mode_on_site();

    @Message
    String mode_online();

    @Message
    String organisations_heading();

    @Message
    String organisations_caption();

    @Message
    String col_organisation();

    @Message
    String col_count();

    @Message
    String answers_heading();

    @Message
    String no_select_fields();

    @Message
    String col_answer();

    @Message
    String org_title(String name);

    @Message
    String back_to_organisation(String name);

    @Message
    String org_intro();

    @Message
    String org_no_events();

    @Message
    String org_chart_caption();

    @Message
    String org_table_caption();

    @Message
    String col_event();

    @Message
    String col_date();

    @Message
    String link_dashboard();

    @Message
    String legend_per_day();

    @Message
    String legend_cumulative();

    @Message
    String legend_signups();

    @Message
    String legend_present();

    @Message
    String csv_metric();

    @Message
    String csv_value();
}
