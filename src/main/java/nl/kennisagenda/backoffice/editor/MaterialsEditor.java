package nl.kennisagenda.backoffice.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import nl.kennisagenda.account.Actor;
import nl.kennisagenda.common.WebAddresses;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventMaterial;
import nl.kennisagenda.event.MaterialKind;

/**
 * Materials after the event: links to slides, recordings, documents. Only http(s) addresses with a host are stored
 * ({@link WebAddresses}, the one rule for links we put in an href). Shown on the event page and the past events list
 * once the event is over.
 */
@ApplicationScoped
@Transactional
public class MaterialsEditor {

    public record MaterialInput(String kind, String titleNl, String titleEn, String url) {
    }

    @Inject
    EditableEvents events;

    public EventMaterial add(Actor actor, long eventId, MaterialInput input) {
        Event event = events.changeable(actor, eventId);
        EditorMessages m = EditorTexts.current();
        Map<String, String> errors = new LinkedHashMap<>();
        MaterialKind kind = null;
        try {
            kind = input.kind() == null ? null : MaterialKind.valueOf(input.kind());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (kind == null) {
            errors.put("materialKind", m.error_choose());
        }
        String titleNl = Texts.required("titleNl", input.titleNl(), 300, m, errors);
        String titleEn = Texts.optional("titleEn", input.titleEn(), 300, m, errors);
        String url = Texts.required("url", input.url(), 1000, m, errors);
        if (url != null && !WebAddresses.isWebAddress(url)) {
            errors.put("url", m.error_web_address());
        }
        if (!errors.isEmpty()) {
            throw new InvalidEditException(errors);
        }
        EventMaterial material = new EventMaterial();
        material.event = event;
        material.kind = kind;
        material.title = titleNl;
        material.titleEn = titleEn;
        material.url = url;
        material.sortOrder = event.materials.stream().mapToInt(x -> x.sortOrder).max().orElse(-1) + 1;
        material.persist();
        event.materials.add(material);
        return material;
    }

    public void move(Actor actor, long eventId, long materialId, int direction) {
        Event event = events.changeable(actor, eventId);
        List<EventMaterial> order = new ArrayList<>(event.materials);
        EventMaterial material = find(order, materialId);
        int index = order.indexOf(material);
        int target = index + Integer.signum(direction);
        if (target >= 0 && target < order.size()) {
            order.add(target, order.remove(index));
        }
        for (int i = 0; i < order.size(); i++) {
            order.get(i).sortOrder = i;
        }
    }

    public void remove(Actor actor, long eventId, long materialId) {
        Event event = events.changeable(actor, eventId);
        EventMaterial material = find(event.materials, materialId);
        event.materials.remove(material);
        material.delete();
    }

    private static EventMaterial find(List<EventMaterial> materials, long id) {
        return materials.stream().filter(x -> x.id == id).findFirst().orElseThrow(NotFoundException::new);
    }
}
