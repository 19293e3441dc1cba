package nl.kennisagenda.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.kennisagenda.common.IdentifiedEntity;

/**
 * A personal API token: lets a program call {@code /api/admin/…} as the account that created it (same role, same
 * organisations). Only the SHA-256 hash of the secret is stored; the secret itself is shown once, when it is made.
 */
@Entity
@Table(name = "api_tokens")
public class ApiToken extends IdentifiedEntity {

    @NotNull
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    public Account account;

    @NotBlank
    @Size(max = 100)
    public String name;

    /** Hex SHA-256 of the secret; never the secret. */
    @NotBlank
    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    /** The first characters of the secret ({@code ka_Ab12cd}), to recognise the token in a list. */
    @NotBlank
    @Size(max = 16)
    public String prefix;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** After this moment the token no longer works; null: until revoked. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @PrePersist
    void onCreate() {
        createdAt = createdAt == null ? Instant.now() : createdAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whether a request made at this moment may use the token (and its account is still active). */
    public boolean worksAt(Instant now) {
        return !isRevoked() && !isExpiredAt(now) && account.active;
    }

    public static Optional<ApiToken> findByHash(String hash) {
        return find("select t from ApiToken t join fetch t.account where t.tokenHash = ?1", hash)
                .firstResultOptional();
    }

    /** An account's tokens, newest first, revoked ones included. */
    public static List<ApiToken> ofAccount(long accountId) {
        return list("select t from ApiToken t join fetch t.account a where a.id = ?1 order by t.createdAt desc, t.id desc",
                accountId);
    }

    /** Every account's tokens, by account then newest first (for administrators). */
    public static List<ApiToken> everyAccount() {
        return list("select t from ApiToken t join fetch t.account a order by a.email, t.createdAt desc, t.id desc");
    }
}
