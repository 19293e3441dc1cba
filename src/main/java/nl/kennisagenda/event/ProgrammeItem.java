package nl.kennisagenda.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.kennisagenda.common.IdentifiedEntity;

/** A timed part of an event's programme: a plenary part, a break, or one of the parallel sessions of a round. */
@Entity
// Only changed columns are written: a sign-up changes a counter, not the whole row with its long texts.
@org.hibernate.annotations.DynamicUpdate
@Table(name = "programme_items")
public class ProgrammeItem extends IdentifiedEntity {

    @NotNull
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "event_id")
    public Event event;

    @NotNull
    @Column(name = "starts_at")
    public Instant startsAt;

    @NotNull
    @Column(name = "ends_at")
    public Instant endsAt;

    @NotBlank
    @Size(max = 300)
    public String title;

    @Size(max = 4000)
    public String description;

    /** English title; when empty, English pages show the Dutch one (marked lang="nl"). */
    @Size(max = 300)
    @Column(name = "title_en")
    public String titleEn;

    @Size(max = 4000)
    @Column(name = "description_en")
    public String descriptionEn;

    /** The organiser's order (programme editor); equal numbers fall back to time order. */
    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @NotNull
    @Enumerated(EnumType.STRING)
    public ProgrammeItemKind kind;

    /** Breakout round this session belongs to (1, 2, …); null for plenary parts and breaks. */
    @Column(name = "round_number")
    public Integer roundNumber;

    @Size(max = 200)
    public String room;

    /** Places in this session; null means limited only by the event itself. */
    @Min(0)
    public Integer capacity;

    @Column(name = "confirmed_count", nullable = false)
    public int confirmedCount;

    @Column(name = "waitlisted_count", nullable = false)
    public int waitlistedCount;

    @ManyToMany
    @JoinTable(name = "programme_item_speakers",
            joinColumns = @JoinColumn(name = "programme_item_id"),
            inverseJoinColumns = @JoinColumn(name = "speaker_id"))
    @OrderColumn(name = "sort_order")
    public List<Speaker> speakers = new ArrayList<>();

    public boolean isBreakout() {
        return kind == ProgrammeItemKind.BREAKOUT;
    }

    public Integer placesLeft() {
        return capacity == null ? null : Math.max(0, capacity - confirmedCount);
    }

    public boolean isFull() {
        return capacity != null && confirmedCount >= capacity;
    }
}
