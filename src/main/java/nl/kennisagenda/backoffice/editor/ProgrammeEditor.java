package nl.kennisagenda.backoffice.editor;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import nl.kennisagenda.account.Actor;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventLocks;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.ProgrammeItemKind;
import nl.kennisagenda.event.Speaker;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.service.RegistrationOperations;

/**
 * The programme editor's changes: plenary parts, breaks and breakout sessions in rounds, their speakers and order.
 * Rules that protect attendees:
 * <ul>
 * <li>a session's capacity never goes below the people already confirmed for it, checked under the same row locks
 * the sign-ups take ({@link EventLocks}: event first, then the session);</li>
 * <li>raising (or lifting) a capacity promotes from the waiting list at once, in the same transaction
 * ({@link RegistrationOperations#promoteWaitlisted(long)}), so the promotion mails go out with the change;</li>
 * <li>a session that people are signed up for (confirmed or waiting) cannot be removed or turned into a plenary
 * part: the organiser moves or cancels those registrations first;</li>
 * <li>every item lies within the event's own start and end.</li>
 * </ul>
 * Times and rooms of sessions are not announced to attendees by mail: the calendar invite covers the event as a
 * whole (see EventChangeService for what is).
 */
@ApplicationScoped
@Transactional
public class ProgrammeEditor {

    /** The item form as typed; {@code itemId} is null for a new item. */
    public record ItemInput(Long itemId, String kind, String startsAt, String endsAt, String titleNl, String titleEn,
            String descriptionNl, String descriptionEn, String round, String room, String capacity,
            List<String> speakerIds, String newSpeakerName, String newSpeakerOrganisation) {
    }

    @Inject
    EditableEvents events;

    @Inject
    EventLocks locks;

    @Inject
    RegistrationOperations operations;

    @Inject
    SpeakerLibrary speakers;

    public ProgrammeItem save(Actor actor, long eventId, ItemInput input) {
        Event event = events.changeable(actor, eventId);
        EditorMessages m = EditorTexts.current();
        ProgrammeItem item = null;
        if (input.itemId() != null) {
            item = ProgrammeItem.<ProgrammeItem>findByIdOptional(input.itemId())
                    .filter(found -> found.event.id.equals(event.id)).orElseThrow(NotFoundException::new);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        ProgrammeItemKind kind = null;
        try {
            kind = input.kind() == null ? null : ProgrammeItemKind.valueOf(input.kind());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (kind == null) {
            errors.put("kind", m.error_choose());
        }
        Instant start = time("startsAt", input.startsAt(), m, errors);
        Instant end = time("endsAt", input.endsAt(), m, errors);
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                errors.put("endsAt", m.error_end_after_start());
            } else if (start.isBefore(event.startsAt) || end.isAfter(event.endsAt)) {
                errors.put(start.isBefore(event.startsAt) ? "startsAt" : "endsAt", m.error_within_event(
                        Dates.day(event.startsAt, nl.kennisagenda.i18n.CurrentLocale.from(null)) + " "
                                + Dates.timeRange(event.startsAt, event.endsAt)));
            }
        }
        String titleNl = Texts.required("titleNl", input.titleNl(), 300, m, errors);
        String titleEn = Texts.optional("titleEn", input.titleEn(), 300, m, errors);
        String descriptionNl = Texts.optional("descriptionNl", input.descriptionNl(), 4000, m, errors);
        String descriptionEn = Texts.optional("descriptionEn", input.descriptionEn(), 4000, m, errors);
        Integer round = null;
        String room = null;
        Integer capacity = null;
        if (kind == ProgrammeItemKind.BREAKOUT) {
            round = Texts.number("round", input.round(), 1, 20, m, errors);
            if (round == null && !errors.containsKey("round")) {
                errors.put("round", m.error_round_required());
            }
            room = Texts.optional("room", input.room(), 200, m, errors);
            capacity = Texts.number("capacity", input.capacity(), 0, 100000, m, errors);
        }
        List<Speaker> chosen = chosenSpeakers(actor, input.speakerIds(), m, errors);
        Map<String, String> speakerErrors = new LinkedHashMap<>();
        if (Texts.clean(input.newSpeakerName()) != null) {
            Texts.optional("newSpeakerName", input.newSpeakerName(), 200, m, speakerErrors);
            Texts.optional("newSpeakerOrganisation", input.newSpeakerOrganisation(), 200, m, speakerErrors);
        }
        errors.putAll(speakerErrors);
        int active = item == null ? 0 : activeRegistrations(item);
        if (item != null && item.isBreakout() && kind != null && kind != ProgrammeItemKind.BREAKOUT && active > 0) {
            errors.put("kind", m.error_session_has_registrations(active));
        }
        if (!errors.isEmpty()) {
            throw new InvalidEditException(errors);
        }

        boolean isNew = item == null;
        boolean capacityRaised = false;
        if (isNew) {
            item = new ProgrammeItem();
            item.event = event;
        } else if (item.isBreakout() && kind == ProgrammeItemKind.BREAKOUT) {
            // Under the sign-ups' locks: the confirmed count cannot change between this check and the commit.
            locks.lock(event.id, List.of(item.id));
            if (capacity != null && capacity < item.confirmedCount) {
                throw new InvalidEditException(Map.of("capacity",
                        m.error_capacity_below_confirmed(item.confirmedCount)));
            }
            capacityRaised = item.capacity != null && (capacity == null || capacity > item.capacity);
        }
        item.kind = kind;
        item.startsAt = start;
        item.endsAt = end;
        item.title = titleNl;
        item.titleEn = titleEn;
        item.description = descriptionNl;
        item.descriptionEn = descriptionEn;
        item.roundNumber = round;
        item.room = room;
        item.capacity = capacity;
        item.speakers.clear();
        item.speakers.addAll(chosen);
        if (Texts.clean(input.newSpeakerName()) != null) {
            Speaker created = speakers.createFor(event, input.newSpeakerName(), input.newSpeakerOrganisation());
            item.speakers.add(created);
        }
        if (isNew) {
            item.persist();
            insertInTimeOrder(event, item);
        }
        if (capacityRaised) {
            operations.promoteWaitlisted(event.id);
        }
        return item;
    }

    /** Moves an item one place up (-1) or down (+1) in the programme. */
    public void move(Actor actor, long eventId, long itemId, int direction) {
        Event event = events.changeable(actor, eventId);
        List<ProgrammeItem> order = new ArrayList<>(event.programme);
        int index = indexOf(order, itemId);
        int target = index + Integer.signum(direction);
        if (target >= 0 && target < order.size()) {
            order.add(target, order.remove(index));
        }
        renumber(order);
    }

    /** Removes an item; refused for a session people are signed up for. */
    public void remove(Actor actor, long eventId, long itemId) {
        Event event = events.changeable(actor, eventId);
        List<ProgrammeItem> order = new ArrayList<>(event.programme);
        ProgrammeItem item = order.get(indexOf(order, itemId));
        locks.lock(event.id, List.of(item.id));
        int active = activeRegistrations(item);
        if (active > 0) {
            throw InvalidEditException.refused(EditorTexts.current().error_remove_session_with_registrations(
                    item.title, active));
        }
        // Cancelled registrations keep their history but lose the link to a session that no longer exists.
        List<Registration> cancelled = Registration.list("select r from Registration r join r.sessions s"
                + " where s = ?1", item);
        cancelled.forEach(registration -> registration.sessions.remove(item));
        order.remove(item);
        event.programme.remove(item);
        item.speakers.clear();
        item.delete();
        renumber(order);
    }

    static int activeRegistrations(ProgrammeItem item) {
        return (int) Registration.count("select count(r) from Registration r join r.sessions s where s = ?1"
                + " and r.status <> ?2", item, RegistrationStatus.CANCELLED);
    }

    private List<Speaker> chosenSpeakers(Actor actor, List<String> ids, EditorMessages m, Map<String, String> errors) {
        List<Speaker> chosen = new ArrayList<>();
        if (ids == null || ids.isEmpty()) {
            return chosen;
        }
        Set<Long> visible = new java.util.HashSet<>(speakers.visible(actor).stream().map(s -> s.id).toList());
        for (String id : ids) {
            if (id == null || !id.matches("[0-9]{1,18}") || !visible.contains(Long.parseLong(id))) {
                errors.put("speakers", m.error_choose());
                return List.of();
            }
            Speaker speaker = Speaker.findById(Long.parseLong(id));
            if (!chosen.contains(speaker)) {
                chosen.add(speaker);
            }
        }
        return chosen;
    }

    /** A datetime-local value ("2026-12-03T13:30") in Amsterdam time. */
    private static Instant time(String field, String value, EditorMessages m, Map<String, String> errors) {
        String clean = Texts.clean(value);
        if (clean == null) {
            errors.put(field, m.error_required());
            return null;
        }
        try {
            return LocalDateTime.parse(clean).atZone(Dates.AMSTERDAM).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, m.error_time());
            return null;
        }
    }

    private static void insertInTimeOrder(Event event, ProgrammeItem item) {
        List<ProgrammeItem> order = new ArrayList<>(event.programme);
        order.remove(item);
        int at = order.size();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).startsAt.isAfter(item.startsAt)) {
                at = i;
                break;
            }
        }
        order.add(at, item);
        event.programme.clear();
        event.programme.addAll(order);
        renumber(order);
    }

    private static void renumber(List<ProgrammeItem> order) {
        for (int i = 0; i < order.size(); i++) {
            order.get(i).sortOrder = i;
        }
    }

    private static int indexOf(List<ProgrammeItem> order, long itemId) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).id == itemId) {
                return i;
            }
        }
        throw new NotFoundException();
    }
}
