package nl.kennisagenda.audit;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventChanged;

/**
 * Writes the audit log in the transaction of the change it records: the entry commits or rolls back with it.
 * Changes that attendees hear about arrive as {@link EventChanged} (whoever fired it); the event editing service
 * records the others (created, edited, published, ...) itself.
 */
@ApplicationScoped
public class AuditLog {

    /** Actions written by {@link #onEventChanged}. */
    public static final String RESCHEDULED = "RESCHEDULED";
    public static final String CANCELLED = "CANCELLED";

    @Transactional(TxType.MANDATORY)
    public AuditEntry record(ActedBy actedBy, Event event, String action, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        ActedBy who = actedBy == null ? ActedBy.system() : actedBy;
        entry.actorKind = who.kind();
        entry.accountId = who.accountId();
        entry.actorName = who.name();
        entry.organisationId = event.organisation == null ? null : event.organisation.id;
        entry.eventId = event.id;
        entry.action = action;
        entry.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
        entry.persist();
        return entry;
    }

    void onEventChanged(@Observes EventChanged changed) {
        String action = changed.change() == EventChanged.Change.CANCELLED ? CANCELLED : RESCHEDULED;
        String detail = changed.change() == EventChanged.Change.CANCELLED ? changed.event().cancellationMessage
                : "SEQUENCE " + changed.event().icalSequence;
        record(changed.actedBy(), changed.event(), action, detail);
    }
}
