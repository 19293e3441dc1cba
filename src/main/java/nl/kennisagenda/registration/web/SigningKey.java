package nl.kennisagenda.registration.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import nl.kennisagenda.common.Tokens;

/**
 * The HMAC-SHA256 key for CSRF tokens and receipts: from configuration, or created once in the database so that
 * every instance sharing the database uses the same key.
 */
@ApplicationScoped
public class SigningKey {

    private static final String NAME = "signup-hmac";

    @Inject
    SignupConfig config;

    @Inject
    EntityManager em;

    private volatile SecretKeySpec key;

    /** Base64url HMAC-SHA256 of the text. */
    public String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Constant-time check that a signature belongs to the text. */
    public boolean verify(String text, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    String secret = config.secret().filter(s -> s.length() >= 32).orElseGet(this::sharedSecret);
                    key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
                }
                current = key;
            }
        }
        return current;
    }

    /** Reads the shared key, creating it when absent; a concurrent creator on another instance wins harmlessly. */
    private String sharedSecret() {
        for (int attempt = 0; attempt < 3; attempt++) {
            String found = QuarkusTransaction.requiringNew().call(() -> (String) em
                    .createNativeQuery("select secret from app_secrets where name = :name")
                    .setParameter("name", NAME).getResultStream().findFirst().orElse(null));
            if (found != null) {
                return found;
            }
            try {
                String fresh = Tokens.newToken() + Tokens.newToken();
                QuarkusTransaction.requiringNew().run(() -> em
                        .createNativeQuery("insert into app_secrets (name, secret, created_at) values (:n, :s, :t)")
                        .setParameter("n", NAME).setParameter("s", fresh).setParameter("t", Instant.now())
                        .executeUpdate());
                return fresh;
            } catch (RuntimeException raced) {
                // another instance inserted it first: read theirs
            }
        }
        throw new IllegalStateException("Could not read or create the signing key");
    }
}
