package nl.kennisagenda.registration.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.Attendee;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationMessages;
import nl.kennisagenda.registration.service.SignupValidator;

/** What the self-service page shows about one registration. */
public record ManageView(String token, Event event, String status, boolean confirmed, boolean waitlisted,
        boolean cancelled, boolean changeable, String email, List<Answer> answers, List<Session> sessions,
        Attendee attendee, boolean signUpAgain) {

    public record Answer(String label, String value) {
    }

    public record Session(String title, String time, String room) {
    }

    static ManageView of(Registration registration, boolean changeable, boolean signUpAgain, RegistrationMessages m,
            Locale locale) {
        List<Answer> answers = new ArrayList<>();
        for (FormField field : SignupValidator.effectiveFields(registration.event)) {
            String value = switch (field.fieldKey) {
                case FormField.FIRST_NAME -> registration.firstName;
                case FormField.LAST_NAME -> registration.lastName;
                case FormField.EMAIL -> registration.email;
                case FormField.ORGANISATION -> registration.organisationName;
                case FormField.ROLE -> registration.jobRole;
                default -> registration.answers.get(field.fieldKey);
            };
            if (field.type == FieldType.BREAKOUT_CHOICE) {
                continue;
            }
            if (field.fieldKey.equals(SignupValidator.ATTENDANCE_MODE)) {
                answers.add(new Answer(m.mode_label(), registration.mode() == nl.kennisagenda.event.AttendanceMode.ONLINE
                        ? m.mode_online() : m.mode_on_site()));
                continue;
            }
            if (field.type == FieldType.CHECKBOX) {
                value = "true".equals(value) ? m.answer_yes() : m.answer_no();
            } else if (field.type == FieldType.MULTI_SELECT && value != null) {
                value = String.join(", ", java.util.Arrays.stream(value.split("\n"))
                        .map(option -> field.answerLabel(option, locale)).toList());
            } else if (field.type == FieldType.SELECT && value != null) {
                value = field.answerLabel(value, locale);
            }
            answers.add(new Answer(field.label(locale), value == null || value.isBlank() ? "–" : value));
        }
        answers.add(new Answer(m.answer_newsletter(), registration.newsletterOptIn ? m.answer_yes() : m.answer_no()));
        List<Session> sessions = registration.sessions.stream()
                .sorted(java.util.Comparator.comparing((ProgrammeItem item) -> item.startsAt)
                        .thenComparing(item -> item.id))
                .map(item -> new Session(item.title, Dates.timeRange(item.startsAt, item.endsAt), item.room))
                .toList();
        String status = switch (registration.status) {
            case CONFIRMED -> m.status_confirmed();
            case WAITLISTED -> m.status_waitlisted();
            case CANCELLED -> m.status_cancelled();
            case PENDING -> io.quarkus.qute.i18n.MessageBundles.get(nl.kennisagenda.registration.admin.AdmRegMessages.class,
                    io.quarkus.qute.i18n.Localized.Literal.of(locale.getLanguage())).public_status_pending();
            case DECLINED -> io.quarkus.qute.i18n.MessageBundles.get(nl.kennisagenda.registration.admin.AdmRegMessages.class,
                    io.quarkus.qute.i18n.Localized.Literal.of(locale.getLanguage())).public_status_declined();
        };
        return new ManageView(registration.token, registration.event, status, registration.isConfirmed(),
                registration.isWaitlisted(), registration.isClosed(), changeable, registration.email, answers,
                sessions, registration.attendee, signUpAgain);
    }
}
