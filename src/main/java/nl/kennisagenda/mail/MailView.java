package nl.kennisagenda.mail;

import java.util.List;

import nl.kennisagenda.event.Event;
import nl.kennisagenda.registration.Registration;

/**
 * Everything a mail template shows, computed in Java in the recipient's language (templates hold no rules).
 *
 * @param joinUrl the online join link, or {@code null} when this person must not get it (only confirmed
 *        attendees of online and hybrid events do, and never in a cancellation)
 * @param programme the person's own programme: the plenary parts and their chosen sessions
 * @param otherSessions the breakout sessions they did not choose, shown folded below their own programme
 * @param answers their answers to the event's own questions, to read back (empty in a mail that cancels)
 * @param eventFull a waitlisted person waits because the event is full
 * @param fullSessions a waitlisted person waits for these chosen sessions, which are full
 * @param changeable the person can still change or cancel the registration (the manage link says so)
 * @param signUpAgainUrl where a person who cancelled can sign up again while sign-up is open; null otherwise
 * @param fullMode at a hybrid event, the mode a waitlisted person waits for because it is full ("op locatie",
 *        "online"); null otherwise
 * @param otherModeWithPlaces at a hybrid event, the other mode when it still has places and the person can switch to
 *        it; null otherwise
 */
public record MailView(
        String lang,
        String subject,
        Registration registration,
        Event event,
        String when,
        List<String> where,
        String organiser,
        String contact,
        String statusLine,
        String joinUrl,
        List<ProgrammeLine> programme,
        List<ProgrammeLine> otherSessions,
        List<AnswerLine> answers,
        boolean eventFull,
        List<String> fullSessions,
        String manageUrl,
        boolean changeable,
        String signUpAgainUrl,
        String calendarUrl,
        boolean requestAttached,
        boolean cancelAttached,
        String fullMode,
        String otherModeWithPlaces) {

    /** One line of the programme; {@code chosen} marks the person's own breakout sessions. */
    public record ProgrammeLine(String time, String title, String round, String room, String speakers,
            boolean breakout, boolean chosen) {
    }

    /** A question of the sign-up form and the person's answer, in the mail's language. */
    public record AnswerLine(String label, String value) {
    }
}
