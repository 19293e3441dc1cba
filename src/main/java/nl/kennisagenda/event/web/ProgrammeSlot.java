package nl.kennisagenda.event.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.kennisagenda.event.ProgrammeItem;

/**
 * One step of a programme as a visitor reads it: a single plenary part or break, or a breakout round whose
 * sessions run in parallel.
 *
 * @param round the breakout round number, or null for a single item
 */
public record ProgrammeSlot(Integer round, Instant startsAt, Instant endsAt, List<ProgrammeItem> items) {

    public boolean isRound() {
        return round != null;
    }

    public ProgrammeItem item() {
        return items.get(0);
    }

    /** Groups programme items (in programme order) into slots: consecutive sessions of one round become one slot. */
    public static List<ProgrammeSlot> of(List<ProgrammeItem> programme) {
        List<ProgrammeSlot> slots = new ArrayList<>();
        List<ProgrammeItem> round = new ArrayList<>();
        for (ProgrammeItem item : programme) {
            boolean inRound = item.isBreakout() && item.roundNumber != null;
            if (!round.isEmpty() && (!inRound || !item.roundNumber.equals(round.get(0).roundNumber))) {
                slots.add(roundSlot(round));
                round = new ArrayList<>();
            }
            if (inRound) {
                round.add(item);
            } else {
                slots.add(new ProgrammeSlot(null, item.startsAt, item.endsAt, List.of(item)));
            }
        }
        if (!round.isEmpty()) {
            slots.add(roundSlot(round));
        }
        return slots;
    }

    private static ProgrammeSlot roundSlot(List<ProgrammeItem> sessions) {
        Instant start = sessions.stream().map(i -> i.startsAt).min(Instant::compareTo).orElseThrow();
        Instant end = sessions.stream().map(i -> i.endsAt).max(Instant::compareTo).orElseThrow();
        return new ProgrammeSlot(sessions.get(0).roundNumber, start, end, List.copyOf(sessions));
    }
}
