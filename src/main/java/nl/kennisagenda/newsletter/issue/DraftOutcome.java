package nl.kennisagenda.newsletter.issue;

import java.util.Optional;

/**
 * What one run of the draft job decided for an organisation, stored on its settings as {@link #code()} (e.g.
 * {@code NOTHING_NEW:12}) and shown on the settings page in the reader's language.
 *
 * @param kind what happened
 * @param issueId the issue made (DRAFT, SCHEDULED) or the previous issue that already announced everything
 *        (NOTHING_NEW); null for NOTHING_UPCOMING
 */
public record DraftOutcome(Kind kind, Long issueId) {

    public enum Kind {
        /** A draft was prepared for an organiser to review. */
        DRAFT,
        /** A draft was prepared and, with auto-send on, frozen and scheduled. */
        SCHEDULED,
        /** Every upcoming event and recent material was already in issue {@code issueId}. */
        NOTHING_NEW,
        /** No upcoming events and no recent materials at all. */
        NOTHING_UPCOMING
    }

    public String code() {
        return issueId == null ? kind.name() : kind.name() + ":" + issueId;
    }

    public boolean madeIssue() {
        return kind == Kind.DRAFT || kind == Kind.SCHEDULED;
    }

    public static Optional<DraftOutcome> parse(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String[] parts = code.split(":", 2);
        try {
            Kind kind = Kind.valueOf(parts[0]);
            return Optional.of(new DraftOutcome(kind, parts.length > 1 ? Long.valueOf(parts[1]) : null));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
