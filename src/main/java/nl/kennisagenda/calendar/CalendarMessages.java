package nl.kennisagenda.calendar;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the calendar feature: what goes into iCalendar descriptions and feed names, and the "add to calendar"
 * links ({@code {cal:key}} in templates). Dutch in messages/cal_nl.properties, English in cal_en.properties.
 */
@MessageBundle(value = "cal", locale = "nl")
public interface CalendarMessages {

    @Message
    String programme_heading();

    @Message
    String programme_round(int round);

    @Message
    String programme_your_session();

    @Message
    String join_online(String url);

    @Message
    String join_online_platform(String platform);

    @Message
    String waitlisted_note();

    @Message
    String registration_cancelled_note();

    @Message
    String event_cancelled_note();

    @Message
    String more_information(String url);

    @Message
    String view_registration(String url);

    @Message
    String location_online();

    @Message
    String location_online_via(String platform);

    @Message
    String location_hybrid_suffix();

    @Message
    String programme_item_summary(String event, String item);

    @Message
    String feed_all_name();

    @Message
    String feed_all_description();

    @Message
    String feed_organisation_name(String organisation);

    @Message
    String feed_theme_name(String theme);

    @Message
    String feed_personal_name();

    @Message
    String feed_personal_description();

    @Message
    String add_heading();

    @Message
    String add_download();

    @Message
    String add_apple();

    @Message
    String add_google();

    @Message
    String add_outlook();

    @Message
    String add_outlook_com();

    @Message
    String add_subscribe_organisation(String organisation);

    @Message
    String add_subscribe_personal();

    @Message
    String add_subscribe_help();

    @Message
    String add_feed_personal();

    /** The body of a 412: the calendar does not meet the request's If-Match / If-Unmodified-Since. */
    @Message
    String precondition_failed();
}
