package nl.kennisagenda.event;

import java.util.List;

/** The fields every sign-up form starts with: name and mail always, organisation and role on by default. */
public final class StandardFormFields {

    private StandardFormFields() {
    }

    /** Adds the standard fields to an event without a form yet; returns them unsaved, in order. */
    public static List<FormField> forEvent(Event event) {
        return List.of(
                field(event, 0, FormField.FIRST_NAME, "Voornaam", "First name", FieldType.TEXT, true, 100),
                field(event, 1, FormField.LAST_NAME, "Achternaam", "Last name", FieldType.TEXT, true, 100),
                field(event, 2, FormField.EMAIL, "E-mailadres", "Email address", FieldType.EMAIL, true, 254),
                field(event, 3, FormField.ORGANISATION, "Organisatie", "Organisation", FieldType.TEXT, true, 200),
                field(event, 4, FormField.ROLE, "Functie", "Job title", FieldType.TEXT, false, 200));
    }

    public static FormField field(Event event, int sortOrder, String key, String labelNl, String labelEn,
            FieldType type, boolean required, Integer maxLength) {
        FormField field = new FormField();
        field.event = event;
        field.sortOrder = sortOrder;
        field.fieldKey = key;
        field.labelNl = labelNl;
        field.labelEn = labelEn;
        field.type = type;
        field.required = required;
        field.maxLength = maxLength;
        return field;
    }
}
