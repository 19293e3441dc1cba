package nl.kennisagenda.event;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.kennisagenda.common.IdentifiedEntity;
import nl.kennisagenda.image.StoredImage;

/** A person who speaks at events; reusable across events and organisations. */
@Entity
@Table(name = "speakers")
public class Speaker extends IdentifiedEntity {

    @NotBlank
    @Size(max = 120)
    @Column(nullable = false, unique = true)
    public String slug;

    @NotBlank
    @Size(max = 200)
    public String name;

    @Size(max = 200)
    public String role;

    /** Free text: speakers often come from organisations that are not networks on the platform. */
    @Size(max = 200)
    @Column(name = "organisation_name")
    public String organisationName;

    @Size(max = 4000)
    public String bio;

    @Size(max = 4000)
    @Column(name = "bio_en")
    public String bioEn;

    /**
     * The organisation whose organiser added the speaker to the library; null for speakers from demo data or added
     * by an administrator. Speakers are shared: see backoffice/service/SpeakerLibrary for who may see and edit them.
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    /** Portrait photo, or null. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "portrait_id")
    public StoredImage portrait;

    public static Optional<Speaker> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
