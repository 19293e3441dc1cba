package nl.kennisagenda.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.security.ForbiddenException;
import nl.kennisagenda.common.Tokens;

/**
 * Personal API tokens: made, listed and revoked by the actor in the back-office, checked on every Bearer request
 * to {@code /api/admin/…}. The secret ({@code ka_} and 32 URL-safe characters, 192 random bits) is returned once by
 * {@link #create}; the database holds its SHA-256 hash only, and a request's token is found by looking up the hash
 * of what it sent. No secret is ever compared character by character, so the time an answer takes tells nothing
 * about how much of a guess was right; a fast hash is enough because the secrets are random, not chosen by people.
 */
@ApplicationScoped
@Transactional
public class ApiTokens {

    public static final String SECRET_PREFIX = "ka_";
    public static final int MAX_NAME_LENGTH = 100;
    /** How often "last used" is written at most, so a busy client does not write on every request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final Pattern SECRET = Pattern.compile("ka_[A-Za-z0-9_-]{32}");
    private static final int SHOWN_PREFIX_LENGTH = 9;

    /** A token just made: its row and its secret, which is not stored and cannot be shown again. */
    public record NewToken(TokenRow token, String secret) {
    }

    /** A token as the back-office lists it; never the hash. */
    public record TokenRow(long id, String name, String prefix, String ownerEmail, String ownerName,
            Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt, boolean works) {

        /** The last moment the token works (its expiry minus a second), for "valid up to and including". */
        public Instant validThrough() {
            return expiresAt == null ? null : expiresAt.minusSeconds(1);
        }

        static TokenRow of(ApiToken token, Instant now) {
            return new TokenRow(token.id, token.name, token.prefix, token.account.email, token.account.name,
                    seconds(token.createdAt), seconds(token.lastUsedAt), seconds(token.expiresAt),
                    seconds(token.revokedAt), token.worksAt(now));
        }

        /** Whole seconds: enough for a list, and what HTML's datetime attribute accepts. */
        private static Instant seconds(Instant instant) {
            return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
    }

    /**
     * Makes a token for the actor's own account. Every role may: the token acts as its account, so an observer's
     * token reads and changes nothing more than the observer could.
     */
    public NewToken create(Actor actor, String name, Instant expiresAt) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("token name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        Instant now = Instant.now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("expiry must be in the future");
        }
        String secret = SECRET_PREFIX + Tokens.newToken();
        ApiToken token = new ApiToken();
        token.account = Account.findById(actor.accountId());
        if (token.account == null) {
            throw new ForbiddenException();
        }
        token.name = trimmed;
        token.tokenHash = hash(secret);
        token.prefix = secret.substring(0, SHOWN_PREFIX_LENGTH);
        token.createdAt = now;
        token.expiresAt = expiresAt;
        token.persist();
        return new NewToken(TokenRow.of(token, now), secret);
    }

    /** The actor's own tokens, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TokenRow> own(Actor actor) {
        Instant now = Instant.now();
        return ApiToken.ofAccount(actor.accountId()).stream().map(token -> TokenRow.of(token, now)).toList();
    }

    /** Every account's tokens: administrators only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TokenRow> all(Actor actor) {
        AccessPolicy.requireCanManageAccounts(actor);
        Instant now = Instant.now();
        return ApiToken.everyAccount().stream().map(token -> TokenRow.of(token, now)).toList();
    }

    /**
     * Revokes a token from now on: the actor's own, or anybody's for an administrator (403 otherwise). Empty when
     * there is no such token. Revoking twice keeps the first moment.
     */
    public Optional<TokenRow> revoke(Actor actor, long tokenId) {
        ApiToken token = ApiToken.findById(tokenId);
        if (token == null) {
            return Optional.empty();
        }
        if (token.account.id != actor.accountId() && !AccessPolicy.canManageAccounts(actor)) {
            throw new ForbiddenException();
        }
        Instant now = Instant.now();
        if (token.revokedAt == null) {
            token.revokedAt = now;
        }
        return Optional.of(TokenRow.of(token, now));
    }

    /**
     * The account a Bearer secret stands for, if the token exists, is neither revoked nor expired and its account
     * is active; notes the use (at most once a minute). Runs blocking queries: call it from a worker thread.
     */
    public Optional<String> authenticate(String secret, Instant now) {
        if (secret == null || !SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        Optional<ApiToken> found = ApiToken.findByHash(hash(secret)).filter(token -> token.worksAt(now));
        found.ifPresent(token -> {
            if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minus(LAST_USED_RESOLUTION))) {
                // A conditional update: several instances (or requests) in the same minute write once.
                ApiToken.update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)", now,
                        token.id, now.minus(LAST_USED_RESOLUTION));
            }
        });
        return found.map(token -> token.account.email);
    }

    /** Hex SHA-256 of a secret: what the table stores. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
