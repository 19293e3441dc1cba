package nl.kennisagenda.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The logged-in user of this request as an {@link Actor}, for resources to hand to the services. */
@RequestScoped
public class CurrentActor {

    @Inject
    SecurityIdentity identity;

    private Actor actor;

    /** The actor; 401 when nobody (or no active account) is logged in. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Actor get() {
        if (actor == null) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            actor = Account.findActiveByEmail(identity.getPrincipal().getName()).map(Actor::of)
                    .orElseThrow(UnauthorizedException::new);
        }
        return actor;
    }
}
