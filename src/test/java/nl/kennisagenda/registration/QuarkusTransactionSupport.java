package nl.kennisagenda.registration;

import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.ProgrammeItem;

/** Small lookups on the demo events for tests. */
final class QuarkusTransactionSupport {

    private QuarkusTransactionSupport() {
    }

    /** The id of the first session of each breakout round of an event. */
    static List<Long> firstSessionPerRound(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Event event = Event.findBySlug(slug).orElseThrow();
            return event.breakoutRounds().stream()
                    .map(round -> event.sessionsInRound(round).stream().map(ProgrammeItem::placesLeft).count() > 0
                            ? event.sessionsInRound(round).get(0).id : null)
                    .toList();
        });
    }

    static Registration registration(String slug, String email) {
        return TestEvents.registration(Event.findBySlug(slug).orElseThrow().id, email);
    }
}
