package nl.kennisagenda.registration.service;

import java.util.List;
import java.util.Map;

import nl.kennisagenda.event.AttendanceMode;

/**
 * Answers that passed every rule, trimmed and ready to store; the chosen sessions' ids in ascending order (the lock
 * order); the attendance mode chosen at a hybrid event, or the one the event's format implies.
 */
public record ValidatedSignup(String firstName, String lastName, String email, String organisation, String role,
        Map<String, String> answers, List<Long> sessionIds, boolean newsletter, String consentText,
        AttendanceMode mode) {
}
