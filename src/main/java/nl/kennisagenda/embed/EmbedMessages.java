package nl.kennisagenda.embed;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the embeds (the framed sign-up form and agenda) and of their back-office page, used as
 * {@code {embed:key}}. Dutch in messages/embed_nl.properties, English in embed_en.properties.
 */
@MessageBundle(value = "embed", locale = "nl")
public interface EmbedMessages {

    @Message String more_info();
    @Message String opens_new_window();
    @Message String signup_link();
    @Message String agenda_title(String organisation);
    @Message String agenda_empty();
    @Message String powered_by();
    @Message String iframe_title_event(String title);
    @Message String iframe_title_organisation(String organisation);
    @Message String sign_up_again();

    // ---- back-office
    @Message String admin_link();
    @Message String admin_title(String organisation);
    @Message String admin_intro();
    @Message String admin_origins();
    @Message String admin_origins_hint();
    @Message String admin_origins_none();
    @Message String admin_save();
    @Message String admin_saved();
    @Message String admin_error_invalid(String lines);
    @Message String admin_error_too_many(int max);
    @Message String admin_error_summary_title();
    @Message String admin_snippet_agenda();
    @Message String admin_snippet_event(String title);
    @Message String admin_snippet_hint();
    @Message String admin_events_heading();
    @Message String admin_no_events();
    @Message String admin_oembed(String url);
    @Message String admin_hub_snippet();
    @Message String admin_hub_snippet_hint();
}
