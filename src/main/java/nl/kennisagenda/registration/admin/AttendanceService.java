package nl.kennisagenda.registration.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.common.TransactionRetry;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.registration.Attendee;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.admin.AttendanceRefusedException.Reason;
import nl.kennisagenda.registration.admin.AttendanceTickets.Ticket;
import nl.kennisagenda.registration.admin.ParticipantList.Participant;
import nl.kennisagenda.registration.admin.ParticipantList.RowWithoutAddress;
import nl.kennisagenda.registration.admin.RegistrationQueries.Row;
import nl.kennisagenda.registration.service.RegistrationOperations;
import nl.kennisagenda.registration.service.UnknownEventException;

/**
 * Attendance recorded after the start, for events without check-in at a door: from a participant list (upload →
 * preview → confirm) or ticked by hand. Both mark people present through {@link RegistrationOperations#checkIn},
 * the path of the check-in itself, so every person gets a history line, an audit entry and the usual
 * {@code RegistrationChanged} event; each action adds one summary entry to the audit log. Only confirmed
 * registrations are marked, and only once the event has started. Access: reading as for the registration list,
 * changing needs {@link AccessPolicy#requireCanChange}.
 *
 * <p>Moment and "by": a list says who was there, not when they arrived, so the mark is dated at the event's start;
 * {@code checked_in_by} says "list upload by …" for a list and the account's name by hand.
 */
@ApplicationScoped
public class AttendanceService {

    /** The history detail of a mark from a participant list. */
    public static final String FROM_LIST = "participant list";
    /** The history detail of a mark or unmark in the by-hand list. */
    public static final String BY_HAND = "by hand";

    @Inject
    RegistrationOperations operations;

    @Inject
    TransactionRetry retry;

    @Inject
    AuditLog audit;

    @Inject
    AttendanceTickets tickets;

    @Inject
    AttendanceConfig config;

    @Inject
    RegistrationQueries queries;

    /** A registration as the preview lists it. */
    public record Person(long id, String name, String email, RegistrationStatus status) {
    }

    /**
     * The checked list before anything changes. {@code ticket} carries {@code toMark} to {@link #confirm}.
     *
     * @param notConfirmed on the list and registered, but cancelled, waitlisted, pending or declined
     * @param absentInFile on the list, but the file itself says they did not attend (Zoom webinar reports)
     */
    public record Preview(String fileName, List<Person> toMark, List<Person> alreadyPresent,
            List<Participant> notRegistered, List<RowWithoutAddress> withoutAddress, List<Person> notConfirmed,
            List<Participant> absentInFile, String ticket) {
    }

    /** What a confirmation did: marked present, and skipped because the registration changed since the preview. */
    public record Imported(int marked, int skipped) {
    }

    /** What a by-hand save did. */
    public record Saved(int marked, int unmarked) {
    }

    // ---------------------------------------------------------------- reading

    /** Whether attendance can be recorded: the event has started. */
    public boolean isOpen(Event event) {
        return !event.startsAt.isAfter(Instant.now());
    }

    /**
     * The confirmed people for the by-hand list: by name or organisation ({@code q}), and {@code presence}
     * "present" or "absent" (else everyone).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Row> confirmed(Actor actor, long eventId, String q, String presence) {
        return queries.confirmed(actor, eventId, q).stream()
                .filter(row -> !"present".equals(presence) || row.checkedIn())
                .filter(row -> !"absent".equals(presence) || !row.checkedIn())
                .toList();
    }

    // ---------------------------------------------------------------- the participant list

    /**
     * Matches the list with the event's registrations by address (trimmed, case-insensitive) and says what a
     * confirmation would do. Changes nothing.
     *
     * @throws AttendanceRefusedException NOT_STARTED before the start, TOO_MANY beyond what a ticket carries
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview preview(Actor actor, long eventId, ParticipantList.Result list, String fileName) {
        Event event = changeable(actor, eventId);
        Map<String, Registration> byAddress = new HashMap<>();
        for (Registration registration : Registration.<Registration>list(
                "from Registration r join fetch r.attendee where r.event = ?1 order by r.id", event)) {
            String address = Attendee.normalise(registration.attendee.email);
            Registration known = byAddress.get(address);
            // Someone who cancelled and signed up again may have two rows: the live one counts.
            if (known == null || rank(registration) < rank(known)) {
                byAddress.put(address, registration);
            }
        }
        List<Person> toMark = new ArrayList<>();
        List<Person> alreadyPresent = new ArrayList<>();
        List<Participant> notRegistered = new ArrayList<>();
        List<Person> notConfirmed = new ArrayList<>();
        List<Participant> absentInFile = new ArrayList<>();
        for (Participant participant : list.participants()) {
            if (!participant.attended()) {
                absentInFile.add(participant);
                continue;
            }
            Registration registration = byAddress.get(participant.email());
            if (registration == null) {
                notRegistered.add(participant);
            } else if (!registration.isConfirmed()) {
                notConfirmed.add(person(registration));
            } else if (registration.isCheckedIn()) {
                alreadyPresent.add(person(registration));
            } else {
                toMark.add(person(registration));
            }
        }
        if (toMark.size() > AttendanceTickets.MAX_IDS) {
            throw new AttendanceRefusedException(Reason.TOO_MANY);
        }
        String name = fileName(fileName);
        String ticket = tickets.issue(new Ticket(eventId, actor.accountId(),
                Instant.now().plus(config.previewValidity()), toMark.stream().map(Person::id).toList(),
                notRegistered.size(), name));
        return new Preview(name, toMark, alreadyPresent, notRegistered, list.withoutAddress(), notConfirmed,
                absentInFile, ticket);
    }

    /**
     * Marks present the people of a preview, in one transaction: those still confirmed and not yet present (a
     * registration cancelled or marked in between is skipped). One audit entry sums it up.
     *
     * @throws AttendanceRefusedException PREVIEW_INVALID for a ticket that is not ours, expired, or for another
     *         event or account; NOT_STARTED
     */
    public Imported confirm(Actor actor, long eventId, String ticketValue) {
        return retry.inNewTransaction(() -> {
            Event event = changeable(actor, eventId);
            Ticket ticket = tickets.read(ticketValue, eventId, actor.accountId(), Instant.now())
                    .orElseThrow(() -> new AttendanceRefusedException(Reason.PREVIEW_INVALID));
            ActedBy by = ActedBy.of(actor);
            String checkedInBy = truncate("list upload by " + actor.name(), 200);
            int marked = 0;
            int skipped = 0;
            for (long id : ticket.registrationIds()) {
                Registration registration = Registration.findById(id);
                if (registration == null || registration.event.id.longValue() != eventId
                        || !registration.isConfirmed()) {
                    skipped++;
                } else if (operations.checkIn(id, by, event.startsAt, checkedInBy, FROM_LIST)) {
                    marked++;
                } else {
                    skipped++;
                }
            }
            audit.record(by, event, AuditLog.ATTENDANCE_IMPORTED, "attendance list imported (" + marked
                    + " marked present)" + (ticket.fileName().isEmpty() ? "" : ": " + ticket.fileName())
                    + "; " + ticket.notRegistered() + " not registered" + (skipped > 0 ? "; " + skipped
                            + " skipped, changed since the preview" : ""));
            return new Imported(marked, skipped);
        });
    }

    // ---------------------------------------------------------------- by hand

    /**
     * Saves the by-hand list: of the registrations that were on the page ({@code shown}), those in
     * {@code present} are marked present and the others unmarked. Registrations of other events or no longer
     * confirmed are left alone. One audit entry when anything changed.
     */
    public Saved saveByHand(Actor actor, long eventId, Collection<Long> shown, Set<Long> present) {
        return retry.inNewTransaction(() -> {
            Event event = changeable(actor, eventId);
            if (shown.isEmpty()) {
                return new Saved(0, 0);
            }
            ActedBy by = ActedBy.of(actor);
            int marked = 0;
            int unmarked = 0;
            List<Registration> registrations = Registration.list("event = ?1 and status = ?2 and id in ?3 order by id",
                    event, RegistrationStatus.CONFIRMED, List.copyOf(shown));
            for (Registration registration : registrations) {
                boolean wanted = present.contains(registration.id);
                if (wanted && !registration.isCheckedIn()) {
                    if (operations.checkIn(registration.id, by, event.startsAt, truncate(actor.name(), 200),
                            BY_HAND)) {
                        marked++;
                    }
                } else if (!wanted && registration.isCheckedIn()) {
                    if (operations.undoCheckIn(registration.id, by, BY_HAND)) {
                        unmarked++;
                    }
                }
            }
            if (marked + unmarked > 0) {
                audit.record(by, event, AuditLog.ATTENDANCE_BY_HAND,
                        "attendance by hand: " + marked + " marked present, " + unmarked + " marked absent");
            }
            return new Saved(marked, unmarked);
        });
    }

    // ---------------------------------------------------------------- rules

    /** The event, for an actor who may change it, once it has started. */
    private Event changeable(Actor actor, long eventId) {
        Event event = Event.<Event>findByIdOptional(eventId)
                .orElseThrow(() -> new UnknownEventException(Long.toString(eventId)));
        AccessPolicy.requireCanChange(actor, event.organisation);
        if (!isOpen(event)) {
            throw new AttendanceRefusedException(Reason.NOT_STARTED);
        }
        return event;
    }

    /** Confirmed first, then waiting list and pending, then closed ones. */
    private static int rank(Registration registration) {
        return switch (registration.status) {
            case CONFIRMED -> 0;
            case WAITLISTED, PENDING -> 1;
            case CANCELLED, DECLINED -> 2;
        };
    }

    private static Person person(Registration registration) {
        return new Person(registration.id, registration.fullName(), registration.email, registration.status);
    }

    /** The file's own name without folders or control characters, at most 100 characters; for display and audit. */
    static String fileName(String name) {
        if (name == null) {
            return "";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}|]", "").strip();
        return truncate(base, 100);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
