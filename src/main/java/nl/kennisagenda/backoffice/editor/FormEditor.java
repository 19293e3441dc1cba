package nl.kennisagenda.backoffice.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import nl.kennisagenda.account.Actor;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.StandardFormFields;

/**
 * The sign-up form editor: add, change, remove and reorder fields.
 * <p>
 * Answers are stored per registration by field key (registration_answers), not by field row. So removing a field
 * takes it off the form and keeps every answer already given (the registration lists and exports still have it), and
 * changing a label or the options never rewrites an answer. New fields get a key that was never used in this event,
 * neither by a current field nor by a stored answer, so a new question never inherits the answers to an old one.
 * First name, last name and e-mail address are part of every form: they can be relabelled and moved, not removed
 * or made optional.
 */
@ApplicationScoped
@Transactional
public class FormEditor {

    public static final Set<String> CORE_KEYS = Set.of(FormField.FIRST_NAME, FormField.LAST_NAME, FormField.EMAIL);
    private static final int MAX_OPTIONS = 50;

    /** The field form as typed; {@code fieldId} is null for a new field. Options one per line. */
    public record FieldInput(Long fieldId, String type, String labelNl, String labelEn, String helpNl, String helpEn,
            boolean required, String optionsNl, String optionsEn) {
    }

    @Inject
    EditableEvents events;

    @Inject
    EntityManager em;

    public FormField save(Actor actor, long eventId, FieldInput input) {
        Event event = events.changeable(actor, eventId);
        EditorMessages m = EditorTexts.current();
        ensureCoreFields(event);
        FormField field = null;
        if (input.fieldId() != null) {
            field = fieldOf(event, input.fieldId());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        FieldType type = null;
        if (field != null && CORE_KEYS.contains(field.fieldKey)) {
            type = field.type;
        } else {
            try {
                type = input.type() == null ? null : FieldType.valueOf(input.type());
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (type == null) {
                errors.put("type", m.error_choose());
            }
        }
        String labelNl = Texts.required("labelNl", input.labelNl(), 300, m, errors);
        String labelEn = Texts.optional("labelEn", input.labelEn(), 300, m, errors);
        String helpNl = Texts.optional("helpNl", input.helpNl(), 1000, m, errors);
        String helpEn = Texts.optional("helpEn", input.helpEn(), 1000, m, errors);
        List<String> optionsNl = lines(input.optionsNl());
        List<String> optionsEn = lines(input.optionsEn());
        boolean withOptions = type == FieldType.SELECT || type == FieldType.MULTI_SELECT;
        if (withOptions) {
            if (optionsNl.isEmpty()) {
                errors.put("optionsNl", m.error_options_required());
            } else if (optionsNl.size() > MAX_OPTIONS) {
                errors.put("optionsNl", m.error_options_too_many(MAX_OPTIONS));
            } else if (optionsNl.stream().anyMatch(o -> o.length() > 200)
                    || optionsEn.stream().anyMatch(o -> o.length() > 200)) {
                errors.put(optionsNl.stream().anyMatch(o -> o.length() > 200) ? "optionsNl" : "optionsEn",
                        m.error_too_long(200));
            } else if (new HashSet<>(optionsNl).size() != optionsNl.size()) {
                errors.put("optionsNl", m.error_options_duplicate());
            }
            if (!optionsEn.isEmpty() && optionsEn.size() != optionsNl.size()) {
                errors.put("optionsEn", m.error_options_count(optionsNl.size()));
            }
        }
        if (type == FieldType.BREAKOUT_CHOICE) {
            FormField current = field;
            boolean another = event.formFields.stream()
                    .anyMatch(f -> f.type == FieldType.BREAKOUT_CHOICE && f != current);
            if (another) {
                errors.put("type", m.error_one_session_field());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidEditException(errors);
        }
        boolean isNew = field == null;
        if (isNew) {
            field = new FormField();
            field.event = event;
            field.fieldKey = newKey(event);
            field.sortOrder = event.formFields.stream().mapToInt(f -> f.sortOrder).max().orElse(-1) + 1;
        }
        field.type = type;
        field.labelNl = labelNl;
        // The column needs a value; an empty English label shows the Dutch one.
        field.labelEn = labelEn == null ? labelNl : labelEn;
        field.helpNl = helpNl;
        field.helpEn = helpEn;
        field.required = CORE_KEYS.contains(field.fieldKey) || input.required();
        field.maxLength = isNew ? null : field.maxLength;
        field.options.clear();
        field.optionsEn.clear();
        if (withOptions) {
            field.options.addAll(optionsNl);
            field.optionsEn.addAll(optionsEn);
        }
        if (isNew) {
            field.persist();
            event.formFields.add(field);
        }
        return field;
    }

    public void move(Actor actor, long eventId, long fieldId, int direction) {
        Event event = events.changeable(actor, eventId);
        ensureCoreFields(event);
        List<FormField> order = ordered(event);
        FormField field = fieldOf(event, fieldId);
        int index = order.indexOf(field);
        int target = index + Integer.signum(direction);
        if (target >= 0 && target < order.size()) {
            order.add(target, order.remove(index));
        }
        for (int i = 0; i < order.size(); i++) {
            order.get(i).sortOrder = i;
        }
    }

    /** Takes a field off the form; answers already given stay with their registrations. */
    public void remove(Actor actor, long eventId, long fieldId) {
        Event event = events.changeable(actor, eventId);
        ensureCoreFields(event);
        FormField field = fieldOf(event, fieldId);
        if (CORE_KEYS.contains(field.fieldKey)) {
            throw InvalidEditException.refused(EditorTexts.current().error_core_field(field.labelNl));
        }
        event.formFields.remove(field);
        field.delete();
    }

    /**
     * A form without first name, last name or e-mail gets them added as real rows before its first change, so
     * the organiser sees and orders every field the public form shows (the sign-up adds them on the fly otherwise).
     */
    private static void ensureCoreFields(Event event) {
        Set<String> present = new HashSet<>();
        event.formFields.forEach(f -> present.add(f.fieldKey));
        if (present.containsAll(CORE_KEYS)) {
            return;
        }
        List<FormField> order = ordered(event);
        List<FormField> added = new ArrayList<>();
        for (FormField standard : StandardFormFields.forEvent(event)) {
            boolean wanted = event.formFields.isEmpty() || CORE_KEYS.contains(standard.fieldKey);
            if (wanted && !present.contains(standard.fieldKey)) {
                added.add(standard);
            }
        }
        order.addAll(0, added);
        for (int i = 0; i < order.size(); i++) {
            order.get(i).sortOrder = i;
        }
        added.forEach(field -> {
            field.persist();
            event.formFields.add(field);
        });
    }

    private static List<FormField> ordered(Event event) {
        List<FormField> order = new ArrayList<>(event.formFields);
        order.sort(java.util.Comparator.comparingInt((FormField f) -> f.sortOrder).thenComparing(f -> f.id));
        return order;
    }

    private static FormField fieldOf(Event event, long fieldId) {
        return event.formFields.stream().filter(f -> f.id != null && f.id == fieldId).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /** "field1", "field2", …: the first number no field or stored answer of this event has used. */
    @SuppressWarnings("unchecked")
    private String newKey(Event event) {
        Set<String> used = new HashSet<>();
        event.formFields.forEach(f -> used.add(f.fieldKey));
        used.addAll(em.createNativeQuery("select distinct a.field_key from registration_answers a"
                + " join registrations r on r.id = a.registration_id where r.event_id = ?1")
                .setParameter(1, event.id).getResultList());
        for (int n = 1;; n++) {
            if (!used.contains("field" + n)) {
                return "field" + n;
            }
        }
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
