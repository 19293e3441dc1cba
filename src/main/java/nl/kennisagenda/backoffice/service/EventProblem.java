package nl.kennisagenda.backoffice.service;

import nl.kennisagenda.backoffice.EventEditorMessages;

/** Why a field of an event cannot be saved; the text is in the admev bundle, in the reader's language. */
public enum EventProblem {
    REQUIRED, TOO_LONG, NOT_A_DATE, NOT_A_NUMBER, END_NOT_AFTER_START, SIGNUP_CLOSES_AFTER_START,
    SIGNUP_OPENS_AFTER_CLOSE, CAPACITY_BELOW_CONFIRMED, JOIN_LINK_INVALID, SLUG_MALFORMED, SLUG_TAKEN,
    EMAIL_INVALID, FORMAT_INVALID, UNKNOWN_PARTNER, NEGATIVE, COST_INVALID, LANGUAGE_INVALID;

    public String text(EventEditorMessages m, Integer number) {
        return switch (this) {
            case REQUIRED -> m.err_required();
            case TOO_LONG -> m.err_too_long(number == null ? 0 : number);
            case NOT_A_DATE -> m.err_not_a_date();
            case NOT_A_NUMBER -> m.err_not_a_number();
            case END_NOT_AFTER_START -> m.err_end_not_after_start();
            case SIGNUP_CLOSES_AFTER_START -> m.err_signup_closes_after_start();
            case SIGNUP_OPENS_AFTER_CLOSE -> m.err_signup_opens_after_close();
            case CAPACITY_BELOW_CONFIRMED -> m.err_capacity_below_confirmed(number == null ? 0 : number);
            case JOIN_LINK_INVALID -> m.err_join_link_invalid();
            case SLUG_MALFORMED -> m.err_slug_malformed();
            case SLUG_TAKEN -> m.err_slug_taken();
            case EMAIL_INVALID -> m.err_email_invalid();
            case FORMAT_INVALID -> m.err_format_invalid();
            case UNKNOWN_PARTNER -> m.err_unknown_partner();
            case NEGATIVE -> m.err_negative();
            case COST_INVALID -> m.err_cost_invalid();
            case LANGUAGE_INVALID -> m.err_language_invalid();
        };
    }
}
