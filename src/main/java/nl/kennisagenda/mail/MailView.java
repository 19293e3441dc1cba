package nl.kennisagenda.mail;

import java.util.List;

import nl.kennisagenda.event.Event;
import nl.kennisagenda.registration.Registration;

/**
 * Everything a mail template shows, computed in Java in the recipient's language (templates hold no rules).
 *
 * @param joinUrl the online join link, or {@code null} when this person must not get it (only confirmed
 *        attendees of online and hybrid events do, and never in a cancellation)
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
        String manageUrl,
        String calendarUrl,
        boolean requestAttached,
        boolean cancelAttached) {

    /** One line of the programme; {@code chosen} marks the person's own breakout sessions. */
    public record ProgrammeLine(String time, String title, String round, String room, String speakers,
            boolean breakout, boolean chosen) {
    }
}
