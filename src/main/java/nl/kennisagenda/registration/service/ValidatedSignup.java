package nl.kennisagenda.registration.service;

import java.util.List;
import java.util.Map;

import nl.kennisagenda.event.AttendanceMode;
import nl.kennisagenda.event.ProgrammeItem;

/**
 * Answers that passed every rule, trimmed and ready to store; sessions sorted by id (the lock order); the attendance
 * mode chosen at a hybrid event, or the one the event's format implies.
 */
public record ValidatedSignup(String firstName, String lastName, String email, String organisation, String role,
        Map<String, String> answers, List<ProgrammeItem> sessions, boolean newsletter, String consentText,
        AttendanceMode mode) {
}
