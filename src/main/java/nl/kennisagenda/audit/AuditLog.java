package nl.kennisagenda.audit;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventChanged;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged;

/**
 * Writes the audit log. Entries are only ever added: the application has no method that changes or deletes one
 * (see docs/architecture.md, "Audit log").
 * <ul>
 * <li>{@link #record} writes in the transaction of the change it records: the entry commits or rolls back with it.
 * Changes that attendees hear about arrive as {@link EventChanged}; registration changes made by an organiser as
 * {@link RegistrationChanged}; the event editing service records the others (created, edited, published, ...).</li>
 * <li>{@link #recordAlone} writes in a transaction of its own, for facts that have no transaction: log-ins and
 * downloads.</li>
 * </ul>
 */
@ApplicationScoped
public class AuditLog {

    /** Actions written by {@link #onEventChanged}. */
    public static final String RESCHEDULED = "RESCHEDULED";
    public static final String CANCELLED = "CANCELLED";

    /** Prefix of the actions written by {@link #onRegistrationChanged}, e.g. {@code REGISTRATION_CANCELLED}. */
    public static final String REGISTRATION = "REGISTRATION_";

    public static final String EXPORTED = "EXPORTED";
    /** A participant list confirmed (registration.admin.AttendanceService); each person also gets their own entry. */
    public static final String ATTENDANCE_IMPORTED = "ATTENDANCE_IMPORTED";
    /** Presence ticked and unticked in the by-hand list and saved at once. */
    public static final String ATTENDANCE_BY_HAND = "ATTENDANCE_BY_HAND";
    public static final String LOGIN = "LOGIN";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String ACCOUNT_CREATED = "ACCOUNT_CREATED";
    public static final String ACCOUNT_CHANGED = "ACCOUNT_CHANGED";
    public static final String PASSWORD_LINK_SENT = "PASSWORD_LINK_SENT";
    public static final String ORGANISATION_CREATED = "ORGANISATION_CREATED";
    public static final String ORGANISATION_CHANGED = "ORGANISATION_CHANGED";
    /** Organiser messages (message/): written, test mail, "send now" or scheduled (who pressed), cancelled, sent. */
    public static final String MESSAGE_SAVED = "MESSAGE_SAVED";
    public static final String MESSAGE_TEST_SENT = "MESSAGE_TEST_SENT";
    public static final String MESSAGE_SEND_NOW = "MESSAGE_SEND_NOW";
    public static final String MESSAGE_SCHEDULED = "MESSAGE_SCHEDULED";
    public static final String MESSAGE_CANCELLED = "MESSAGE_CANCELLED";
    public static final String MESSAGE_SENT = "MESSAGE_SENT";
    public static final String PRIVACY_STATEMENT_SAVED = "PRIVACY_STATEMENT_SAVED";
    public static final String EMBED_ORIGINS_CHANGED = "EMBED_ORIGINS_CHANGED";

    @Transactional(TxType.MANDATORY)
    public AuditEntry record(ActedBy actedBy, Event event, String action, String detail) {
        return write(actedBy, event.organisation == null ? null : event.organisation.id, event.id, action, detail);
    }

    /** An entry about no event (accounts, organisations); {@code organisationId} null means administrators only. */
    @Transactional(TxType.MANDATORY)
    public AuditEntry recordPlatform(ActedBy actedBy, Long organisationId, String action, String detail) {
        return write(actedBy, organisationId, null, action, detail);
    }

    /** Like {@link #record(ActedBy, Event, String, String)}, in a transaction of its own. */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordAlone(ActedBy actedBy, long eventId, String action, String detail) {
        Event event = Event.findById(eventId);
        write(actedBy, event == null || event.organisation == null ? null : event.organisation.id, eventId, action,
                detail);
    }

    /** An entry about no event, in a transaction of its own (log-ins). */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordAlone(ActedBy actedBy, String action, String detail) {
        write(actedBy, null, null, action, detail);
    }

    private static AuditEntry write(ActedBy actedBy, Long organisationId, Long eventId, String action,
            String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        ActedBy who = actedBy == null ? ActedBy.system() : actedBy;
        entry.actorKind = who.kind();
        entry.accountId = who.accountId();
        entry.actorName = who.name() == null ? null : truncate(who.name(), 200);
        entry.organisationId = organisationId;
        entry.eventId = eventId;
        entry.action = truncate(action, 40);
        entry.detail = detail == null ? null : truncate(detail, 2000);
        entry.persist();
        return entry;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    void onEventChanged(@Observes EventChanged changed) {
        String action = changed.change() == EventChanged.Change.CANCELLED ? CANCELLED : RESCHEDULED;
        String detail = changed.change() == EventChanged.Change.CANCELLED ? changed.event().cancellationMessage
                : "SEQUENCE " + changed.event().icalSequence;
        record(changed.actedBy(), changed.event(), action, detail);
    }

    /**
     * What an organiser does to a registration (added by hand, cancelled, promoted, moved, approved, declined,
     * checked in or undone). Visitors' own changes and automatic effects stay in the registration history only.
     */
    void onRegistrationChanged(@Observes RegistrationChanged changed) {
        if (changed.actedBy().kind() != ActedBy.Kind.ORGANISER) {
            return;
        }
        Registration registration = changed.registration();
        String who = registration.attendee == null ? "#" + registration.id
                : registration.attendee.email + " (#" + registration.id + ")";
        record(changed.actedBy(), registration.event, REGISTRATION + changed.change().name(),
                changed.detail() == null ? who : who + ": " + changed.detail());
    }
}
