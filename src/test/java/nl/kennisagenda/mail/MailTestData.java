package nl.kennisagenda.mail;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventChanged;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.ProgrammeItemKind;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.Attendee;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged;
import nl.kennisagenda.registration.RegistrationStatus;

/**
 * Events and registrations for the mail tests, made the way the sign-up service makes them: entities plus the
 * CDI event fired inside the same transaction.
 */
@ApplicationScoped
public class MailTestData {

    public static final String JOIN_URL = "https://zoom.example.org/j/99887766?pwd=geheim";

    @Inject
    jakarta.enterprise.event.Event<RegistrationChanged> registrationChanged;

    @Inject
    jakarta.enterprise.event.Event<EventChanged> eventChanged;

    @Inject
    OutboxSender sender;

    /** Ids of an event and its two breakout sessions. */
    public record TestEvent(Long id, Long sessionA, Long sessionB) {
    }

    /** The day of {@link #onlineEvent}: the second Thursday of January next year (winter time). */
    public static final LocalDate EVENT_DAY = LocalDate.of(LocalDate.now(Dates.AMSTERDAM).getYear() + 1, 1, 1)
            .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.THURSDAY));

    /** A published online event on {@link #EVENT_DAY}, 10:30–12:00 Amsterdam time, with one breakout round. */
    public TestEvent onlineEvent(String title) {
        return event(title, EventFormat.ONLINE, EVENT_DAY);
    }

    public TestEvent event(String title, EventFormat format, LocalDate day) {
        Instant start = day.atTime(LocalTime.of(10, 30)).atZone(Dates.AMSTERDAM).toInstant();
        return event(title, format, start);
    }

    public TestEvent event(String title, EventFormat format, Instant start) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            Organisation organisation = new Organisation();
            organisation.slug = "org-" + suffix;
            organisation.name = "Kennisnetwerk Test";
            organisation.persist();
            Event event = new Event();
            event.slug = "mail-test-" + suffix;
            event.organisation = organisation;
            event.title = title;
            event.summary = "Samenvatting";
            event.format = format;
            event.startsAt = start;
            event.endsAt = start.plus(Duration.ofMinutes(90));
            event.onlinePlatform = format == EventFormat.IN_PERSON ? null : "Zoom";
            event.joinUrl = format == EventFormat.IN_PERSON ? null : JOIN_URL;
            event.venueName = format == EventFormat.ONLINE ? null : "Stadhuis";
            event.venueCity = format == EventFormat.ONLINE ? null : "Vlissingen";
            event.contactName = "Anna de Vries";
            event.contactEmail = "anna@example.org";
            event.capacity = 100;
            event.status = EventStatus.PUBLISHED;
            event.persist();
            item(event, start, 0, 15, "Welkom", ProgrammeItemKind.PLENARY, null);
            ProgrammeItem a = item(event, start, 15, 60, "Sessie Wonen", ProgrammeItemKind.BREAKOUT, 1);
            ProgrammeItem b = item(event, start, 15, 60, "Sessie Zorg", ProgrammeItemKind.BREAKOUT, 1);
            item(event, start, 60, 90, "Afsluiting", ProgrammeItemKind.PLENARY, null);
            return new TestEvent(event.id, a.id, b.id);
        });
    }

    private static ProgrammeItem item(Event event, Instant start, int from, int to, String title,
            ProgrammeItemKind kind, Integer round) {
        ProgrammeItem item = new ProgrammeItem();
        item.event = event;
        item.startsAt = start.plus(from, ChronoUnit.MINUTES);
        item.endsAt = start.plus(to, ChronoUnit.MINUTES);
        item.title = title;
        item.kind = kind;
        item.roundNumber = round;
        item.persist();
        event.programme.add(item);
        return item;
    }

    /** Creates a registration with the given status and fires the change, in one transaction. */
    public Long register(Long eventId, String email, String firstName, String language, RegistrationStatus status,
            RegistrationChanged.Change change, Long... sessionIds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Registration registration = newRegistration(eventId, email, firstName, language, status, sessionIds);
            registrationChanged.fire(new RegistrationChanged(registration, change));
            return registration.id;
        });
    }

    /** Creates a registration without any mail (as if it existed before). */
    public Long registerQuietly(Long eventId, String email, String firstName, String language,
            RegistrationStatus status, Instant createdAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Registration registration = new Registration();
            fill(registration, eventId, email, firstName, language, status);
            registration.createdAt = createdAt;
            registration.persist();
            return registration.id;
        });
    }

    Registration newRegistration(Long eventId, String email, String firstName, String language,
            RegistrationStatus status, Long... sessionIds) {
        Registration registration = new Registration();
        fill(registration, eventId, email, firstName, language, status);
        for (Long sessionId : sessionIds) {
            registration.sessions.add(ProgrammeItem.findById(sessionId));
        }
        registration.persist();
        return registration;
    }

    private static void fill(Registration registration, Long eventId, String email, String firstName,
            String language, RegistrationStatus status) {
        Attendee attendee = Attendee.findByEmail(email).orElseGet(() -> {
            Attendee created = new Attendee();
            created.email = Attendee.normalise(email);
            created.persist();
            return created;
        });
        registration.event = Event.findById(eventId);
        registration.attendee = attendee;
        registration.status = status;
        registration.firstName = firstName;
        registration.lastName = "Jansen";
        registration.email = email;
        registration.locale = language;
    }

    /** Changes the registration's status and fires the change, in one transaction. */
    public void change(Long registrationId, RegistrationStatus status, RegistrationChanged.Change change) {
        QuarkusTransaction.requiringNew().run(() -> {
            Registration registration = Registration.findById(registrationId);
            registration.status = status;
            if (status == RegistrationStatus.CANCELLED) {
                registration.cancelledAt = Instant.now();
            }
            registrationChanged.fire(new RegistrationChanged(registration, change));
        });
    }

    /**
     * Puts the registration in another session, as the manage page and the organiser's move do: the person's calendar
     * SEQUENCE goes up and the change says so, in one transaction.
     */
    public void changeSession(Long registrationId, Long fromSessionId, Long toSessionId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Registration registration = Registration.findById(registrationId);
            java.util.Set<Long> before = registration.sessionIds();
            registration.sessions.removeIf(session -> session.id.equals(fromSessionId));
            registration.sessions.add(ProgrammeItem.findById(toSessionId));
            boolean calendarChanged = registration.raiseCalendarSequenceIfSessionsChanged(before);
            registrationChanged.fire(new RegistrationChanged(registration, RegistrationChanged.Change.UPDATED, null,
                    null, calendarChanged));
        });
    }

    /** Moves the event by a day (as the event service would: sequence up, then the CDI event). */
    public void reschedule(Long eventId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Event event = Event.findById(eventId);
            event.startsAt = event.startsAt.plus(Duration.ofDays(1));
            event.endsAt = event.endsAt.plus(Duration.ofDays(1));
            event.icalSequence++;
            eventChanged.fire(new EventChanged(event, EventChanged.Change.RESCHEDULED));
        });
    }

    public void cancelEvent(Long eventId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Event event = Event.findById(eventId);
            event.status = EventStatus.CANCELLED;
            event.icalSequence++;
            eventChanged.fire(new EventChanged(event, EventChanged.Change.CANCELLED));
        });
    }

    /**
     * The registration's mails after the sender's render step (as the sender would render them now, without
     * sending): mails are written unrendered in the transaction of the change.
     */
    public List<OutboxMail> mailsFor(Long registrationId) {
        for (OutboxMail stored : storedMailsFor(registrationId)) {
            if (!stored.isRendered() && stored.status == MailStatus.PENDING) {
                sender.renderNow(stored.id);
            }
        }
        return storedMailsFor(registrationId);
    }

    /** The registration's mails as they are in the outbox, rendered or not. */
    public List<OutboxMail> storedMailsFor(Long registrationId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxMail> mails = OutboxMail.forRegistration(registrationId);
            mails.forEach(mail -> mail.attachments.size());
            return mails;
        });
    }

    public OutboxMail onlyMailFor(Long registrationId) {
        List<OutboxMail> mails = mailsFor(registrationId);
        if (mails.size() != 1) {
            throw new AssertionError("Expected one mail for registration " + registrationId + ", got " + mails.size());
        }
        return mails.get(0);
    }

    public OutboxMail mail(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMail mail = OutboxMail.findById(id);
            mail.attachments.size();
            return mail;
        });
    }

    /** Runs the sender at {@code at} until it finds nothing more to claim; returns how many mails it sent. */
    public static int sendEverythingDue(OutboxSender sender, Instant at) {
        int sent = 0;
        OutboxSender.Run run;
        do {
            run = sender.sendDue(at);
            sent += run.sent();
        } while (run.claimed() > 0);
        return sent;
    }

    public static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
