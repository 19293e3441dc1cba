package nl.kennisagenda.account;

import java.util.Set;

/**
 * The person acting in the back-office, as the services see it: passed to every back-office service method, which
 * checks it with {@link AccessPolicy}. Built from the logged-in account by {@link CurrentActor}; tests build one
 * directly.
 */
public record Actor(long accountId, String email, String name, Role role, Set<Long> organisationIds) {

    public Actor {
        organisationIds = Set.copyOf(organisationIds);
    }

    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }

    public boolean belongsTo(long organisationId) {
        return organisationIds.contains(organisationId);
    }

    /** The actor for an account (its organisations must be loadable). */
    public static Actor of(Account account) {
        return new Actor(account.id, account.email, account.name, account.role,
                account.organisations.stream().map(organisation -> organisation.id)
                        .collect(java.util.stream.Collectors.toSet()));
    }
}
