package nl.kennisagenda.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Test events next to the demo content: each test creates what it needs with a "test-" slug and removes it
 * afterwards, so the demo agenda other tests count on stays as it is.
 */
public final class EventFixtures {

    public static final String SECRET_JOIN_URL = "https://meet.example.org/j/secret-test-link";

    private EventFixtures() {
    }

    /** A published online event starting in {@code startsIn}, changed by {@code tweak} before it is saved. */
    public static Event create(String slug, Duration startsIn, Consumer<Event> tweak) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Event event = new Event();
            event.slug = slug;
            event.organisation = Organisation.findBySlug("platform31").orElseThrow();
            event.title = "Testbijeenkomst " + slug;
            event.summary = "Een bijeenkomst voor de tests.";
            event.description = "Eerste alinea.\n\nTweede alinea.";
            event.format = EventFormat.ONLINE;
            event.onlinePlatform = "Zoom";
            event.joinUrl = SECRET_JOIN_URL;
            event.startsAt = Instant.now().plus(startsIn);
            event.endsAt = event.startsAt.plus(Duration.ofHours(2));
            event.status = EventStatus.PUBLISHED;
            event.capacity = 50;
            event.themes.add("Testthema");
            tweak.accept(event);
            event.persist();
            return event;
        });
    }

    /** A stored event as it is now (counters included), read in its own transaction. */
    public static Event find(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Event.findBySlug(slug).orElseThrow());
    }

    /** A stored programme item by event and title, read in its own transaction. */
    public static ProgrammeItem item(String eventSlug, String title) {
        return QuarkusTransaction.requiringNew().call(() -> ProgrammeItem.<ProgrammeItem>find(
                "event.slug = ?1 and title = ?2", eventSlug, title).firstResult());
    }

    /** The places-left text the Dutch pages show for an event, from its current counters. */
    public static String placesLeftText(String slug) {
        Event event = find(slug);
        return "Nog " + event.placesLeft() + " plaatsen vrij";
    }

    /** Adds a speaker in a plenary item to an event, both saved. */
    public static Speaker addSpeaker(String eventSlug, String speakerSlug, String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Event event = Event.findBySlug(eventSlug).orElseThrow();
            Speaker speaker = new Speaker();
            speaker.slug = speakerSlug;
            speaker.name = name;
            speaker.role = "Testspreker";
            speaker.organisationName = "Testorganisatie";
            speaker.bio = "Spreekt alleen in tests.";
            speaker.persist();
            ProgrammeItem item = new ProgrammeItem();
            item.event = event;
            item.startsAt = event.startsAt;
            item.endsAt = event.endsAt;
            item.title = "Het testonderdeel";
            item.kind = ProgrammeItemKind.PLENARY;
            item.speakers.add(speaker);
            item.persist();
            return speaker;
        });
    }

    /** Removes every test event and test speaker; children go with the event through the schema's cascades. */
    public static void cleanUp() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Event> events = Event.list("slug like ?1", "test-%");
            for (Event event : events) {
                ProgrammeItem.delete("event", event);
                EventMaterial.delete("event", event);
                FormField.delete("event", event);
                event.delete();
            }
            Speaker.delete("slug like ?1", "test-%");
        });
    }
}
