package nl.kennisagenda.account;

/**
 * Who made a change, as the registration history and the audit log record it: a visitor (public sign-up or the
 * self-service page, no account), an organiser (a logged-in account, by id and name) or the system (scheduled jobs,
 * and effects such as a promotion from the waiting list triggered by someone else's change).
 */
public record ActedBy(Kind kind, Long accountId, String name) {

    public enum Kind {
        VISITOR, ORGANISER, SYSTEM
    }

    public static ActedBy visitor() {
        return new ActedBy(Kind.VISITOR, null, null);
    }

    public static ActedBy system() {
        return new ActedBy(Kind.SYSTEM, null, null);
    }

    public static ActedBy of(Actor actor) {
        return new ActedBy(Kind.ORGANISER, actor.accountId(), actor.name());
    }
}
