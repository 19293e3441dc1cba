package nl.kennisagenda.registration;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Writes a {@link RegistrationHistory} line for every {@link RegistrationChanged}, synchronously, in the transaction
 * of the change: a change that rolls back leaves no line, and no committed change lacks one.
 */
@ApplicationScoped
public class RegistrationHistoryRecorder {

    void onChange(@Observes RegistrationChanged changed) {
        RegistrationHistory line = new RegistrationHistory();
        line.registrationId = changed.registration().id;
        line.at = Instant.now();
        line.change = changed.change();
        line.actorKind = changed.actedBy().kind();
        line.accountId = changed.actedBy().accountId();
        line.actorName = changed.actedBy().name() == null ? null : truncate(changed.actedBy().name(), 200);
        line.detail = changed.detail() == null ? null : truncate(changed.detail(), 1000);
        line.persist();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
