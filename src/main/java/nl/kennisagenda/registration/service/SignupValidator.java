package nl.kennisagenda.registration.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.i18n.Localized;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.StandardFormFields;
import nl.kennisagenda.mail.MailHeaders;
import nl.kennisagenda.registration.RegistrationMessages;

/**
 * Checks a submitted sign-up against the event's own form: required fields, e-mail syntax, lengths, options,
 * breakout choices. The same rules for the form, the API and self-service changes. Messages come back in the
 * visitor's language, by field key, in form order.
 */
@ApplicationScoped
public class SignupValidator {

    /** Keys that are not form fields but may be submitted. */
    public static final String NEWSLETTER = "newsletter";

    /**
     * Key of the attendance mode choice ("ON_SITE" or "ONLINE") that every hybrid event's form has: not an
     * organiser's field but part of the registration itself ({@link nl.kennisagenda.registration.Registration#mode()}).
     */
    public static final String ATTENDANCE_MODE = "attendanceMode";

    /** Pragmatic address syntax: one @, a dotted domain, no spaces or control characters. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{6,40}");
    /** Longest stored answer (registration_answers.answer). */
    private static final int ANSWER_COLUMN = 4000;
    private static final Map<String, Integer> COLUMN_LIMITS = Map.of(
            FormField.FIRST_NAME, 100, FormField.LAST_NAME, 100, FormField.EMAIL, 254,
            FormField.ORGANISATION, 200, FormField.ROLE, 200);

    @Inject
    RegistrationMessages dutch;

    @Inject
    @Localized("en")
    RegistrationMessages english;

    public RegistrationMessages messages(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? english : dutch;
    }

    private static final Set<String> CORE_KEYS = Set.of(FormField.FIRST_NAME, FormField.LAST_NAME, FormField.EMAIL);

    /**
     * The fields of the event's form in order, plus first name, last name and e-mail if the organiser's form
     * lacks them: every registration needs those.
     */
    public static List<FormField> effectiveFields(Event event) {
        List<FormField> fields = new ArrayList<>(event.formFields);
        Set<String> present = new LinkedHashSet<>();
        fields.forEach(field -> present.add(field.fieldKey));
        // Standard fields are built only for a form that lacks a core field, not on every sign-up.
        if (!present.containsAll(CORE_KEYS)) {
            for (FormField standard : StandardFormFields.forEvent(event)) {
                if (CORE_KEYS.contains(standard.fieldKey) && !present.contains(standard.fieldKey)) {
                    standard.sortOrder = -1;
                    fields.add(standard);
                }
            }
        }
        // A programme with breakout rounds needs the session choice on its form, also when the organiser did not add
        // that field in the form editor: without it nobody could choose a session.
        if (fields.stream().noneMatch(field -> field.type == FieldType.BREAKOUT_CHOICE)
                && !event.breakoutRounds().isEmpty()) {
            FormField sessions = StandardFormFields.field(event, Integer.MAX_VALUE, FormField.SESSIONS,
                    "Keuze van deelsessies", "Choice of breakout sessions", FieldType.BREAKOUT_CHOICE, true, null);
            sessions.helpNl = "Kies per ronde één sessie.";
            sessions.helpEn = "Choose one session per round.";
            fields.add(sessions);
        }
        fields.sort(Comparator.comparingInt(field -> field.sortOrder));
        if (event.isHybrid() && fields.stream().noneMatch(field -> field.fieldKey.equals(ATTENDANCE_MODE))) {
            // Right after the person's own details, before the organiser's questions and the sessions.
            int at = 0;
            for (int i = 0; i < fields.size(); i++) {
                if (PERSON_KEYS.contains(fields.get(i).fieldKey)) {
                    at = i + 1;
                }
            }
            fields.add(at, attendanceModeField(event));
        }
        return fields;
    }

    private static final Set<String> PERSON_KEYS = Set.of(FormField.FIRST_NAME, FormField.LAST_NAME, FormField.EMAIL,
            FormField.ORGANISATION, FormField.ROLE);

    /** The required choice of a hybrid event's form: a SELECT whose stored options are the mode names. */
    private static FormField attendanceModeField(Event event) {
        FormField field = StandardFormFields.field(event, -1, ATTENDANCE_MODE, "Hoe neem je deel?",
                "How will you take part?", FieldType.SELECT, true, null);
        field.options.addAll(List.of(nl.kennisagenda.event.AttendanceMode.ON_SITE.name(),
                nl.kennisagenda.event.AttendanceMode.ONLINE.name()));
        field.optionsEn.addAll(List.of("On site", "Online"));
        return field;
    }

    /** "op locatie" / "online": the mode as a sentence names it. */
    public String modeLabel(nl.kennisagenda.event.AttendanceMode mode, Locale locale) {
        RegistrationMessages m = messages(locale);
        return mode == nl.kennisagenda.event.AttendanceMode.ONLINE ? m.mode_online_lower() : m.mode_on_site_lower();
    }

    /** Longest accepted answer for a field: the form's own limit, never more than the column holds. */
    public static int maxLength(FormField field) {
        return Math.min(field.effectiveMaxLength(), COLUMN_LIMITS.getOrDefault(field.fieldKey, ANSWER_COLUMN));
    }

    /**
     * Validates a sign-up or a change against the event's current form.
     *
     * @param fixedEmail for a change: the registration's address, which cannot be changed (null for a sign-up)
     */
    public ValidatedSignup validate(Event event, SignupInput input, Locale locale, String fixedEmail) {
        return validate(SignupForm.of(event), input, locale, fixedEmail);
    }

    /** As {@link #validate(Event, SignupInput, Locale, String)}, against a copy of the form ({@link SignupForms}). */
    public ValidatedSignup validate(SignupForm form, SignupInput input, Locale locale, String fixedEmail) {
        RegistrationMessages m = messages(locale);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> clean = new LinkedHashMap<>();
        List<Long> sessions = List.of();
        Set<String> known = new LinkedHashSet<>();
        boolean hasSessionField = false;

        for (SignupForm.Field field : form.fields()) {
            known.add(field.key());
            if (field.type() == FieldType.BREAKOUT_CHOICE) {
                hasSessionField = true;
                sessions = validateSessions(form, field, input.sessions(), m, errors);
                continue;
            }
            if (fixedEmail != null && field.key().equals(FormField.EMAIL)) {
                clean.put(FormField.EMAIL, fixedEmail);
                continue;
            }
            String answer = validateField(field, input.all(field.key()), m, errors);
            if (answer != null) {
                clean.put(field.key(), answer);
            }
        }
        if (!hasSessionField && !input.sessions().isEmpty()) {
            errors.put(FormField.SESSIONS, m.error_unknown_field());
        }
        for (String key : input.values().keySet()) {
            if (!known.contains(key) && !key.equals(FormField.SESSIONS)) {
                errors.putIfAbsent(safeKey(key), m.error_unknown_field());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSignupException(errors);
        }
        Map<String, String> answers = new LinkedHashMap<>(clean);
        String firstName = answers.remove(FormField.FIRST_NAME);
        String lastName = answers.remove(FormField.LAST_NAME);
        String email = answers.remove(FormField.EMAIL);
        String organisation = answers.remove(FormField.ORGANISATION);
        String role = answers.remove(FormField.ROLE);
        String consent = input.newsletter() ? m.newsletter_consent() : null;
        nl.kennisagenda.event.AttendanceMode mode = form.hybrid()
                ? nl.kennisagenda.event.AttendanceMode.parse(answers.remove(ATTENDANCE_MODE))
                : form.impliedMode();
        answers.remove(ATTENDANCE_MODE);
        return new ValidatedSignup(firstName, lastName, email, organisation, role, answers, sessions,
                input.newsletter(), consent, mode);
    }

    /** Returns the cleaned answer, or null when empty; records an error when a rule is broken. */
    private String validateField(SignupForm.Field field, List<String> raw, RegistrationMessages m,
            Map<String, String> errors) {
        String key = field.key();
        List<String> values = raw.stream().map(value -> value == null ? "" : value).toList();
        if (field.type() != FieldType.MULTI_SELECT && values.size() > 1) {
            errors.put(key, m.error_invalid_value());
            return null;
        }
        String single = values.isEmpty() ? "" : values.get(0);
        int max = field.maxLength();
        switch (field.type()) {
            case TEXT, EMAIL, PHONE, SELECT -> {
                String value = single.strip();
                if (value.isEmpty()) {
                    if (field.required()) {
                        errors.put(key, field.type() == FieldType.SELECT ? m.error_required_choice()
                                : m.error_required());
                    }
                    return null;
                }
                if (hasControlCharacters(value, false)) {
                    errors.put(key, m.error_control_characters());
                    return null;
                }
                if (value.length() > max) {
                    errors.put(key, m.error_too_long(max));
                    return null;
                }
                // The pattern gives the visitor a quick answer; the mail's own strict check must agree, or the
                // confirmation could not be written and the whole sign-up would fail.
                if (field.type() == FieldType.EMAIL
                        && (!EMAIL.matcher(value).matches() || !MailHeaders.isValidAddress(value))) {
                    errors.put(key, m.error_email());
                    return null;
                }
                if (field.type() == FieldType.PHONE && !PHONE.matcher(value).matches()) {
                    errors.put(key, m.error_phone());
                    return null;
                }
                if (field.type() == FieldType.SELECT && !field.options().contains(value)) {
                    errors.put(key, m.error_option());
                    return null;
                }
                return value;
            }
            case TEXTAREA -> {
                String value = single.replace("\r\n", "\n").replace('\r', '\n').strip();
                if (value.isEmpty()) {
                    if (field.required()) {
                        errors.put(key, m.error_required());
                    }
                    return null;
                }
                if (hasControlCharacters(value, true)) {
                    errors.put(key, m.error_control_characters());
                    return null;
                }
                if (value.length() > max) {
                    errors.put(key, m.error_too_long(max));
                    return null;
                }
                return value;
            }
            case MULTI_SELECT -> {
                Set<String> chosen = new LinkedHashSet<>();
                for (String value : values) {
                    String option = value.strip();
                    if (option.isEmpty()) {
                        continue;
                    }
                    if (!field.options().contains(option)) {
                        errors.put(key, m.error_option());
                        return null;
                    }
                    chosen.add(option);
                }
                if (chosen.isEmpty()) {
                    if (field.required()) {
                        errors.put(key, m.error_required_choice());
                    }
                    return null;
                }
                // Options keep the organiser's order, whatever order the browser sent them in.
                List<String> ordered = field.options().stream().filter(chosen::contains).toList();
                String joined = String.join("\n", ordered);
                if (joined.length() > ANSWER_COLUMN) {
                    errors.put(key, m.error_too_long(ANSWER_COLUMN));
                    return null;
                }
                return joined;
            }
            case CHECKBOX -> {
                String value = single.strip().toLowerCase(Locale.ROOT);
                boolean ticked = switch (value) {
                    case "true", "on", "yes", "1" -> true;
                    case "false", "off", "no", "0", "" -> false;
                    default -> {
                        errors.put(key, m.error_invalid_value());
                        yield false;
                    }
                };
                if (!ticked && field.required() && !errors.containsKey(key)) {
                    errors.put(key, m.error_required_checkbox());
                }
                return ticked ? "true" : null;
            }
            default -> throw new IllegalStateException("Unhandled field type " + field.type());
        }
    }

    private List<Long> validateSessions(SignupForm form, SignupForm.Field field, List<String> raw,
            RegistrationMessages m, Map<String, String> errors) {
        Map<Integer, SignupForm.Session> byRound = new LinkedHashMap<>();
        for (String value : raw) {
            String trimmed = value == null ? "" : value.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            Long id = parseId(trimmed);
            SignupForm.Session session = id == null ? null : form.breakouts().get(id);
            if (session == null) {
                errors.put(field.key(), m.error_session_unknown());
                return List.of();
            }
            SignupForm.Session earlier = byRound.putIfAbsent(session.round(), session);
            if (earlier != null && earlier.id() != session.id()) {
                errors.put(field.key(), m.error_session_multiple(session.round()));
                return List.of();
            }
        }
        if (field.required()) {
            // Every round without a choice at once, so the visitor fixes them in one go.
            List<Integer> missing = form.rounds().stream().filter(round -> !byRound.containsKey(round)).toList();
            if (missing.size() == 1) {
                errors.put(field.key(), m.error_session_round(missing.get(0)));
                return List.of();
            }
            if (!missing.isEmpty()) {
                String rounds = missing.subList(0, missing.size() - 1).stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")) + " " + m.and() + " "
                        + missing.get(missing.size() - 1);
                errors.put(field.key(), m.error_session_rounds(rounds));
                return List.of();
            }
        }
        return byRound.values().stream().map(SignupForm.Session::id).sorted().toList();
    }

    private static Long parseId(String value) {
        if (value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(value);
    }

    /** Unknown keys come from the client: never echo one that could be long or odd. */
    private static String safeKey(String key) {
        return key.matches("[A-Za-z][A-Za-z0-9_-]{0,59}") ? key : "_unknown";
    }

    /**
     * Control characters (CR, LF, NUL, escape, the Unicode line and paragraph separators…) have no place in a
     * name or an address; they are how header injection starts. Multi-line fields may hold line breaks and tabs.
     */
    static boolean hasControlCharacters(String value, boolean multiLine) {
        return value.codePoints().anyMatch(c -> {
            if (multiLine && (c == '\n' || c == '\t')) {
                return false;
            }
            return Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x85;
        });
    }
}
