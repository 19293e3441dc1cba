package nl.kennisagenda.registration;

/**
 * Where a sign-up stands. Waiting-list order is the order of arrival (created_at, then id). PENDING (an event that
 * requires approval, not yet decided) and DECLINED take no place and are on no waiting list.
 */
public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED, PENDING, DECLINED
}
