package nl.kennisagenda.i18n;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.quarkus.qute.TemplateExtension;

/** Date formatting in templates, in the language of the page or mail: {@code {event.startsAt.day}}. */
@TemplateExtension
public class DateTemplateExtensions {

    static String day(Instant instant, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Dates.day(instant, CurrentLocale.from(locale));
    }

    static String time(Instant instant) {
        return Dates.time(instant);
    }

    /**
     * For {@code <time datetime>}: HTML allows at most three digits of a second's fraction, so whole seconds (times
     * made in code, not typed by an organiser, carry microseconds).
     */
    static String iso(Instant instant) {
        return Dates.iso(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
