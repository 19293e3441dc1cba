package nl.kennisagenda.newsletter.issue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import nl.kennisagenda.i18n.Dates;

/**
 * One organisation's newsletter rhythm: on which weekday and time (Europe/Amsterdam) a draft of the next issue is
 * prepared, every week or every other week counted from the week of {@link #anchorDate}, how far ahead it
 * announces, and whether it goes out without an organiser's review. Also what the draft job last decided.
 */
@Entity
@Table(name = "newsletter_settings")
public class NewsletterSettings extends PanacheEntityBase {

    @Id
    @Column(name = "organisation_id")
    public Long organisationId;

    @Column(nullable = false)
    public boolean enabled;

    /** ISO day of the week: 1 = Monday … 7 = Sunday. */
    @Column(nullable = false)
    public int weekday = DayOfWeek.TUESDAY.getValue();

    @Column(name = "time_of_day", nullable = false)
    public LocalTime timeOfDay = LocalTime.of(9, 0);

    @Column(name = "every_other_week", nullable = false)
    public boolean everyOtherWeek = true;

    /** The week of this date is a draft week; with every other week, so is every second week after it. */
    @Column(name = "anchor_date", nullable = false)
    public LocalDate anchorDate;

    @Column(name = "weeks_ahead", nullable = false)
    public int weeksAhead = 4;

    @Column(name = "auto_send", nullable = false)
    public boolean autoSend;

    @Column(name = "include_materials", nullable = false)
    public boolean includeMaterials = true;

    /** Materials of events that ended within this many weeks are "recent". */
    @Column(name = "material_weeks", nullable = false)
    public int materialWeeks = 4;

    @Column(name = "last_period")
    public LocalDate lastPeriod;

    @Column(name = "last_check_at")
    public Instant lastCheckAt;

    /** What the last check decided, as {@link DraftOutcome#code()}. */
    @Column(name = "last_check_outcome")
    public String lastCheckOutcome;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The settings of an organisation, or the defaults (not enabled, anchored on today) when it has none yet. */
    public static NewsletterSettings of(long organisationId) {
        NewsletterSettings settings = findById(organisationId);
        if (settings != null) {
            return settings;
        }
        NewsletterSettings defaults = new NewsletterSettings();
        defaults.organisationId = organisationId;
        defaults.anchorDate = LocalDate.now(Dates.AMSTERDAM);
        return defaults;
    }

    public DayOfWeek dayOfWeek() {
        return DayOfWeek.of(weekday);
    }

    /**
     * The draft day of the latest period that has begun at {@code now}: the last date on the weekday, at or before
     * now's date (and when it is today, only once the time of day has come), in a draft week, and not before the
     * anchor date. Empty before the first draft day.
     */
    public Optional<LocalDate> periodAt(Instant now) {
        ZonedDateTime local = Dates.local(now);
        LocalDate day = local.toLocalDate().with(TemporalAdjusters.previousOrSame(dayOfWeek()));
        if (day.equals(local.toLocalDate()) && local.toLocalTime().isBefore(timeOfDay)) {
            day = day.minusWeeks(1);
        }
        if (everyOtherWeek && Math.floorMod(weeksSinceAnchor(day), 2) == 1) {
            day = day.minusWeeks(1);
        }
        return day.isBefore(anchorDate) ? Optional.empty() : Optional.of(day);
    }

    /** When the draft of a period is due: its day at the time of day, in Amsterdam. */
    public Instant draftMoment(LocalDate period) {
        return period.atTime(timeOfDay).atZone(Dates.AMSTERDAM).toInstant();
    }

    /** The next draft day after {@code now} (for the settings page). */
    public LocalDate nextPeriodAfter(Instant now) {
        LocalDate day = Dates.local(now).toLocalDate().with(TemporalAdjusters.nextOrSame(dayOfWeek()));
        if (day.isBefore(anchorDate)) {
            day = anchorDate.with(TemporalAdjusters.nextOrSame(dayOfWeek()));
        }
        while (!draftMoment(day).isAfter(now) || everyOtherWeek && Math.floorMod(weeksSinceAnchor(day), 2) == 1) {
            day = day.plusWeeks(1);
        }
        return day;
    }

    private long weeksSinceAnchor(LocalDate day) {
        LocalDate anchorMonday = anchorDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate dayMonday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return ChronoUnit.WEEKS.between(anchorMonday, dayMonday);
    }
}
