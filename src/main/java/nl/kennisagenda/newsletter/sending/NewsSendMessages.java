package nl.kennisagenda.newsletter.sending;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of sending a newsletter: the footer of every newsletter mail and the progress page of a send, used as
 * {@code {newssend:key}}. Dutch in messages/newssend_nl.properties, English in newssend_en.
 */
@MessageBundle(value = "newssend", locale = "nl")
public interface NewsSendMessages {

    @Message
    String mail_heading(String organisation);

    @Message
    String mail_reason(String organisation, String since);

    @Message
    String mail_preferences();

    @Message
    String mail_unsubscribe();

    @Message
    String progress_title(String subject);

    @Message
    String progress_back();

    @Message
    String progress_status();

    @Message
    String status_SCHEDULED();

    @Message
    String status_SENDING();

    @Message
    String status_PAUSED();

    @Message
    String status_SENT();

    @Message
    String status_OTHER();

    @Message
    String progress_bar_label();

    @Message
    String progress_bar_text(long sent, long total);

    @Message
    String progress_counting();

    @Message
    String progress_facts();

    @Message
    String fact_total();

    @Message
    String fact_sent();

    @Message
    String fact_waiting();

    @Message
    String fact_failed();

    @Message
    String fact_skipped();

    @Message
    String fact_bounced();

    @Message
    String fact_rate();

    @Message
    String fact_rate_value(String perSecond);

    @Message
    String fact_time_left();

    @Message
    String fact_time_left_value(String duration);

    @Message
    String fact_started();

    @Message
    String fact_finished();

    @Message
    String fact_paused();

    @Message
    String refresh();

    @Message
    String pause();

    @Message
    String pause_help();

    @Message
    String resume();

    @Message
    String resume_help();

    @Message
    String notice_paused();

    @Message
    String notice_resumed();

    @Message
    String notice_not_changed();

    @Message
    String not_started();
}
