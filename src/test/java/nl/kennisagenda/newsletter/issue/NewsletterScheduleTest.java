package nl.kennisagenda.newsletter.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nl.kennisagenda.i18n.Dates;

/** Which days get a draft: the weekday and time in Amsterdam, every other week counted from the anchor's week. */
class NewsletterScheduleTest {

    /** Tuesdays 09:00, every other week from the week of Monday 4 January 2027. */
    private static NewsletterSettings biweeklyTuesdays() {
        NewsletterSettings settings = new NewsletterSettings();
        settings.weekday = 2;
        settings.timeOfDay = LocalTime.of(9, 0);
        settings.everyOtherWeek = true;
        settings.anchorDate = LocalDate.of(2027, 1, 4);
        return settings;
    }

    private static Instant amsterdam(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Dates.AMSTERDAM).toInstant();
    }

    @Test
    void everyOtherTuesdayFromTheAnchorWeekIsADraftDay() {
        NewsletterSettings settings = biweeklyTuesdays();
        List<LocalDate> draftDays = new ArrayList<>();
        // Walk hour by hour through eight weeks, as a job running often would, and collect the periods it sees begin.
        Instant at = amsterdam("2027-01-01T00:00");
        Optional<LocalDate> last = Optional.empty();
        while (at.isBefore(amsterdam("2027-02-27T00:00"))) {
            Optional<LocalDate> period = settings.periodAt(at);
            if (period.isPresent() && !period.equals(last)) {
                draftDays.add(period.get());
                last = period;
            }
            at = at.plusSeconds(3600);
        }
        assertEquals(List.of(LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 19), LocalDate.of(2027, 2, 2),
                LocalDate.of(2027, 2, 16)), draftDays);
    }

    @Test
    void theDraftDayBeginsAtItsTimeOfDayInAmsterdam() {
        NewsletterSettings settings = biweeklyTuesdays();
        assertEquals(Optional.empty(), settings.periodAt(amsterdam("2027-01-05T08:59")));
        assertEquals(Optional.of(LocalDate.of(2027, 1, 5)), settings.periodAt(amsterdam("2027-01-05T09:00")));
        // A week later (the odd week) the period is still the one of the 5th; the next begins on the 19th.
        assertEquals(Optional.of(LocalDate.of(2027, 1, 5)), settings.periodAt(amsterdam("2027-01-12T10:00")));
        assertEquals(Optional.of(LocalDate.of(2027, 1, 19)), settings.periodAt(amsterdam("2027-01-19T09:00")));
        assertEquals(LocalDate.of(2027, 1, 19), settings.nextPeriodAfter(amsterdam("2027-01-05T09:00")));
    }

    @Test
    void weeklyRhythmHasADraftEveryWeekAndNothingBeforeTheAnchorDate() {
        NewsletterSettings settings = biweeklyTuesdays();
        settings.everyOtherWeek = false;
        settings.anchorDate = LocalDate.of(2027, 1, 6);
        assertEquals(Optional.empty(), settings.periodAt(amsterdam("2027-01-10T12:00")),
                "the Tuesday of the anchor week lies before the anchor date");
        assertEquals(Optional.of(LocalDate.of(2027, 1, 12)), settings.periodAt(amsterdam("2027-01-12T09:00")));
        assertEquals(Optional.of(LocalDate.of(2027, 1, 19)), settings.periodAt(amsterdam("2027-01-19T09:30")));
        assertEquals(LocalDate.of(2027, 1, 12), settings.nextPeriodAfter(amsterdam("2027-01-07T00:00")));
    }
}
