package nl.kennisagenda.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkus.panache.common.Sort;
import nl.kennisagenda.common.IdentifiedEntity;
import nl.kennisagenda.event.Organisation;

/**
 * One version of an organisation's privacy statement. Rows are only ever added (a save is a new version), so the
 * version recorded on a registration can be shown as it was read.
 */
@Entity
@Table(name = "privacy_statements")
public class PrivacyStatement extends IdentifiedEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    /** 1, 2, 3… per organisation. */
    @Column(nullable = false)
    public int version;

    @NotBlank
    @Size(max = PrivacyStatements.MAX_TEXT)
    @Column(name = "text_nl", nullable = false)
    public String textNl;

    @Size(max = PrivacyStatements.MAX_TEXT)
    @Column(name = "text_en")
    public String textEn;

    @NotBlank
    @Size(max = 300)
    @Column(nullable = false)
    public String contact;

    @NotBlank
    @Size(max = 1000)
    @Column(name = "retention_nl", nullable = false)
    public String retentionNl;

    @Size(max = 1000)
    @Column(name = "retention_en")
    public String retentionEn;

    /** SHA-256 (hex) of the texts of this version, see {@link PrivacyStatements#hash}. */
    @Column(name = "text_hash", nullable = false)
    public String textHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by_account_id")
    public Long createdByAccountId;

    @Size(max = 200)
    @Column(name = "created_by_name")
    public String createdByName;

    public static Optional<PrivacyStatement> latestOf(Organisation organisation) {
        return find("organisation", Sort.descending("version"), organisation).firstResultOptional();
    }

    public static Optional<PrivacyStatement> versionOf(Organisation organisation, int version) {
        return find("organisation = ?1 and version = ?2", organisation, version).firstResultOptional();
    }

    /** All versions, newest first. */
    public static List<PrivacyStatement> historyOf(Organisation organisation) {
        return list("organisation", Sort.descending("version"), organisation);
    }
}
