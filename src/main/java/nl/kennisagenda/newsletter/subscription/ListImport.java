package nl.kennisagenda.newsletter.subscription;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import nl.kennisagenda.common.IdentifiedEntity;
import nl.kennisagenda.event.Organisation;

/** One upload of an existing list by an organiser: the legal basis stated for the whole batch, and the result. */
@Entity
@Table(name = "newsletter_imports")
public class ListImport extends IdentifiedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "imported_by")
    public String importedBy;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    /** One of {@link LegalBasis}. */
    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    /** Where the earlier consent or relationship is recorded (required free text). */
    @Column(nullable = false)
    public String reference;

    @Column(name = "rows_added", nullable = false)
    public int rowsAdded;

    @Column(name = "rows_subscribed", nullable = false)
    public int rowsSubscribed;

    @Column(name = "rows_unsubscribed", nullable = false)
    public int rowsUnsubscribed;

    @Column(name = "rows_invalid", nullable = false)
    public int rowsInvalid;
}
