package nl.kennisagenda.image;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.kennisagenda.common.IdentifiedEntity;

/**
 * An uploaded image (event image, speaker portrait), re-encoded without metadata and kept in the database so every
 * instance serves the same bytes. Its public address contains a hash of the bytes: the bytes behind an address never
 * change, so browsers may cache it for a year. A new upload is a new row with a new address.
 */
@Entity
@Table(name = "images")
public class StoredImage extends IdentifiedEntity {

    /** image/jpeg or image/png: what we wrote, never what the client claimed. */
    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public String sha256;

    public int width;

    public int height;

    @Column(name = "byte_count", nullable = false)
    public int byteCount;

    /** Loaded only when served (Quarkus enhances entities, so lazy basic attributes work). */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] data;

    @NotBlank
    @Size(max = 300)
    @Column(name = "alt_nl", nullable = false)
    public String altNl;

    @Size(max = 300)
    @Column(name = "alt_en")
    public String altEn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @PrePersist
    void onCreate() {
        createdAt = createdAt == null ? Instant.now() : createdAt;
    }

    public String extension() {
        return "image/png".equals(contentType) ? "png" : "jpg";
    }

    /** The public, immutable address: /images/{id}-{hash}.{ext}. */
    public String url() {
        return "/images/" + id + "-" + shortHash() + "." + extension();
    }

    public String shortHash() {
        return sha256.substring(0, 16);
    }

    /** Alt text in the page's language; English falls back to Dutch. */
    public String alt(boolean english) {
        return english && altEn != null && !altEn.isBlank() ? altEn : altNl;
    }

    /** Whether the alt text shown in English is really the Dutch one (to mark it lang="nl"). */
    public boolean altFallsBack(boolean english) {
        return english && (altEn == null || altEn.isBlank());
    }
}
