package nl.kennisagenda.newsletter.subscription;

/**
 * The legal basis an organiser states for an imported list (AVG art. 6, Telecommunicatiewet art. 11.7). Whatever
 * the basis, imported addresses stay PENDING until they confirm through their one re-permission mail.
 */
public enum LegalBasis {
    /** Consent given earlier and recorded elsewhere (e.g. a previous mailing tool). */
    EARLIER_CONSENT,
    /** Existing relationship: the address was given at an earlier event of the organisation (soft opt-in). */
    EXISTING_RELATIONSHIP
}
