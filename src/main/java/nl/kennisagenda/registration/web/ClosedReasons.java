package nl.kennisagenda.registration.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.SignupState;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.RegistrationMessages;
import nl.kennisagenda.registration.service.SignupValidator;

/** Why sign-up is not possible, in the visitor's language, with the opening moment when there is one. */
@ApplicationScoped
public class ClosedReasons {

    @Inject
    SignupValidator validator;

    public String text(Event event, SignupState state, Locale locale) {
        return text(state, event.signupOpensAt, locale);
    }

    public String text(SignupState state, java.time.Instant opensAt, Locale locale) {
        RegistrationMessages m = validator.messages(locale);
        return switch (state) {
            case NOT_YET_OPEN -> opensAt == null ? m.closed_closed()
                    : m.closed_not_yet_open(Dates.day(opensAt, locale), Dates.time(opensAt));
            case CLOSED -> m.closed_closed();
            case PAST -> m.closed_past();
            case CANCELLED -> m.closed_cancelled();
            case NOT_PUBLISHED -> m.closed_not_published();
            case OPEN -> "";
        };
    }
}
