package nl.kennisagenda.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.kennisagenda.common.IdentifiedEntity;

/** Something an attendee can look back at after the event: slides, a recording, a report. */
@Entity
@Table(name = "event_materials")
public class EventMaterial extends IdentifiedEntity {

    @NotNull
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "event_id")
    public Event event;

    @NotBlank
    @Size(max = 300)
    public String title;

    /** English title; empty means English pages show the Dutch one. */
    @Size(max = 300)
    @Column(name = "title_en")
    public String titleEn;

    @NotBlank
    @Size(max = 1000)
    public String url;

    @NotNull
    @Enumerated(EnumType.STRING)
    public MaterialKind kind;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;
}
