package nl.kennisagenda.account;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import nl.kennisagenda.event.Organisation;

/** Which organisations an actor belongs to and may read, by name: the reads behind the admin API's "who am I". */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrganisationDirectory {

    /** The organisations the actor's account is a member of (an administrator may have none and still sees all). */
    public List<Organisation> memberOf(Actor actor) {
        if (actor.organisationIds().isEmpty()) {
            return List.of();
        }
        return Organisation.list("id in ?1 order by name", actor.organisationIds());
    }

    /** The organisations the actor may read: all for administrators, else their own ({@link AccessPolicy}). */
    public List<Organisation> readableBy(Actor actor) {
        List<Organisation> candidates = actor.isAdministrator() ? Organisation.allByName() : memberOf(actor);
        return candidates.stream().filter(organisation -> AccessPolicy.canRead(actor, organisation)).toList();
    }
}
