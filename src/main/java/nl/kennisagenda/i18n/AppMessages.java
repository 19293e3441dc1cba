package nl.kennisagenda.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the site frame and the event pages, used in templates as {@code {msg:key}}.
 * Dutch is the default (messages/msg_nl.properties), English in messages/msg_en.properties.
 * Features with many texts of their own keep them in their own bundle (e.g. {@code reg:} for sign-up).
 */
@MessageBundle(value = "msg", locale = "nl")
public interface AppMessages {

    @Message
    String site_name();

    @Message
    String site_tagline();

    @Message
    String skip_to_content();

    @Message
    String nav_main();

    @Message
    String nav_events();

    @Message
    String nav_past_events();

    @Message
    String nav_organisations();

    @Message
    String language_switch_label();

    @Message
    String language_other();

    @Message
    String language_other_name();

    @Message
    String footer_text();

    @Message
    String not_found_title();

    @Message
    String not_found_text();

    @Message
    String back_home();

    @Message
    String bad_request_title();

    @Message
    String bad_request_text();

    /** A request the application refuses for its form rather than its content (method, media type, access). */
    @Message
    String refused_title();

    @Message
    String forbidden_text();

    @Message
    String method_not_allowed_text();

    @Message
    String not_acceptable_text();

    @Message
    String unsupported_media_type_text();

    /** A form POST whose CSRF token did not match this browser's cookie. */
    @Message
    String csrf_title();

    @Message
    String csrf_text();

    @Message
    String csrf_back();

    /** A form POST whose token was ours and this browser's, but too old: the values are offered again. */
    @Message
    String csrf_expired_title();

    @Message
    String csrf_expired_text();

    @Message
    String csrf_expired_kept();

    @Message
    String csrf_expired_send();

    @Message
    String csrf_expired_not_kept();

    /** A changing request sent from another site's page (its Origin is not ours). */
    @Message
    String csrf_origin_text();

    /** Too many attempts from one client (HTTP 429). */
    @Message
    String rate_limited_title();

    @Message
    String rate_limited_text();

    /** The database cannot be reached for a moment (HTTP 503, web/DatabaseUnavailableMapper). */
    @Message
    String unavailable_title();

    @Message
    String unavailable_text();

    @Message
    String api_unavailable();

    @Message
    String home_intro();

    @Message
    String filter_heading();

    @Message
    String filter_q();

    @Message
    String filter_q_hint();

    @Message
    String filter_organisation();

    @Message
    String filter_any_organisation();

    @Message
    String filter_theme();

    @Message
    String filter_any_theme();

    @Message
    String filter_format();

    @Message
    String filter_any_format();

    @Message
    String filter_month();

    @Message
    String filter_any_month();

    @Message
    String filter_submit();

    @Message
    String filter_reset();

    @Message
    String filter_error_title();

    @Message
    String filter_invalid_format(String value);

    @Message
    String filter_invalid_month(String value);

    @Message
    String filter_invalid_q();

    @Message
    String filter_invalid_page(String value);

    @Message
    String agenda_page_nav();

    @Message
    String agenda_page_previous();

    @Message
    String agenda_page_next();

    @Message
    String agenda_page_position(int page, int pages);

    @Message
    String results_heading();

    @Message
    String results_count(int count);

    @Message
    String no_results_title();

    @Message
    String no_results_text();

    @Message
    String no_upcoming();

    @Message
    String format_online();

    @Message
    String format_in_person();

    @Message
    String format_hybrid();

    @Message
    String places_mode_on_site(String places);

    @Message
    String places_mode_online(String places);

    @Message
    String places_mode_unlimited();

    @Message
    String places_left(int count);

    @Message
    String full_waitlist();

    @Message
    String session_full();

    @Message
    String session_capacity(int count);

    @Message
    String organiser_with_partners(String organiser, String partners);

    @Message
    String cancelled_badge();

    @Message
    String cancelled_banner_title();

    @Message
    String cancelled_banner_text();

    @Message
    String event_key_facts();

    @Message
    String event_when();

    @Message
    String event_where();

    @Message
    String event_how_online(String platform);

    @Message
    String event_online_link_note();

    @Message
    String event_places();

    @Message
    String event_places_unlimited();

    @Message
    String event_audience();

    @Message
    String event_outcomes();

    @Message
    String event_about();

    @Message
    String event_programme();

    @Message
    String programme_round(int round);

    @Message
    String programme_round_intro();

    @Message
    String programme_room();

    @Message
    String programme_speakers();

    @Message
    String kind_plenary();

    @Message
    String kind_breakout();

    @Message
    String kind_break();

    @Message
    String event_speakers();

    @Message
    String event_organisers();

    @Message
    String organiser();

    @Message
    String partners();

    @Message
    String in_partnership_with();

    @Message
    String event_contact();

    @Message
    String contact_intro();

    @Message
    String event_signup();

    @Message
    String signup_button();

    @Message
    String signup_button_waitlist();

    @Message
    String signup_waitlist_note();

    @Message
    String signup_not_yet_open(String date);

    @Message
    String signup_closed();

    @Message
    String signup_past();

    @Message
    String signup_cancelled();

    @Message
    String signup_closes(String date);


    @Message
    String event_materials();

    @Message
    String material_slides();

    @Message
    String material_recording();

    @Message
    String material_document();

    @Message
    String material_link();

    @Message
    String no_materials();

    /** Headings of the material groups of the look back (event.Materials), also used by the follow-up mails. */
    @Message
    String materials_slides();

    @Message
    String materials_recording();

    @Message
    String materials_document();

    @Message
    String materials_link();

    @Message
    String lookback_heading();

    @Message
    String lookback_took_place(String date);

    @Message
    String lookback_took_place_short();

    @Message
    String lookback_no_materials();

    @Message
    String event_themes();

    @Message
    String past_title();

    @Message
    String past_intro();

    @Message
    String past_none();

    @Message
    String organisations_title();

    @Message
    String organisations_intro();

    @Message
    String organisation_website(String name);

    @Message
    String organisation_upcoming();

    @Message
    String organisation_past();

    @Message
    String organisation_no_upcoming();

    @Message
    String organisation_no_past();

    @Message
    String speaker_upcoming();

    @Message
    String speaker_past();

    @Message
    String speaker_about(String name);

    @Message
    String event_list_label();

    @Message
    String date_label();

    @Message
    String api_event_not_found(String slug);

    @Message
    String api_not_found(String path);

    @Message
    String api_bad_request();

    @Message
    String word_and();

    @Message
    String practical_heading();

    @Message
    String practical_costs();

    @Message
    String practical_free();

    @Message
    String practical_language();

    @Message
    String practical_language_nl();

    @Message
    String practical_language_en();

    @Message
    String practical_and();

    @Message
    String practical_venue_accessibility();

    @Message
    String practical_online_accessibility();

    @Message
    String practical_live_captions();

    @Message
    String practical_sign_language();

    @Message
    String practical_route();

    @Message
    String practical_accreditation();

    @Message
    String practical_privacy();
}
