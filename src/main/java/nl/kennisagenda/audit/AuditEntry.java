package nl.kennisagenda.audit;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.common.IdentifiedEntity;

/** One line of the audit log: who did what to which event, when. Entries outlive a deleted draft. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends IdentifiedEntity {

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false)
    public ActedBy.Kind actorKind;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "organisation_id")
    public Long organisationId;

    @Column(name = "event_id")
    public Long eventId;

    /** What happened, e.g. {@code CREATED}, {@code UPDATED}, {@code PUBLISHED}, {@code RESCHEDULED}. */
    @Column(nullable = false)
    public String action;

    public String detail;

    /** The event's entries, newest first. */
    public static List<AuditEntry> ofEvent(long eventId, int max) {
        return find("eventId = ?1 order by at desc, id desc", eventId).page(0, max).list();
    }
}
