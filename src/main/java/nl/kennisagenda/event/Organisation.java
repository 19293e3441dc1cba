package nl.kennisagenda.event;

import java.util.List;
import java.util.Optional;

import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.kennisagenda.common.IdentifiedEntity;

/** A knowledge network or partner that organises events: Platform31, Vilans, InEen, a ministry. */
@Entity
@Table(name = "organisations")
public class Organisation extends IdentifiedEntity {

    @NotBlank
    @Size(max = 80)
    @Column(nullable = false, unique = true)
    public String slug;

    @NotBlank
    @Size(max = 200)
    public String name;

    /** Abbreviation used where space is short, e.g. "VWS" for the ministry. */
    @Size(max = 60)
    @Column(name = "short_name")
    public String shortName;

    @Size(max = 500)
    public String website;

    @Size(max = 4000)
    public String description;

    /** Origins (https://host[:port]) whose pages may frame this organisation's embeds, one per line; see embed/. */
    @Size(max = 2000)
    @Column(name = "embed_origins")
    public String embedOrigins;

    /** The listed embed origins, in order; empty when none are listed. */
    public List<String> embedOriginList() {
        if (embedOrigins == null || embedOrigins.isBlank()) {
            return List.of();
        }
        return embedOrigins.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    public String displayShortName() {
        return shortName != null && !shortName.isBlank() ? shortName : name;
    }

    public static Optional<Organisation> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<Organisation> allByName() {
        return listAll(Sort.by("name"));
    }
}
