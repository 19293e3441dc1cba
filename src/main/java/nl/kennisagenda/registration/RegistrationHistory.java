package nl.kennisagenda.registration;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.common.IdentifiedEntity;

/**
 * One line of a registration's history: what changed, when, and who did it. Written by
 * {@link RegistrationHistoryRecorder} in the transaction of the change; never changed afterwards.
 */
@Entity
@Table(name = "registration_history")
public class RegistrationHistory extends IdentifiedEntity {

    @Column(name = "registration_id", nullable = false)
    public Long registrationId;

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationChanged.Change change;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false)
    public ActedBy.Kind actorKind;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "detail")
    public String detail;

    public static List<RegistrationHistory> of(long registrationId) {
        return list("registrationId = ?1 order by at, id", registrationId);
    }
}
