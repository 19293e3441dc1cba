package nl.kennisagenda.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import nl.kennisagenda.common.SharedSecrets;

/**
 * The HMAC-SHA256 key for CSRF tokens and receipts: from configuration, or created once in the database so that
 * every instance sharing the database uses the same key.
 */
@ApplicationScoped
public class SigningKey {

    private static final String NAME = "signup-hmac";

    @Inject
    SigningKeyConfig config;

    @Inject
    SharedSecrets secrets;

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
                    String secret = config.secret().filter(s -> s.length() >= 32).orElseGet(() -> secrets.readOrCreate(NAME));
                    key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
                }
                current = key;
            }
        }
        return current;
    }
}
