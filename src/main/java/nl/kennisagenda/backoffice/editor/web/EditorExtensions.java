package nl.kennisagenda.backoffice.editor.web;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import nl.kennisagenda.backoffice.editor.EditorMessages;
import nl.kennisagenda.backoffice.editor.EditorTexts;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.MaterialKind;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.ProgrammeItemKind;
import nl.kennisagenda.i18n.CurrentLocale;

/** Labels for the editor pages, in the page's language. */
@TemplateExtension
public class EditorExtensions {

    private static EditorMessages m(Object locale) {
        return EditorTexts.in(CurrentLocale.from(locale));
    }

    static String kindLabel(ProgrammeItemKind kind, @TemplateAttribute("locale") Object locale) {
        EditorMessages m = m(locale);
        return switch (kind) {
            case PLENARY -> m.kind_plenary();
            case BREAKOUT -> m.kind_breakout();
            case BREAK -> m.kind_break();
        };
    }

    static String typeLabel(FieldType type, @TemplateAttribute("locale") Object locale) {
        EditorMessages m = m(locale);
        return switch (type) {
            case TEXT -> m.type_text();
            case EMAIL -> m.type_email();
            case PHONE -> m.type_phone();
            case TEXTAREA -> m.type_textarea();
            case SELECT -> m.type_select();
            case MULTI_SELECT -> m.type_multi_select();
            case CHECKBOX -> m.type_checkbox();
            case BREAKOUT_CHOICE -> m.type_breakout_choice();
        };
    }

    static String materialLabel(MaterialKind kind, @TemplateAttribute("locale") Object locale) {
        EditorMessages m = m(locale);
        return switch (kind) {
            case SLIDES -> m.material_slides();
            case RECORDING -> m.material_recording();
            case DOCUMENT -> m.material_document();
            case LINK -> m.material_link();
        };
    }

    /** "Ronde 1 · Zaal 2: 12 van 30 bevestigd, 3 op de wachtlijst". */
    static String sessionLine(ProgrammeItem item, @TemplateAttribute("locale") Object locale) {
        EditorMessages m = m(locale);
        StringBuilder line = new StringBuilder(m.round_n(item.roundNumber == null ? 0 : item.roundNumber));
        if (item.room != null) {
            line.append(" · ").append(item.room);
        }
        line.append(": ").append(item.capacity == null ? m.confirmed_unlimited(item.confirmedCount)
                : m.confirmed_of(item.confirmedCount, item.capacity));
        if (item.waitlistedCount > 0) {
            line.append(", ").append(m.waitlisted(item.waitlistedCount));
        }
        return line.toString();
    }
}
