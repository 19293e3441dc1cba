package nl.kennisagenda.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A written iCalendar document ready to serve: its text, the moment its content last changed (for
 * Last-Modified), a download file name, and whether it is personal (never cached by shared caches).
 * The ETag is a hash of the exact octets, so it changes exactly when the content does.
 */
public record IcsDocument(String body, Optional<Instant> lastModified, String filename, boolean personal) {

    public byte[] octets() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    public String etag() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(octets());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
