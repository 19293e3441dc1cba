package nl.kennisagenda.registration;

/** Where a sign-up stands. Waiting-list order is the order of arrival (created_at, then id). */
public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
