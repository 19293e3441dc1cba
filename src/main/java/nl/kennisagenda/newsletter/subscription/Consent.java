package nl.kennisagenda.newsletter.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import nl.kennisagenda.common.IdentifiedEntity;
import nl.kennisagenda.newsletter.Subscriber;

/**
 * The record of one opt-in request, the proof of consent: when and where it was asked, the exact text shown and its
 * version, the privacy statement version shown with it, what was asked for, when the owner of the address confirmed it through the mailed link, and when it was
 * withdrawn. Only the SHA-256 of the link's token is kept.
 */
@Entity
@Table(name = "newsletter_consents")
public class Consent extends IdentifiedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subscriber_id")
    public Subscriber subscriber;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentSource source;

    @Column(name = "source_detail")
    public String sourceDetail;

    /** The organisations and themes asked for, in words. */
    public String scope;

    @Column(name = "consent_text", nullable = false)
    public String consentText;

    @Column(name = "consent_version", nullable = false)
    public String consentVersion;

    /**
     * The privacy statement version shown with the request (labels as in privacy/PrivacyStatements); null when no
     * notice was shown by us (imports, records from before it was kept).
     */
    @Column(name = "privacy_version")
    public String privacyVersion;

    @Column(name = "mail_locale", nullable = false)
    public String locale;

    @Column(name = "legal_basis")
    public String legalBasis;

    @Column(name = "confirm_token_hash", unique = true)
    public String confirmTokenHash;

    @Column(name = "confirm_expires_at")
    public Instant confirmExpiresAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_method")
    public String withdrawnMethod;

    public boolean isExpiredAt(Instant now) {
        return confirmedAt == null && confirmExpiresAt != null && !confirmExpiresAt.isAfter(now);
    }

    public static Optional<Consent> findByTokenHash(String hash) {
        return find("confirmTokenHash", hash).firstResultOptional();
    }

    public static List<Consent> of(Subscriber subscriber) {
        return list("subscriber = ?1 order by requestedAt desc, id desc", subscriber);
    }

    /** Marks every confirmed, not yet withdrawn consent of the subscriber withdrawn. */
    static int withdrawAll(Subscriber subscriber, Instant at, String method) {
        return update("withdrawnAt = ?1, withdrawnMethod = ?2 where subscriber = ?3 and confirmedAt is not null"
                + " and withdrawnAt is null", at, method, subscriber);
    }
}
