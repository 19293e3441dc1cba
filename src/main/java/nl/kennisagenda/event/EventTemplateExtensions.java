package nl.kennisagenda.event;

import io.quarkus.qute.TemplateExtension;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.Dates;

/** Computed texts for events in templates, in the page's language: {@code {event.when}}, {@code {item.timeRange}}. */
@TemplateExtension
public class EventTemplateExtensions {

    /** "vrijdag 20 maart, 10:30–12:00". */
    static String when(Event event, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Dates.range(event.startsAt, event.endsAt, CurrentLocale.from(locale));
    }

    static String timeRange(Event event) {
        return Dates.timeRange(event.startsAt, event.endsAt);
    }

    static String timeRange(ProgrammeItem item) {
        return Dates.timeRange(item.startsAt, item.endsAt);
    }

    static String label(FormField field, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return field.label(CurrentLocale.from(locale));
    }

    static String help(FormField field, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return field.help(CurrentLocale.from(locale));
    }
}
