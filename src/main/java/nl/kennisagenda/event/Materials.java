package nl.kennisagenda.event;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import nl.kennisagenda.i18n.AppMessages;
import nl.kennisagenda.i18n.PageTexts;

/**
 * One rule for how an event's materials are presented after it took place: grouped by kind, in the fixed order
 * slides, recording, documents, links, each group under its heading, the items in the organiser's order. The public
 * event page ("Terugblik"), the past-events cards and the follow-up mails to attendees all ask this, so a person
 * finds the same list on the page and in their mail.
 */
public final class Materials {

    /** The order of the groups. */
    public static final List<MaterialKind> ORDER = List.of(MaterialKind.SLIDES, MaterialKind.RECORDING,
            MaterialKind.DOCUMENT, MaterialKind.LINK);

    /** The materials of one kind, in the organiser's order. */
    public record Group(MaterialKind kind, List<EventMaterial> items) {

        /** "Presentaties", "Opname(s)": the group's heading in the language given. */
        public String heading(Locale locale) {
            return Materials.heading(kind, locale);
        }
    }

    private Materials() {
    }

    /** The event's materials grouped for the look back; kinds without materials are left out. */
    public static List<Group> grouped(Event event) {
        return grouped(event.materials);
    }

    public static List<Group> grouped(Collection<EventMaterial> materials) {
        List<Group> groups = new ArrayList<>();
        for (MaterialKind kind : ORDER) {
            List<EventMaterial> items = materials.stream().filter(material -> material.kind == kind)
                    .sorted(Comparator.comparingInt((EventMaterial material) -> material.sortOrder)
                            .thenComparing(material -> material.id, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            if (!items.isEmpty()) {
                groups.add(new Group(kind, items));
            }
        }
        return groups;
    }

    /** The heading of a group of this kind, in Dutch or English (the {@code msg} bundle). */
    public static String heading(MaterialKind kind, Locale locale) {
        AppMessages msg = PageTexts.in(locale);
        return switch (kind) {
            case SLIDES -> msg.materials_slides();
            case RECORDING -> msg.materials_recording();
            case DOCUMENT -> msg.materials_document();
            case LINK -> msg.materials_link();
        };
    }
}
