package nl.kennisagenda.newsletter.issue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventMaterial;

/**
 * What the calendar gives an issue at one moment: the upcoming events it announces (soonest first) and the recent
 * materials of past events (most recently ended first).
 */
public record Composition(List<Event> upcoming, List<EventMaterial> materials) {

    public Composition {
        upcoming = List.copyOf(upcoming);
        materials = List.copyOf(materials);
    }

    public boolean isEmpty() {
        return upcoming.isEmpty() && materials.isEmpty();
    }

    /** The themes of the announced events, in order of first appearance. */
    public Set<String> themes() {
        Set<String> themes = new LinkedHashSet<>();
        upcoming.forEach(event -> themes.addAll(event.themes));
        return themes;
    }
}
