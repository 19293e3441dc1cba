package nl.kennisagenda.account;

/**
 * Who caused a change: a visitor (on the public pages or API), an organiser or administrator in the back-office
 * (with their account), or the system itself (a scheduled job, a promotion that follows another change).
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
