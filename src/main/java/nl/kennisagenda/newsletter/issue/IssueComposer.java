package nl.kennisagenda.newsletter.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventMaterial;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.NewsletterIssue;

/**
 * The one rule for what an issue announces (docs/newsletter.md, "Composing"):
 * <ul>
 * <li>upcoming: events of the organisation, as organiser or as partner (a network announces what it co-organises,
 * as its public page lists it), that are PUBLISHED and listed, starting from now until now + weeks ahead, soonest
 * first;</li>
 * <li>recent materials (when the organisation wants them): the materials of such events that ended within the last
 * material weeks;</li>
 * <li>nothing new: every upcoming event and every recent material was already announced by the organisation's
 * latest frozen issue (scheduled, sending, paused or sent).</li>
 * </ul>
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class IssueComposer {

    static final List<IssueStatus> FROZEN = List.of(IssueStatus.SCHEDULED, IssueStatus.SENDING, IssueStatus.PAUSED,
            IssueStatus.SENT);

    @Inject
    EntityManager em;

    public Composition compose(Organisation organisation, NewsletterSettings settings, Instant now) {
        List<Event> upcoming = em.createQuery("select e from Event e where (e.organisation = :org"
                + " or :org member of e.partners) and e.status = :published and e.unlisted = false"
                + " and e.startsAt >= :now and e.startsAt < :until order by e.startsAt, e.id", Event.class)
                .setParameter("org", organisation).setParameter("published", EventStatus.PUBLISHED)
                .setParameter("now", now).setParameter("until", now.plus(Duration.ofDays(7L * settings.weeksAhead)))
                .getResultList();
        List<EventMaterial> materials = !settings.includeMaterials ? List.of()
                : em.createQuery("select m from EventMaterial m join fetch m.event e where (e.organisation = :org"
                        + " or :org member of e.partners) and e.status = :published and e.unlisted = false"
                        + " and e.endsAt <= :now and e.endsAt > :since order by e.endsAt desc, e.id, m.sortOrder, m.id",
                        EventMaterial.class)
                        .setParameter("org", organisation).setParameter("published", EventStatus.PUBLISHED)
                        .setParameter("now", now)
                        .setParameter("since", now.minus(Duration.ofDays(7L * settings.materialWeeks)))
                        .getResultList();
        return new Composition(upcoming, materials);
    }

    /** The organisation's latest frozen issue: what subscribers were last told (or will be told). */
    public Optional<NewsletterIssue> latestFrozen(Organisation organisation) {
        return NewsletterIssue.<NewsletterIssue> find("organisation = ?1 and status in ?2 order by sendAt desc, id desc",
                organisation, FROZEN).firstResultOptional();
    }

    /**
     * Whether the composition has anything the latest frozen issue did not announce; when it does not, the reason
     * (nothing at all, or nothing new since that issue).
     */
    public Optional<DraftOutcome> nothingNew(Organisation organisation, Composition composition) {
        Optional<NewsletterIssue> previous = latestFrozen(organisation);
        if (composition.isEmpty()) {
            return Optional.of(new DraftOutcome(DraftOutcome.Kind.NOTHING_UPCOMING, null));
        }
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> events = announcedEvents(previous.get().id);
        Set<Long> materials = announcedMaterials(previous.get().id);
        boolean anyNew = composition.upcoming().stream().anyMatch(event -> !events.contains(event.id))
                || composition.materials().stream().anyMatch(material -> !materials.contains(material.id));
        return anyNew ? Optional.empty()
                : Optional.of(new DraftOutcome(DraftOutcome.Kind.NOTHING_NEW, previous.get().id));
    }

    @SuppressWarnings("unchecked")
    public Set<Long> announcedEvents(long issueId) {
        List<Number> ids = em.createNativeQuery("select event_id from newsletter_issue_events where issue_id = ?1")
                .setParameter(1, issueId).getResultList();
        Set<Long> result = new HashSet<>();
        ids.forEach(id -> result.add(id.longValue()));
        return result;
    }

    @SuppressWarnings("unchecked")
    public Set<Long> announcedMaterials(long issueId) {
        List<Number> ids = em.createNativeQuery(
                "select material_id from newsletter_issue_materials where issue_id = ?1")
                .setParameter(1, issueId).getResultList();
        Set<Long> result = new HashSet<>();
        ids.forEach(id -> result.add(id.longValue()));
        return result;
    }

    /** Records what a frozen issue announces (replacing an earlier record, e.g. after a cancel and a new freeze). */
    @Transactional(TxType.MANDATORY)
    void recordAnnounced(NewsletterIssue issue, Composition composition) {
        em.createNativeQuery("delete from newsletter_issue_events where issue_id = ?1").setParameter(1, issue.id)
                .executeUpdate();
        em.createNativeQuery("delete from newsletter_issue_materials where issue_id = ?1").setParameter(1, issue.id)
                .executeUpdate();
        for (Event event : composition.upcoming()) {
            em.createNativeQuery("insert into newsletter_issue_events (issue_id, event_id) values (?1, ?2)")
                    .setParameter(1, issue.id).setParameter(2, event.id).executeUpdate();
        }
        for (EventMaterial material : composition.materials()) {
            em.createNativeQuery("insert into newsletter_issue_materials (issue_id, material_id) values (?1, ?2)")
                    .setParameter(1, issue.id).setParameter(2, material.id).executeUpdate();
        }
    }
}
