package nl.kennisagenda.backoffice.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.event.Event;

/** Finds the event an editor works on and checks the actor first, before anything of the request is looked at. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EditableEvents {

    /** For reading (observers too); 404 for an unknown event, 403 for an outsider. */
    public Event readable(Actor actor, long eventId) {
        Event event = Event.<Event>findByIdOptional(eventId).orElseThrow(NotFoundException::new);
        AccessPolicy.requireCanRead(actor, event.organisation);
        return event;
    }

    /** For changing: organisers of the event's organisation and administrators; 403 for everybody else. */
    public Event changeable(Actor actor, long eventId) {
        Event event = Event.<Event>findByIdOptional(eventId).orElseThrow(NotFoundException::new);
        AccessPolicy.requireCanChange(actor, event.organisation);
        return event;
    }

    public static boolean canChange(Actor actor, Event event) {
        return AccessPolicy.canChange(actor, event.organisation);
    }
}
