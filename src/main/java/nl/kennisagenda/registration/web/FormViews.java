package nl.kennisagenda.registration.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import nl.kennisagenda.event.AttendanceMode;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationMessages;
import nl.kennisagenda.registration.service.SignupInput;
import nl.kennisagenda.registration.service.SignupValidator;

/** Builds {@link FormView}s from an event's form, the submitted or stored values, and errors. */
@ApplicationScoped
public class FormViews {

    /** Form parameter name of the radio group for breakout round n. */
    public static final String ROUND_PREFIX = "session-round-";

    @Inject
    SignupValidator validator;

    /** An empty sign-up form. */
    public FormView blank(Event event, Locale locale, String csrf) {
        return build(event, locale, new SignupInput(Map.of(), List.of(), false), Map.of(), csrf, null);
    }

    /** A change form filled from a registration. */
    public FormView of(Registration registration, Locale locale, String csrf) {
        return build(registration.event, locale, RegistrationInputs.of(registration), Map.of(), csrf, registration);
    }

    /**
     * @param own the registration being changed (its own sessions stay selectable when full; its address is fixed),
     *            or null for a sign-up
     */
    public FormView build(Event event, Locale locale, SignupInput input, Map<String, String> errors, String csrf,
            Registration own) {
        return build(event, locale, input, errors, csrf, own, false);
    }

    /**
     * @param fullSelectable whether full sessions can be chosen too (the organiser's form for adding someone by hand,
     *                       where the capacity rule is checked on submit and may be overruled on purpose)
     */
    public FormView build(Event event, Locale locale, SignupInput input, Map<String, String> errors, String csrf,
            Registration own, boolean fullSelectable) {
        RegistrationMessages m = validator.messages(locale);
        List<FormView.FieldView> fields = new ArrayList<>();
        List<FormView.ErrorLink> summary = new ArrayList<>();
        for (FormField field : SignupValidator.effectiveFields(event)) {
            String key = field.fieldKey;
            String id = "field-" + key;
            String label = field.label(locale);
            String error = errors.get(key);
            boolean readOnly = own != null && key.equals(FormField.EMAIL);
            List<FormView.OptionView> options = new ArrayList<>();
            List<FormView.RoundView> rounds = List.of();
            String value = input.first(key);
            String control;
            if (key.equals(SignupValidator.ATTENDANCE_MODE)) {
                control = "mode";
                modeOptions(event, locale, id, input.first(key), own, m, options);
            } else switch (field.type) {
                case TEXTAREA -> control = "textarea";
                case SELECT -> {
                    control = "select";
                    addOptions(field, locale, id, Set.copyOf(input.all(key).stream().map(String::strip).toList()), options);
                }
                case MULTI_SELECT -> {
                    control = "multi";
                    addOptions(field, locale, id, Set.copyOf(input.all(key).stream().map(String::strip).toList()), options);
                }
                case CHECKBOX -> {
                    control = "checkbox";
                    value = isTicked(value) ? "true" : null;
                }
                case BREAKOUT_CHOICE -> {
                    control = "sessions";
                    rounds = rounds(event, field, input.sessions(), own, fullSelectable, m, error != null);
                }
                default -> control = "input";
            }
            if (error != null) {
                // A session error links to the first round it is about, a mode error to its first choice, other
                // errors to their field.
                String fallback = control.equals("mode") && !options.isEmpty() ? options.get(0).id() : id;
                String target = rounds.stream().filter(FormView.RoundView::inError).findFirst()
                        .map(FormView.RoundView::firstInputId).orElse(fallback);
                summary.add(new FormView.ErrorLink("#" + target, label, error));
            }
            fields.add(new FormView.FieldView(key, id, label, field.help(locale), control, inputType(field),
                    autocomplete(field), field.required, value, SignupValidator.maxLength(field), options, rounds,
                    error, readOnly));
        }
        errors.forEach((key, message) -> {
            boolean shown = fields.stream().anyMatch(field -> field.key().equals(key));
            if (!shown) {
                summary.add(new FormView.ErrorLink("#main", key, message));
            }
        });
        return new FormView(fields, summary, input.newsletter(), m.newsletter_consent(), csrf);
    }

    /**
     * On site and online, each with what happens when chosen: the places left, or that it is full and the choice
     * means the waiting list (for a person who already has a place: that it is full).
     */
    private void modeOptions(Event event, Locale locale, String id, String chosen, Registration own,
            RegistrationMessages m, List<FormView.OptionView> out) {
        AttendanceMode chosenMode = AttendanceMode.parse(chosen);
        for (AttendanceMode mode : AttendanceMode.values()) {
            boolean mine = own != null && own.attendanceMode == mode && !own.isClosed();
            String hint;
            if (mine) {
                hint = own.isWaitlisted() ? m.mode_own_waitlisted() : m.mode_own();
            } else if (event.isFull(mode)) {
                hint = own != null && own.isConfirmed() ? m.mode_full() : m.mode_full_waitlist();
            } else {
                Integer left = event.placesLeft(mode);
                hint = left == null ? null : m.session_places_left(left);
            }
            String label = mode == AttendanceMode.ONLINE ? m.mode_online() : m.mode_on_site();
            out.add(new FormView.OptionView(mode.name(), label, id + "-" + mode.ordinal(), mode == chosenMode, hint));
        }
    }

    private static void addOptions(FormField field, Locale locale, String id, Set<String> chosen,
            List<FormView.OptionView> out) {
        for (int i = 0; i < field.options.size(); i++) {
            String option = field.options.get(i);
            out.add(new FormView.OptionView(option, field.optionLabel(i, locale), id + "-" + i,
                    chosen.contains(option)));
        }
    }

    /**
     * The rounds as radio groups. When the field has an error, the rounds it is about are marked: a required round
     * without a choice, a round with more than one choice or with a full session chosen; when none of these explains
     * the error (e.g. an unknown session), every round.
     */
    private List<FormView.RoundView> rounds(Event event, FormField field, List<String> chosen, Registration own,
            boolean fullSelectable, RegistrationMessages m, boolean fieldInError) {
        List<FormView.RoundView> rounds = new ArrayList<>();
        for (Integer round : event.breakoutRounds()) {
            List<FormView.SessionView> sessions = new ArrayList<>();
            boolean any = false;
            int checkedCount = 0;
            boolean fullChosen = false;
            for (ProgrammeItem item : event.sessionsInRound(round)) {
                boolean checked = chosen.contains(String.valueOf(item.id));
                any |= checked;
                checkedCount += checked ? 1 : 0;
                fullChosen |= checked && item.isFull() && (own == null || !own.sessions.contains(item));
                boolean mine = own != null && own.sessions.contains(item);
                boolean full = item.isFull();
                String places = full ? m.session_full()
                        : item.placesLeft() == null ? "" : m.session_places_left(item.placesLeft());
                sessions.add(new FormView.SessionView(item.id, "session-" + item.id, item.title,
                        Dates.timeRange(item.startsAt, item.endsAt), item.room, places, full, full && !mine && !checked && !fullSelectable,
                        checked));
            }
            boolean inError = fieldInError && ((field.required && !any) || checkedCount > 1 || fullChosen);
            rounds.add(new FormView.RoundView(round, "field-" + field.fieldKey + "-round-" + round,
                    ROUND_PREFIX + round, m.session_round(round), !field.required, !any, sessions, inError));
        }
        if (fieldInError && rounds.stream().noneMatch(FormView.RoundView::inError)) {
            return rounds.stream().map(r -> new FormView.RoundView(r.number(), r.id(), r.name(), r.legend(),
                    r.optional(), r.noneChosen(), r.sessions(), true)).toList();
        }
        return rounds;
    }

    static boolean isTicked(String value) {
        return value != null && switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            default -> false;
        };
    }

    private static String inputType(FormField field) {
        return switch (field.type) {
            case EMAIL -> "email";
            case PHONE -> "tel";
            default -> "text";
        };
    }

    /** Autocomplete tokens so browsers fill in the person's own details. */
    private static String autocomplete(FormField field) {
        if (field.type == FieldType.EMAIL) {
            return "email";
        }
        if (field.type == FieldType.PHONE) {
            return "tel";
        }
        return switch (field.fieldKey) {
            case FormField.FIRST_NAME -> "given-name";
            case FormField.LAST_NAME -> "family-name";
            case FormField.ORGANISATION -> "organization";
            case FormField.ROLE -> "organization-title";
            default -> "";
        };
    }
}
