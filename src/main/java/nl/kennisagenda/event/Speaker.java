package nl.kennisagenda.event;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.kennisagenda.common.IdentifiedEntity;

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

    public static Optional<Speaker> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
