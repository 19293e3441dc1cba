package nl.kennisagenda.newsletter.subscription;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.Organisation;

/** What a subscriber can choose: the organisations, and the themes that published events carry. */
@ApplicationScoped
public class Topics {

    @Transactional(TxType.SUPPORTS)
    public List<Organisation> organisations() {
        return Organisation.allByName();
    }

    @Transactional(TxType.SUPPORTS)
    public List<String> themes() {
        return Event.getEntityManager().createQuery("select distinct t from Event e join e.themes t"
                + " where e.status = :published order by t", String.class)
                .setParameter("published", EventStatus.PUBLISHED).getResultList();
    }

    /** The organisations with these slugs (unknown ones are left out). */
    @Transactional(TxType.SUPPORTS)
    public Set<Organisation> organisations(List<String> slugs) {
        return organisations().stream().filter(organisation -> slugs.contains(organisation.slug))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** The themes among these that exist (so nobody stores free text as a theme). */
    @Transactional(TxType.SUPPORTS)
    public Set<String> themes(List<String> chosen) {
        return themes().stream().filter(chosen::contains)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
