package nl.kennisagenda.event.service;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.hibernate.Hibernate;

import io.quarkus.panache.common.Parameters;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.Speaker;
import nl.kennisagenda.i18n.Dates;

/**
 * The public view on events: what visitors of the agenda, the event pages and the API may see. Drafts never leave
 * this class. Every method loads what its page needs in a fixed, small number of queries (the events with their
 * organiser, then partners and themes for all of them at once) rather than one query per event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EventCatalog {

    private static final List<EventStatus> PUBLIC = List.of(EventStatus.PUBLISHED, EventStatus.CANCELLED);

    /** Published, listed and not yet ended (on {@code Event e}, parameters {@code published} and {@code now}). */
    private static final String UPCOMING = "e.status = :published and e.endsAt > :now and e.unlisted = false";

    /** Upcoming (not yet ended) published events matching the filter, soonest first. */
    public List<Event> upcoming(EventFilter filter, Instant now) {
        Parameters parameters = Parameters.with("published", EventStatus.PUBLISHED).and("now", now);
        String where = upcomingWhere(filter, parameters);
        List<Event> events = Event.find("select e from Event e join fetch e.organisation o where " + where
                + " order by e.startsAt, e.id", parameters).list();
        loadCardDetails(events);
        return events;
    }

    /**
     * One page of {@link #upcoming}: the count of all matches and the events of page {@code requested} (from 1; a
     * page past the end gives the last page). Two queries (a count and one {@code LIMIT}ed read) plus the card
     * details of this page's events only, so its cost does not grow with the number of upcoming events.
     */
    public UpcomingPage upcomingPage(EventFilter filter, Instant now, int requested, int size) {
        Parameters parameters = Parameters.with("published", EventStatus.PUBLISHED).and("now", now);
        String where = upcomingWhere(filter, parameters);
        TypedQuery<Long> count = Event.getEntityManager()
                .createQuery("select count(e) from Event e join e.organisation o where " + where, Long.class);
        parameters.map().forEach(count::setParameter);
        int total = Math.toIntExact(count.getSingleResult());
        int pages = Math.max(1, (total + size - 1) / size);
        int page = Math.min(requested, pages);
        // Ordered by the fixed status first, as the index events_status_start is: H2 then reads the index in order
        // and stops after the page (by startsAt alone it sorts every upcoming event first); PostgreSQL ignores it.
        List<Event> events = total == 0 ? List.of()
                : Event.find("select e from Event e join fetch e.organisation o where " + where
                        + " order by e.status, e.startsAt, e.id", parameters)
                        .range((page - 1) * size, page * size - 1).list();
        loadCardDetails(events);
        return new UpcomingPage(events, total, page, pages);
    }

    /** The where clause (on {@code Event e} joined to its organiser {@code o}) of {@link #upcoming}. */
    private static String upcomingWhere(EventFilter filter, Parameters parameters) {
        StringBuilder query = new StringBuilder(UPCOMING);
        if (filter.organisation() != null) {
            query.append(" and (o.slug = :organisation or exists (select 1 from Event pe join pe.partners p"
                    + " where pe = e and p.slug = :organisation))");
            parameters.and("organisation", filter.organisation());
        }
        if (filter.theme() != null) {
            query.append(" and exists (select 1 from Event te join te.themes t where te = e and lower(t) = :theme)");
            parameters.and("theme", filter.theme().toLowerCase(Locale.ROOT));
        }
        if (filter.format() != null) {
            query.append(" and e.format = :format");
            parameters.and("format", filter.format());
        }
        if (filter.month() != null) {
            query.append(" and e.startsAt >= :monthStart and e.startsAt < :monthEnd");
            parameters.and("monthStart", startOf(filter.month())).and("monthEnd", startOf(filter.month().plusMonths(1)));
        }
        if (filter.query() != null) {
            query.append(" and (lower(e.title) like :q escape '\\' or lower(e.summary) like :q escape '\\'"
                    + " or lower(e.description) like :q escape '\\' or lower(o.name) like :q escape '\\'"
                    + " or lower(o.shortName) like :q escape '\\'"
                    + " or exists (select 1 from Event qe join qe.partners qp where qe = e"
                    + " and (lower(qp.name) like :q escape '\\' or lower(qp.shortName) like :q escape '\\')))");
            parameters.and("q", "%" + escapeLike(filter.query().toLowerCase(Locale.ROOT)) + "%");
        }
        return query.toString();
    }

    /**
     * What the filter form offers: the organisations (organiser or partner), themes and start months of all upcoming
     * published events. Asked of the database as such (which organisations have one, the distinct themes, the
     * months) rather than by loading the events: a few small answers, however many events there are.
     */
    public FilterOptions filterOptions(Instant now) {
        Parameters parameters = Parameters.with("published", EventStatus.PUBLISHED).and("now", now);
        List<Organisation> organisations = new ArrayList<>(Organisation.<Organisation>find(
                "select o from Organisation o where exists (select 1 from Event e where e.organisation = o and "
                        + UPCOMING + ") or exists (select 1 from Event e join e.partners p where p = o and " + UPCOMING
                        + ")", parameters).list());
        organisations.sort(Comparator.comparing((Organisation o) -> o.name, String.CASE_INSENSITIVE_ORDER));

        // Themes differing only in case are one choice; the spelling of the soonest event is shown, as before.
        TypedQuery<Object[]> themeQuery = Event.getEntityManager().createQuery("select t, min(e.startsAt)"
                + " from Event e join e.themes t where " + UPCOMING + " group by t order by min(e.startsAt), t",
                Object[].class);
        parameters.map().forEach(themeQuery::setParameter);
        Set<String> themes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        themeQuery.getResultList().forEach(row -> themes.add((String) row[0]));

        // The months in Amsterdam time, from the start times alone: one query, one column read from the index
        // events_status_start (status, starts_at), not the events. (A look-up per month would make the number of
        // statements grow with the months the agenda spans.)
        TypedQuery<Instant> starts = Event.getEntityManager().createQuery("select distinct e.startsAt from Event e"
                + " where " + UPCOMING, Instant.class);
        parameters.map().forEach(starts::setParameter);
        Set<YearMonth> months = new TreeSet<>();
        starts.getResultList().forEach(start -> months.add(YearMonth.from(Dates.local(start))));
        return new FilterOptions(organisations, List.copyOf(themes), List.copyOf(months));
    }

    /** Published events that have ended, most recent first, with their materials. */
    public List<Event> past(Instant now) {
        List<Event> events = Event.find("select e from Event e join fetch e.organisation"
                + " where e.status = ?1 and e.endsAt <= ?2 and e.unlisted = false order by e.startsAt desc, e.id desc",
                EventStatus.PUBLISHED, now).list();
        loadCardDetails(events);
        fetch(events, "materials");
        return events;
    }

    /** A published or cancelled event with everything its page shows; drafts and unknown slugs are empty. */
    public Optional<Event> publicEvent(String slug) {
        Optional<Event> found = Event.find("select e from Event e join fetch e.organisation"
                + " where e.slug = ?1 and e.status in ?2", slug, PUBLIC).firstResultOptional();
        found.ifPresent(event -> {
            List<Event> one = List.of(event);
            loadCardDetails(one);
            fetch(one, "outcomes");
            fetch(one, "programme");
            fetch(one, "materials");
            fetch(one, "formFields");
            if (!event.programme.isEmpty()) {
                ProgrammeItem.find("select distinct i from ProgrammeItem i left join fetch i.speakers"
                        + " where i.event = ?1", event).list();
            }
            event.formFields.forEach(field -> Hibernate.initialize(field.options));
        });
        return found;
    }

    /** All organisations, by name. */
    public List<Organisation> organisations() {
        return Organisation.allByName();
    }

    /** An organisation with the public events it organises or partners in. */
    public Optional<OrganisationPage> organisationPage(String slug, Instant now) {
        return Organisation.findBySlug(slug).map(organisation -> {
            List<Event> events = Event.find("select e from Event e join fetch e.organisation o"
                    + " where e.status in ?1 and e.unlisted = false and (o = ?2 or exists (select 1 from Event pe join pe.partners p"
                    + " where pe = e and p = ?2)) order by e.startsAt, e.id", PUBLIC, organisation).list();
            loadCardDetails(events);
            List<Event> past = pastOf(events, now);
            fetch(past, "materials");
            return new OrganisationPage(organisation, upcomingOf(events, now), past);
        });
    }

    /**
     * A speaker with the public events where they speak. A speaker who only appears in drafts is not public yet,
     * so their page does not exist either.
     */
    public Optional<SpeakerPage> speakerPage(String slug, Instant now) {
        return Speaker.findBySlug(slug).flatMap(speaker -> {
            List<Event> events = Event.find("select distinct e from Event e join fetch e.organisation"
                    + " join e.programme i join i.speakers s where s = ?1 and e.status in ?2 and e.unlisted = false",
                    speaker, PUBLIC)
                    .list();
            if (events.isEmpty()) {
                return Optional.empty();
            }
            List<Event> sorted = new ArrayList<>(events);
            sorted.sort(Comparator.comparing((Event e) -> e.startsAt).thenComparing(e -> e.id));
            loadCardDetails(sorted);
            List<Event> past = pastOf(sorted, now);
            fetch(past, "materials");
            return Optional.of(new SpeakerPage(speaker, upcomingOf(sorted, now), past));
        });
    }

    /** Looks a speaker up by database id, for old links of the form /speakers/42. */
    public Optional<Speaker> speakerById(long id) {
        return Speaker.findByIdOptional(id);
    }

    private static List<Event> upcomingOf(List<Event> events, Instant now) {
        return events.stream().filter(event -> !event.isPast(now)).toList();
    }

    private static List<Event> pastOf(List<Event> events, Instant now) {
        List<Event> past = new ArrayList<>(events.stream().filter(event -> event.isPast(now)).toList());
        past.sort(Comparator.comparing((Event e) -> e.startsAt).reversed());
        return past;
    }

    /** Partners and themes of all the given events, in one query each. */
    private static void loadCardDetails(List<Event> events) {
        fetch(events, "partners");
        fetch(events, "themes");
    }

    /** Initialises one collection of all the given events with a single join-fetch query. */
    private static void fetch(Collection<Event> events, String collection) {
        if (events.isEmpty()) {
            return;
        }
        Set<Long> ids = new LinkedHashSet<>();
        events.forEach(event -> ids.add(event.id));
        Event.find("select distinct e from Event e left join fetch e." + collection + " where e.id in ?1", ids)
                .list();
    }

    private static Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(Dates.AMSTERDAM).toInstant();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** One page of the agenda: its events, the number of all matches, the page shown (from 1) and the pages. */
    public record UpcomingPage(List<Event> events, int total, int page, int pages) {
    }

    /** Choices for the agenda's filter form. */
    public record FilterOptions(List<Organisation> organisations, List<String> themes, List<YearMonth> months) {
    }

    /** An organisation with its upcoming (soonest first) and past (most recent first) public events. */
    public record OrganisationPage(Organisation organisation, List<Event> upcoming, List<Event> past) {
    }

    /** A speaker with the upcoming and past public events where they speak. */
    public record SpeakerPage(Speaker speaker, List<Event> upcoming, List<Event> past) {
    }
}
