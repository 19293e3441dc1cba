package nl.kennisagenda.backoffice.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Organisation;

/**
 * The back-office's reads of events. Every method takes the acting user and checks it with {@link AccessPolicy}
 * itself, so no resource (or future API) can show an organisation's events to someone outside it by forgetting a
 * check. Drafts are included: this is the organisers' own view.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BackofficeEvents {

    /** The organisations the actor may see, by name: all for administrators, else their own. */
    public List<Organisation> organisations(Actor actor) {
        if (actor.isAdministrator()) {
            return Organisation.allByName();
        }
        if (actor.organisationIds().isEmpty()) {
            return List.of();
        }
        return Organisation.list("id in ?1 order by name", actor.organisationIds());
    }

    /** Rows per page of the overview's event list. */
    public static final int PAGE_SIZE = 50;

    /**
     * One page of the events of every organisation the actor may see, newest first: a count and one page of rows,
     * however many events there are.
     */
    public EventPage events(Actor actor, int page) {
        if (!actor.isAdministrator() && actor.organisationIds().isEmpty()) {
            return new EventPage(List.of(), 0, 1, 1);
        }
        String where = actor.isAdministrator() ? "" : " where e.organisation.id in ?1";
        Object[] params = actor.isAdministrator() ? new Object[0] : new Object[] { actor.organisationIds() };
        long total = Event.count("from Event e" + where, params);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(1, page), pages);
        List<Event> events = Event.<Event>find("select e from Event e join fetch e.organisation" + where
                + " order by e.startsAt desc, e.id", params).page(shown - 1, PAGE_SIZE).list();
        return new EventPage(events.stream().filter(event -> AccessPolicy.canRead(actor, event.organisation))
                .map(EventRow::of).toList(), total, shown, pages);
    }

    /** One page of the overview's event list. */
    public record EventPage(List<EventRow> rows, long total, int page, int pages) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }

        public String previousUrl() {
            return hasPrevious() ? (page == 2 ? "/admin" : "/admin?page=" + (page - 1)) : "";
        }

        public String nextUrl() {
            return hasNext() ? "/admin?page=" + (page + 1) : "";
        }
    }

    /** The events of one organisation; 403 for an actor outside it, empty when there is no such organisation. */
    public Optional<OrganisationEvents> eventsOf(Actor actor, String organisationSlug) {
        return eventsOf(actor, organisationSlug, null, null);
    }

    /** The groups shown on an organisation's page, in this order. */
    public static final List<String> GROUPS = List.of("draft", "published", "past", "cancelled");

    /**
     * One organisation's events matching the search text (title or slug, any case) and in the chosen group
     * ({@link #GROUPS}; anything else means all), grouped.
     */
    public Optional<OrganisationEvents> eventsOf(Actor actor, String organisationSlug, String query, String group) {
        Optional<Organisation> found = Organisation.findBySlug(organisationSlug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Organisation organisation = found.get();
        AccessPolicy.requireCanRead(actor, organisation);
        List<EventRow> rows = Event.<Event>list("select e from Event e join fetch e.organisation o where o = ?1"
                + " order by e.startsAt desc, e.id", organisation).stream().map(EventRow::of).toList();
        String q = query == null || query.isBlank() ? null : query.strip().toLowerCase(java.util.Locale.ROOT);
        String shown = group != null && GROUPS.contains(group) ? group : null;
        java.time.Instant now = java.time.Instant.now();
        List<EventRow> matching = rows.stream()
                .filter(row -> q == null || row.title().toLowerCase(java.util.Locale.ROOT).contains(q)
                        || row.slug().contains(q))
                .filter(row -> shown == null || row.group(now).equals(shown)).toList();
        List<Group> groups = GROUPS.stream().filter(key -> shown == null || key.equals(shown))
                .map(key -> new Group(key, matching.stream().filter(row -> row.group(now).equals(key)).toList()))
                .toList();
        return Optional.of(new OrganisationEvents(organisation.slug, organisation.name,
                AccessPolicy.canChange(actor, organisation), matching, groups, q == null ? "" : query.strip(),
                shown == null ? "" : shown));
    }

    /** One organisation's list, and whether the actor may change its events. */
    public record OrganisationEvents(String slug, String name, boolean canChange, List<EventRow> events,
            List<Group> groups, String query, String group) {
    }

    /** The events of one group (draft, published, past, cancelled). */
    public record Group(String key, List<EventRow> events) {
    }
}
