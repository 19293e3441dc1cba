package nl.kennisagenda.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.ProgrammeItemKind;
import nl.kennisagenda.event.StandardFormFields;

/** Fresh events for tests, each with its own slug, committed in their own transaction. */
public final class TestEvents {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestEvents() {
    }

    /** What a test needs to know about an event it created. */
    public record Created(long id, String slug, List<Long> sessionIds) {
    }

    /**
     * A published event in 30 days with the standard form. With session capacities: one breakout round with one
     * session per capacity (null = unlimited) and a required session choice.
     */
    public static Created create(String name, Integer capacity, Integer... sessionCapacities) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String slug = name + "-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
            Organisation organisation = new Organisation();
            organisation.slug = "org-" + slug.hashCode() + "-" + SEQUENCE.incrementAndGet();
            organisation.name = "Testnetwerk";
            organisation.persist();
            Event event = new Event();
            event.organisation = organisation;
            event.slug = slug;
            event.title = "Testbijeenkomst " + name;
            event.format = EventFormat.IN_PERSON;
            event.venueName = "Zaal";
            event.startsAt = Instant.now().plus(Duration.ofDays(30));
            event.endsAt = event.startsAt.plus(Duration.ofHours(3));
            event.capacity = capacity;
            event.status = EventStatus.PUBLISHED;
            event.persist();
            List<FormField> form = new ArrayList<>(StandardFormFields.forEvent(event));
            List<Long> sessions = new ArrayList<>();
            for (int i = 0; i < sessionCapacities.length; i++) {
                ProgrammeItem item = new ProgrammeItem();
                item.event = event;
                item.startsAt = event.startsAt.plus(Duration.ofHours(1));
                item.endsAt = item.startsAt.plus(Duration.ofHours(1));
                item.title = "Sessie " + (char) ('A' + i);
                item.kind = ProgrammeItemKind.BREAKOUT;
                item.roundNumber = 1;
                item.capacity = sessionCapacities[i];
                item.persist();
                sessions.add(item.id);
            }
            if (sessionCapacities.length > 0) {
                form.add(StandardFormFields.field(event, 5, FormField.SESSIONS, "Deelsessie", "Breakout session",
                        FieldType.BREAKOUT_CHOICE, true, null));
            }
            form.forEach(field -> field.persist());
            return new Created(event.id, slug, sessions);
        });
    }

    /** The join link of {@link #createHybrid} events. */
    public static final String HYBRID_JOIN_URL = "https://teams.example.org/l/meetup-join/hybride-test";

    /**
     * A published, unlisted hybrid event in 30 days with the standard form: {@code onSite} places at the venue
     * (Spuistraat 1, Vlissingen, with a route), {@code online} places online via Teams (null = unlimited).
     */
    public static Created createHybrid(String name, Integer onSite, Integer online) {
        Created created = create(name, onSite);
        change(created.id(), event -> {
            event.format = EventFormat.HYBRID;
            event.unlisted = true;
            event.onlineCapacity = online;
            event.venueName = "Gezondheidscentrum";
            event.venueAddress = "Spuistraat 1";
            event.venueCity = "Vlissingen";
            event.practical.routeInfo = "Tien minuten lopen vanaf station Vlissingen.";
            event.onlinePlatform = "Microsoft Teams";
            event.joinUrl = HYBRID_JOIN_URL;
        });
        return created;
    }

    /** Per-mode counters of a hybrid event and the rows they count, read in one transaction. */
    public record ModeCounts(int confirmedCounter, int waitlistedCounter, long confirmedRows, long waitlistedRows) {
    }

    public static ModeCounts modeCounts(long eventId, nl.kennisagenda.event.AttendanceMode mode) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Event event = Event.findById(eventId);
            return new ModeCounts(event.confirmedFor(mode), event.waitlistedFor(mode),
                    Registration.count("event.id = ?1 and status = ?2 and attendanceMode = ?3", eventId,
                            RegistrationStatus.CONFIRMED, mode),
                    Registration.count("event.id = ?1 and status = ?2 and attendanceMode = ?3", eventId,
                            RegistrationStatus.WAITLISTED, mode));
        });
    }

    /** Runs a change on an event in its own transaction (e.g. close sign-up, change capacity). */
    public static void change(long eventId, java.util.function.Consumer<Event> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(Event.findById(eventId)));
    }

    /** Counters and row counts of an event, read in one transaction. */
    public record Counts(int confirmedCounter, int waitlistedCounter, long confirmedRows, long waitlistedRows) {
    }

    public static Counts counts(long eventId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Event event = Event.findById(eventId);
            return new Counts(event.confirmedCount, event.waitlistedCount,
                    Registration.count("event.id = ?1 and status = ?2", eventId, RegistrationStatus.CONFIRMED),
                    Registration.count("event.id = ?1 and status = ?2", eventId, RegistrationStatus.WAITLISTED));
        });
    }

    public static Counts sessionCounts(long sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ProgrammeItem item = ProgrammeItem.findById(sessionId);
            return new Counts(item.confirmedCount, item.waitlistedCount,
                    rowsInSession(sessionId, RegistrationStatus.CONFIRMED),
                    rowsInSession(sessionId, RegistrationStatus.WAITLISTED));
        });
    }

    private static long rowsInSession(long sessionId, RegistrationStatus status) {
        return Registration.getEntityManager().createQuery(
                "select count(r) from Registration r join r.sessions s where s.id = :session and r.status = :status",
                Long.class).setParameter("session", sessionId).setParameter("status", status).getSingleResult();
    }

    public static Registration registration(long eventId, String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Registration registration = Registration.find("event.id = ?1 and email = ?2", eventId, email).firstResult();
            if (registration != null) {
                registration.sessions.size();
                registration.answers.size();
                registration.attendee.email.length();
            }
            return registration;
        });
    }

    /** An address no other test uses. */
    public static String uniqueMail(String name) {
        return name + "-" + System.nanoTime() + "@example.org";
    }

    /** A JSON API sign-up of Anna de Vries with this address (the standard form's required fields). */
    public static java.util.Map<String, Object> apiPerson(String email) {
        return java.util.Map.of("firstName", "Anna", "lastName", "de Vries", "email", email, "organisation",
                "Gemeente Utrecht");
    }

    /** The JSON API's sign-up path of the event. */
    public static String apiPath(Created event) {
        return "/api/events/" + event.slug() + "/registrations";
    }
}
