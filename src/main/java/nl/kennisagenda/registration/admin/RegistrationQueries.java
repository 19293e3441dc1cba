package nl.kennisagenda.registration.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.ProgrammeItemKind;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationHistory;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.service.SignupValidator;
import nl.kennisagenda.registration.service.UnknownEventException;
import nl.kennisagenda.registration.service.UnknownRegistrationException;

/**
 * The back-office's reads of registrations: the list with search, filters, sorting and paging; counts; one person's
 * detail with history and mails; the rows of the exports. Every method takes the acting user and checks it with
 * {@link AccessPolicy} (observers read too); changes go through
 * {@link nl.kennisagenda.registration.service.RegistrationService}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RegistrationQueries {

    public static final int PAGE_SIZE = 50;

    @Inject
    EntityManager em;

    /** What the list shows; every member optional. {@code presence}: "present" or "absent" (confirmed, not present). */
    public record Filter(String q, RegistrationStatus status, Long sessionId, String presence, String sort,
            boolean descending, int page) {

        public static Filter all() {
            return new Filter(null, null, null, null, "name", false, 1);
        }
    }

    public record Row(long id, String firstName, String lastName, String email, String organisation, String role,
            RegistrationStatus status, List<String> sessions, Instant createdAt, Instant checkedInAt,
            String checkedInBy, Map<String, String> answers, boolean newsletter) {

        public String name() {
            return firstName + " " + lastName;
        }

        public boolean checkedIn() {
            return checkedInAt != null;
        }
    }

    public record Page(List<Row> rows, long total, int page, int pages) {

        public int previous() {
            return page - 1;
        }

        public int next() {
            return page + 1;
        }
    }

    public record SessionCount(long id, String title, Integer round, Integer capacity, int confirmed,
            int waitlisted) {

        public String idText() {
            return Long.toString(id);
        }
    }

    public record Counts(Map<RegistrationStatus, Long> byStatus, long checkedIn, List<SessionCount> sessions) {

        public long of(RegistrationStatus status) {
            return byStatus.getOrDefault(status, 0L);
        }

        public long confirmed() {
            return of(RegistrationStatus.CONFIRMED);
        }

        public long notYet() {
            return confirmed() - checkedIn;
        }

        public long waitlisted() {
            return of(RegistrationStatus.WAITLISTED);
        }

        public long pending() {
            return of(RegistrationStatus.PENDING);
        }

        public long cancelled() {
            return of(RegistrationStatus.CANCELLED);
        }

        public long declined() {
            return of(RegistrationStatus.DECLINED);
        }
    }

    public record Detail(Registration registration, List<Answer> answers, List<RegistrationHistory> history,
            List<OutboxMail> mails, List<MoveOption> moves) {
    }

    public record Answer(String label, String value) {
    }

    /** A session the person may be moved to, from the session they have in that round. */
    public record MoveOption(long fromId, String fromTitle, int round, List<ProgrammeItem> targets) {
    }

    /** The event, for an actor who may read it. @throws UnknownEventException no such event */
    public Event event(Actor actor, long eventId) {
        Event event = Event.<Event>findByIdOptional(eventId)
                .orElseThrow(() -> new UnknownEventException(Long.toString(eventId)));
        AccessPolicy.requireCanRead(actor, event.organisation);
        return event;
    }

    public boolean canChange(Actor actor, Event event) {
        return AccessPolicy.canChange(actor, event.organisation);
    }

    public Page list(Actor actor, long eventId, Filter filter) {
        Event event = event(actor, eventId);
        StringBuilder where = new StringBuilder(" from Registration r where r.event = :event");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("event", event);
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and (lower(r.firstName) like :q or lower(r.lastName) like :q or lower(r.email) like :q"
                    + " or lower(r.organisationName) like :q or lower(concat(r.firstName, ' ', r.lastName)) like :q)");
            params.put("q", "%" + escapeLike(filter.q().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.status() != null) {
            where.append(" and r.status = :status");
            params.put("status", filter.status());
        }
        if (filter.sessionId() != null) {
            where.append(" and r.id in (select r2.id from Registration r2 join r2.sessions s where s.id = :session)");
            params.put("session", filter.sessionId());
        }
        if ("present".equals(filter.presence())) {
            where.append(" and r.checkedInAt is not null");
        } else if ("absent".equals(filter.presence())) {
            where.append(" and r.checkedInAt is null and r.status = :confirmed");
            params.put("confirmed", RegistrationStatus.CONFIRMED);
        }
        TypedQuery<Long> countQuery = em.createQuery("select count(r)" + where, Long.class);
        params.forEach(countQuery::setParameter);
        long total = countQuery.getSingleResult();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, filter.page()), pages);
        String order = switch (filter.sort() == null ? "name" : filter.sort()) {
            case "created" -> "r.createdAt %1$s, r.id %1$s";
            case "status" -> "r.status %1$s, lower(r.lastName), lower(r.firstName), r.id";
            case "organisation" -> "lower(r.organisationName) %1$s, lower(r.lastName), r.id";
            case "checkin" -> "r.checkedInAt %1$s, lower(r.lastName), r.id";
            default -> "lower(r.lastName) %1$s, lower(r.firstName) %1$s, r.id %1$s";
        };
        TypedQuery<Registration> query = em.createQuery("select r" + where + " order by "
                + String.format(order, filter.descending() ? "desc" : "asc"), Registration.class);
        params.forEach(query::setParameter);
        List<Registration> found = query.setFirstResult((page - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE)
                .getResultList();
        return new Page(found.stream().map(RegistrationQueries::row).toList(), total, page, pages);
    }

    /** Every registration of the event (cancelled ones included, they have a status column), by last name. */
    public List<Row> all(Actor actor, long eventId) {
        Event event = event(actor, eventId);
        return Registration.<Registration>list("event = ?1 order by lower(lastName), lower(firstName), id", event)
                .stream().map(RegistrationQueries::row).toList();
    }

    /** The confirmed people, by last name: the presence list and the check-in page. */
    public List<Row> confirmed(Actor actor, long eventId, String q) {
        Filter filter = new Filter(q, RegistrationStatus.CONFIRMED, null, null, "name", false, 1);
        Event event = event(actor, eventId);
        StringBuilder jpql = new StringBuilder("select r from Registration r where r.event = :event and r.status = :status");
        if (filter.q() != null && !filter.q().isBlank()) {
            jpql.append(" and (lower(r.firstName) like :q or lower(r.lastName) like :q"
                    + " or lower(concat(r.firstName, ' ', r.lastName)) like :q or lower(r.organisationName) like :q)");
        }
        jpql.append(" order by lower(r.lastName), lower(r.firstName), r.id");
        TypedQuery<Registration> query = em.createQuery(jpql.toString(), Registration.class)
                .setParameter("event", event).setParameter("status", RegistrationStatus.CONFIRMED);
        if (filter.q() != null && !filter.q().isBlank()) {
            query.setParameter("q", "%" + escapeLike(filter.q().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return query.getResultList().stream().map(RegistrationQueries::row).toList();
    }

    public Counts counts(Actor actor, long eventId) {
        Event event = event(actor, eventId);
        Map<RegistrationStatus, Long> byStatus = new EnumMap<>(RegistrationStatus.class);
        for (RegistrationStatus status : RegistrationStatus.values()) {
            byStatus.put(status, 0L);
        }
        em.createQuery("select r.status, count(r) from Registration r where r.event = :event group by r.status",
                Object[].class).setParameter("event", event).getResultList()
                .forEach(row -> byStatus.put((RegistrationStatus) row[0], (Long) row[1]));
        long checkedIn = em.createQuery("select count(r) from Registration r where r.event = :event"
                + " and r.status = :status and r.checkedInAt is not null", Long.class)
                .setParameter("event", event).setParameter("status", RegistrationStatus.CONFIRMED).getSingleResult();
        List<SessionCount> sessions = ProgrammeItem.<ProgrammeItem>list(
                "event = ?1 and kind = ?2 order by roundNumber, startsAt, id", event, ProgrammeItemKind.BREAKOUT)
                .stream().map(s -> new SessionCount(s.id, s.title, s.roundNumber, s.capacity, s.confirmedCount,
                        s.waitlistedCount))
                .toList();
        return new Counts(byStatus, checkedIn, sessions);
    }

    /** One registration of the event; empty when it does not exist or belongs to another event. */
    public Optional<Detail> detail(Actor actor, long eventId, long registrationId, Locale locale) {
        Event event = event(actor, eventId);
        Optional<Registration> found = Registration.<Registration>findByIdOptional(registrationId)
                .filter(r -> r.event.id.longValue() == event.id.longValue());
        return found.map(registration -> new Detail(registration, answers(registration, locale),
                RegistrationHistory.of(registration.id), OutboxMail.forRegistration(registration.id),
                moves(registration)));
    }

    public Registration registration(Actor actor, long eventId, long registrationId) {
        Event event = event(actor, eventId);
        return Registration.<Registration>findByIdOptional(registrationId)
                .filter(r -> r.event.id.longValue() == event.id.longValue())
                .orElseThrow(UnknownRegistrationException::new);
    }

    /** The event's own form fields beyond the standard person fields, in form order: one export column each. */
    public static List<FormField> extraFields(Event event) {
        return SignupValidator.effectiveFields(event).stream()
                .filter(field -> field.type != FieldType.BREAKOUT_CHOICE && !isPersonField(field.fieldKey))
                .toList();
    }

    static boolean isPersonField(String key) {
        return switch (key) {
            case FormField.FIRST_NAME, FormField.LAST_NAME, FormField.EMAIL, FormField.ORGANISATION, FormField.ROLE ->
                true;
            default -> false;
        };
    }

    private static List<Answer> answers(Registration registration, Locale locale) {
        List<Answer> answers = new ArrayList<>();
        for (FormField field : SignupValidator.effectiveFields(registration.event)) {
            if (field.type == FieldType.BREAKOUT_CHOICE) {
                continue;
            }
            String value = switch (field.fieldKey) {
                case FormField.FIRST_NAME -> registration.firstName;
                case FormField.LAST_NAME -> registration.lastName;
                case FormField.EMAIL -> registration.email;
                case FormField.ORGANISATION -> registration.organisationName;
                case FormField.ROLE -> registration.jobRole;
                default -> registration.answers.get(field.fieldKey);
            };
            if (value != null && field.type == FieldType.MULTI_SELECT) {
                value = value.replace("\n", ", ");
            }
            answers.add(new Answer(field.label(locale), value == null || value.isBlank() ? "–" : value));
        }
        return answers;
    }

    private static List<MoveOption> moves(Registration registration) {
        List<MoveOption> moves = new ArrayList<>();
        for (ProgrammeItem session : registration.sessions) {
            if (session.roundNumber == null) {
                continue;
            }
            List<ProgrammeItem> targets = registration.event.sessionsInRound(session.roundNumber).stream()
                    .filter(other -> !other.id.equals(session.id)).toList();
            if (!targets.isEmpty()) {
                moves.add(new MoveOption(session.id, session.title, session.roundNumber, targets));
            }
        }
        moves.sort(java.util.Comparator.comparingInt(MoveOption::round));
        return moves;
    }

    static Row row(Registration r) {
        List<String> sessions = r.sessions.stream()
                .sorted(java.util.Comparator.comparing((ProgrammeItem item) -> item.startsAt)
                        .thenComparing(item -> item.id))
                .map(item -> item.title).collect(Collectors.toList());
        return new Row(r.id, r.firstName, r.lastName, r.email, r.organisationName, r.jobRole, r.status, sessions,
                r.createdAt, r.checkedInAt, r.checkedInBy, Map.copyOf(r.answers), r.newsletterOptIn);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
