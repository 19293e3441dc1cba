package nl.kennisagenda.calendar;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.inject.Inject;

import nl.kennisagenda.event.EventChanged;

/** Test observer: remembers every EventChanged, its sequence, and whether it arrived inside a transaction. */
@ApplicationScoped
public class RecordedEventChanges {

    public record Seen(Long eventId, EventChanged.Change change, int sequence, boolean inTransaction) {
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();

    @Inject
    TransactionSynchronizationRegistry transactions;

    void on(@Observes EventChanged changed) {
        seen.add(new Seen(changed.event().id, changed.change(), changed.event().icalSequence,
                transactions.getTransactionKey() != null));
    }

    List<Seen> forEvent(Long eventId) {
        return seen.stream().filter(s -> s.eventId().equals(eventId)).toList();
    }
}
