package nl.kennisagenda.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.ProgrammeItemKind;
import nl.kennisagenda.registration.Attendee;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;

/**
 * Committed test data for tests that go through HTTP (a request runs in its own transaction). Everything created is
 * deleted again by {@link #cleanUp()}, so other tests (the agenda pages) never see it.
 */
final class CalendarFixtures {

    private final List<Long> events = new ArrayList<>();
    private final List<Long> attendees = new ArrayList<>();

    Event event(String slug, String title, Instant start, Instant end, EventStatus status,
            Consumer<Event> customise) {
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            Event event = new Event();
            event.organisation = Organisation.findBySlug("platform31").orElseThrow();
            event.slug = slug;
            event.title = title;
            event.format = EventFormat.ONLINE;
            event.onlinePlatform = "Zoom";
            event.joinUrl = "https://zoom.example.org/j/999?pwd=fixture";
            event.startsAt = start;
            event.endsAt = end;
            event.status = status;
            event.contactEmail = "fixture@example.org";
            customise.accept(event);
            event.persist();
            return event.id;
        });
        events.add(id);
        return QuarkusTransaction.requiringNew().call(() -> {
            Event event = Event.findById(id);
            event.programme.size();
            event.themes.size();
            return event;
        });
    }

    ProgrammeItem item(Event event, Instant start, Instant end, String title) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ProgrammeItem item = new ProgrammeItem();
            item.event = Event.findById(event.id);
            item.startsAt = start;
            item.endsAt = end;
            item.title = title;
            item.kind = ProgrammeItemKind.PLENARY;
            item.persist();
            return item;
        });
    }

    Attendee attendee(String email) {
        Attendee attendee = QuarkusTransaction.requiringNew().call(() -> {
            Attendee created = new Attendee();
            created.email = email;
            created.persist();
            return created;
        });
        attendees.add(attendee.id);
        return attendee;
    }

    Registration registration(Attendee attendee, String eventSlug, RegistrationStatus status, String locale) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Registration registration = new Registration();
            registration.event = Event.findBySlug(eventSlug).orElseThrow();
            registration.attendee = Attendee.findById(attendee.id);
            registration.status = status;
            registration.firstName = "Fenna";
            registration.lastName = "Jansen";
            registration.email = attendee.email;
            registration.locale = locale;
            if (status == RegistrationStatus.CANCELLED) {
                registration.cancelledAt = Instant.now();
            }
            registration.persist();
            return registration;
        });
    }

    void cleanUp() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Long id : attendees) {
                Registration.delete("attendee.id", id);
            }
            for (Long id : events) {
                Registration.delete("event.id", id);
                ProgrammeItem.delete("event.id", id);
                Event.deleteById(id);
            }
            for (Long id : attendees) {
                Attendee.deleteById(id);
            }
        });
        events.clear();
        attendees.clear();
    }
}
