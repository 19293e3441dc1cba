package nl.kennisagenda.account;

import io.quarkus.security.ForbiddenException;
import nl.kennisagenda.event.Organisation;

/**
 * Who may do what in the back-office: the one place for these rules. Services call {@code require…} with the acting
 * user before they read or change anything of an organisation; a refusal is a {@link ForbiddenException} (403).
 * <ul>
 * <li>administrators read and change everything;</li>
 * <li>organisers read and change what belongs to their own organisations;</li>
 * <li>observers read what belongs to their own organisations and change nothing.</li>
 * </ul>
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static boolean canRead(Actor actor, Organisation organisation) {
        return actor != null && organisation != null
                && (actor.isAdministrator() || actor.belongsTo(organisation.id));
    }

    public static boolean canChange(Actor actor, Organisation organisation) {
        return actor != null && organisation != null
                && (actor.isAdministrator() || actor.role() == Role.ORGANISER && actor.belongsTo(organisation.id));
    }

    /** Accounts and organisations themselves are managed by administrators only. */
    public static boolean canManageAccounts(Actor actor) {
        return actor != null && actor.isAdministrator();
    }

    public static void requireCanRead(Actor actor, Organisation organisation) {
        if (!canRead(actor, organisation)) {
            throw new ForbiddenException();
        }
    }

    public static void requireCanChange(Actor actor, Organisation organisation) {
        if (!canChange(actor, organisation)) {
            throw new ForbiddenException();
        }
    }

    public static void requireCanManageAccounts(Actor actor) {
        if (!canManageAccounts(actor)) {
            throw new ForbiddenException();
        }
    }
}
