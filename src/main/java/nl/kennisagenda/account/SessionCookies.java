package nl.kennisagenda.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads when a back-office session cookie was written (at log-in, and again each time Quarkus renews it), so a
 * session opened before a password change can be refused.
 * <p>
 * Quarkus' form authentication keeps the session only in its encrypted cookie: AES-GCM with the SHA-256 of the
 * session key, the value {@code base64(ivLength, iv, ciphertext)}, the plain text {@code expiresAtMillis:principal},
 * where {@code expiresAt} = the moment the cookie was written + {@code quarkus.http.auth.form.timeout}. That format
 * belongs to Quarkus ({@code PersistentLoginManager}, 3.34); should it ever change, this class answers "unknown" and
 * {@link SessionIdentityProvider} refuses the session, so everybody has to log in again (and BackofficeLoginTest,
 * which logs in and keeps using the session, fails): safe, and noticed at once.
 */
@ApplicationScoped
public class SessionCookies {

    @Inject
    SessionKey key;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String cookieName;

    @ConfigProperty(name = "quarkus.http.auth.form.timeout", defaultValue = "PT30M")
    Duration timeout;

    private volatile SecretKeySpec aes;

    /** When the request's session cookie was written, if it has one that this key opens. */
    public Optional<Instant> writtenAt(RoutingContext http) {
        if (http == null) {
            return Optional.empty();
        }
        Cookie cookie = http.request().getCookie(cookieName);
        return cookie == null ? Optional.empty() : writtenAt(cookie.getValue());
    }

    Optional<Instant> writtenAt(String value) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(value.getBytes(StandardCharsets.UTF_8)));
            int ivLength = buffer.get();
            if (ivLength <= 0 || ivLength > buffer.remaining()) {
                return Optional.empty();
            }
            byte[] iv = new byte[ivLength];
            buffer.get(iv);
            byte[] encrypted = new byte[buffer.remaining()];
            buffer.get(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey(), new GCMParameterSpec(128, iv));
            String plain = new String(cipher.doFinal(encrypted), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            long expiresAt = Long.parseLong(plain.substring(0, colon));
            return Optional.of(Instant.ofEpochMilli(expiresAt).minus(timeout));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private SecretKeySpec aesKey() throws GeneralSecurityException {
        SecretKeySpec current = aes;
        if (current == null) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key.value().getBytes(StandardCharsets.UTF_8));
            current = new SecretKeySpec(sha.digest(), "AES");
            aes = current;
        }
        return current;
    }
}
