package nl.kennisagenda.account;

import java.time.Instant;
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

/**
 * A mailed link to choose a password: the SHA-256 of its token (the token itself is only in the mail), the account,
 * until when it works and when it was used. Works once; choosing a password also ends every other open link.
 */
@Entity
@Table(name = "password_resets")
public class PasswordReset extends IdentifiedEntity {

    /** Why the link was sent: a forgotten password, or a new account's first password. */
    public enum Purpose {
        RESET, INVITATION
    }

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    public Account account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    public boolean usableAt(Instant now) {
        return usedAt == null && expiresAt.isAfter(now) && account.active;
    }

    public static Optional<PasswordReset> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /** Ends every link of the account that is still open (a password was just chosen). */
    static int closeAllOf(Account account, Instant now) {
        return update("usedAt = ?1 where account = ?2 and usedAt is null", now, account);
    }
}
