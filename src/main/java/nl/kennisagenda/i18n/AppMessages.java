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
}
