package nl.kennisagenda.account;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.elytron.security.common.BcryptUtil;
import nl.kennisagenda.common.IdentifiedEntity;
import nl.kennisagenda.event.Organisation;

/** A person who logs in to the back-office: e-mail address, bcrypt password hash, role and organisations. */
@Entity
@Table(name = "accounts")
public class Account extends IdentifiedEntity {

    @NotBlank
    @Email
    @Size(max = 254)
    @Column(nullable = false, unique = true)
    public String email;

    @NotBlank
    @Size(max = 200)
    public String name;

    /** bcrypt ({@code $2a$…}); never the password itself. */
    @NotBlank
    @Size(max = 100)
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @NotNull
    @Enumerated(EnumType.STRING)
    public Role role;

    /** An inactive account cannot log in, and its open sessions stop working at their next request. */
    public boolean active = true;

    /** The organisations an organiser or observer works for (administrators see all of them anyway). */
    @ManyToMany
    @JoinTable(name = "account_organisations",
            joinColumns = @JoinColumn(name = "account_id"),
            inverseJoinColumns = @JoinColumn(name = "organisation_id"))
    public Set<Organisation> organisations = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;

    /**
     * When the password was last changed (reset, set from an invitation, changed on the account page); session
     * cookies written before this moment are refused ({@link SessionIdentityProvider}). Null: never changed.
     */
    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    @PrePersist
    void onCreate() {
        createdAt = createdAt == null ? Instant.now() : createdAt;
    }

    /** Sets the password, stored as a bcrypt hash. */
    public void setPassword(String password) {
        passwordHash = BcryptUtil.bcryptHash(password);
    }

    /**
     * Changes the password and ends every session that was opened (or last renewed) before: those cookies are
     * refused from now on, on every instance.
     */
    public void changePassword(String password) {
        setPassword(password);
        passwordChangedAt = Instant.now();
    }

    /** Shortest password accepted when a person chooses one (reset, invitation, account page). */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** Longest password accepted (the log-in form's limit; bcrypt itself reads the first 72 bytes). */
    public static final int MAX_PASSWORD_LENGTH = 200;

    /** Addresses are compared without case and surrounding spaces. */
    public static String normaliseEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public static Optional<Account> findByEmail(String email) {
        return find("email", normaliseEmail(email)).firstResultOptional();
    }

    public static Optional<Account> findActiveByEmail(String email) {
        return find("email = ?1 and active = true", normaliseEmail(email)).firstResultOptional();
    }
}
