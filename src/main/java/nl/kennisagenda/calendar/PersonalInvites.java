package nl.kennisagenda.calendar;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import nl.kennisagenda.registration.Registration;

/**
 * The iCalendar invites (iTIP, RFC 5546) that go with a person's mails: the person's own view of the event.
 * <p>
 * UID: {@code registration-<registration id>@<uid domain>} (see {@link CalendarUids}): the same in the confirmation,
 * every update, the cancellation and the personal feed, so the entry moves or disappears instead of doubling.
 * SEQUENCE: {@link Registration#calendarSequence()} (the event's changes plus the person's own, such as another
 * breakout session) for a REQUEST; a CANCEL is one above the last REQUEST, so it always supersedes it.
 * DTSTAMP: the moment the invite is written, in UTC.
 * <p>
 * Call inside the transaction that has the registration loaded (the texts read its event, programme and sessions).
 * Texts are in the registration's own language.
 */
@ApplicationScoped
public class PersonalInvites {

    @Inject
    CalendarComponents components;

    /**
     * METHOD:REQUEST for the person's entry. STATUS:CONFIRMED with PARTSTAT=ACCEPTED for a confirmed person (with
     * the join link of an online or hybrid event in DESCRIPTION and CONFERENCE); a waitlisted person gets
     * STATUS:TENTATIVE, PARTSTAT=TENTATIVE and never the join link.
     */
    public String request(Registration registration) {
        Calendar calendar = components.newCalendar(ImmutableMethod.REQUEST);
        calendar.add(components.personal(registration, Instant.now(), false));
        return IcsWriter.write(calendar);
    }

    /** METHOD:CANCEL for the person's entry: same UID, STATUS:CANCELLED, SEQUENCE one above the last request. */
    public String cancel(Registration registration) {
        Calendar calendar = components.newCalendar(ImmutableMethod.CANCEL);
        calendar.add(components.personal(registration, Instant.now(), true));
        return IcsWriter.write(calendar);
    }
}
