package nl.kennisagenda.event;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads demo events in tests. */
public final class EventCatalogFixture {

    private EventCatalogFixture() {
    }

    public static Event event(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Event.findBySlug(slug).orElseThrow());
    }
}
