package nl.kennisagenda.registration.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.kennisagenda.event.AttendanceMode;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.SignupState;

/**
 * What a sign-up is checked against, copied out of an event and its form: the fields in form order (the organiser's
 * plus the ones every form has, {@link SignupValidator#effectiveFields}), the breakout sessions that can be chosen and
 * the sign-up window. Immutable and free of entities, so one copy can serve every sign-up for the event from
 * {@link SignupForms} instead of loading the event, its fields, their options and its programme each time.
 * Capacities and counters are not in it: those are read under the event's row lock, never from a copy.
 */
public record SignupForm(long eventId, String slug, EventStatus status, Instant startsAt, Instant signupOpensAt,
        Instant signupClosesAt, boolean hybrid, AttendanceMode impliedMode, List<Field> fields,
        Map<Long, Session> breakouts, List<Integer> rounds) {

    /** A field's rules (labels and help are the form page's business, not the check's). */
    public record Field(String key, FieldType type, boolean required, List<String> options, int maxLength) {
    }

    /** A breakout session a visitor may choose, with its round. */
    public record Session(long id, int round) {
    }

    public SignupForm {
        fields = List.copyOf(fields);
        breakouts = Map.copyOf(breakouts);
        rounds = List.copyOf(rounds);
    }

    /** Copies what a sign-up needs out of the event; reads its form fields and programme (lazy collections). */
    public static SignupForm of(Event event) {
        List<Field> fields = SignupValidator.effectiveFields(event).stream()
                .map(field -> new Field(field.fieldKey, field.type, field.required, List.copyOf(field.options),
                        SignupValidator.maxLength(field)))
                .toList();
        Map<Long, Session> breakouts = event.programme.stream()
                .filter(item -> item.isBreakout() && item.roundNumber != null)
                .map(item -> new Session(item.id, item.roundNumber))
                .collect(Collectors.toMap(Session::id, Function.identity()));
        return new SignupForm(event.id, event.slug, event.status, event.startsAt, event.signupOpensAt,
                event.signupClosesAt, event.isHybrid(), event.impliedMode(), fields, breakouts,
                event.breakoutRounds());
    }

    /** As {@link Event#signupState(Instant)}, on the copied values. */
    public SignupState signupState(Instant now) {
        return SignupState.of(status, startsAt, signupOpensAt, signupClosesAt, now);
    }
}
