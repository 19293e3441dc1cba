package nl.kennisagenda.registration.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;

import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.event.AttendanceMode;
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

    /**
     * What the list shows; every member optional. {@code presence}: "present" or "absent" (confirmed, not present);
     * {@code mode}: on site or online (hybrid events).
     */
    public record Filter(String q, RegistrationStatus status, Long sessionId, String presence, String sort,
            boolean descending, int page, AttendanceMode mode) {

        public Filter(String q, RegistrationStatus status, Long sessionId, String presence, String sort,
                boolean descending, int page) {
            this(q, status, sessionId, presence, sort, descending, page, null);
        }

        public static Filter all() {
            return new Filter(null, null, null, null, "name", false, 1);
        }
    }

    public record Row(long id, String firstName, String lastName, String email, String organisation, String role,
            RegistrationStatus status, List<String> sessions, Instant createdAt, Instant checkedInAt,
            String checkedInBy, Map<String, String> answers, boolean newsletter, AttendanceMode mode) {

        public boolean online() {
            return mode == AttendanceMode.ONLINE;
        }

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

    /**
     * @param online at a hybrid event, the online part of the counts (confirmed, waitlisted, checked in); null for
     *        other events
     */
    public record Counts(Map<RegistrationStatus, Long> byStatus, long checkedIn, List<SessionCount> sessions,
            ModeCounts online) {

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
        if (filter.mode() != null && event.isHybrid()) {
            where.append(" and r.attendanceMode = :mode");
            params.put("mode", filter.mode());
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
        return new Page(rowsOf(found), total, page, pages);
    }

    /** Every registration of the event (cancelled ones included, they have a status column), by last name. */
    public List<Row> all(Actor actor, long eventId) {
        List<Row> rows = new ArrayList<>();
        try {
            forEachRow(actor, eventId, rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Registrations read per step of {@link #forEachRow}: all that it holds at once. */
    static final int EXPORT_CHUNK = 500;

    /** Takes the rows of an export one by one, e.g. writing each to the response. */
    @FunctionalInterface
    public interface RowSink {
        void accept(Row row) throws IOException;
    }

    /**
     * Every registration of the event (cancelled ones included), by last name, handed to {@code sink} one by one
     * while the query runs: the rows are read through a cursor ({@value #EXPORT_CHUNK} at a time, with their answers
     * and sessions in one query each per step), so an export of any size holds one step, not the event. Its own
     * transaction, because a streamed response is written after the resource method has returned.
     */
    @Transactional
    public void forEachRow(Actor actor, long eventId, RowSink sink) throws IOException {
        Event event = event(actor, eventId);
        AttendanceMode implied = event.impliedMode();
        try (Stream<Object[]> found = em.createQuery("select r.id, r.firstName, r.lastName, r.email,"
                + " r.organisationName, r.jobRole, r.status, r.createdAt, r.checkedInAt, r.checkedInBy,"
                + " r.newsletterOptIn, r.attendanceMode from Registration r where r.event = :event"
                + " order by lower(r.lastName), lower(r.firstName), r.id", Object[].class)
                .setParameter("event", event).setHint(HibernateHints.HINT_FETCH_SIZE, EXPORT_CHUNK)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream()) {
            Iterator<Object[]> rows = found.iterator();
            List<Object[]> chunk = new ArrayList<>(EXPORT_CHUNK);
            while (rows.hasNext()) {
                chunk.add(rows.next());
                if (chunk.size() == EXPORT_CHUNK || !rows.hasNext()) {
                    List<Long> ids = chunk.stream().map(row -> (Long) row[0]).toList();
                    Map<Long, Map<String, String>> answers = answersOf(ids);
                    Map<Long, List<String>> sessions = sessionsOf(ids);
                    for (Object[] r : chunk) {
                        Long id = (Long) r[0];
                        sink.accept(new Row(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                                (String) r[5], (RegistrationStatus) r[6], sessions.getOrDefault(id, List.of()),
                                (Instant) r[7], (Instant) r[8], (String) r[9],
                                answers.getOrDefault(id, Map.of()), (Boolean) r[10],
                                implied != null ? implied : (AttendanceMode) r[11]));
                    }
                    chunk.clear();
                }
            }
        }
    }

    /** Rows for loaded registrations, with the answers and sessions of all of them in two queries (not two each). */
    private List<Row> rowsOf(List<Registration> registrations) {
        List<Long> ids = registrations.stream().map(r -> r.id).toList();
        Map<Long, Map<String, String>> answers = answersOf(ids);
        Map<Long, List<String>> sessions = sessionsOf(ids);
        return registrations.stream().map(r -> new Row(r.id, r.firstName, r.lastName, r.email, r.organisationName,
                r.jobRole, r.status, sessions.getOrDefault(r.id, List.of()), r.createdAt, r.checkedInAt,
                r.checkedInBy, answers.getOrDefault(r.id, Map.of()), r.newsletterOptIn, r.mode())).toList();
    }

    private Map<Long, Map<String, String>> answersOf(List<Long> ids) {
        Map<Long, Map<String, String>> answers = new HashMap<>();
        if (ids.isEmpty()) {
            return answers;
        }
        List<?> found = em.createNativeQuery("select registration_id, field_key, answer from registration_answers"
                + " where registration_id in (:ids)").setParameter("ids", ids).getResultList();
        for (Object result : found) {
            Object[] row = (Object[]) result;
            answers.computeIfAbsent(((Number) row[0]).longValue(), id -> new HashMap<>())
                    .put((String) row[1], (String) row[2]);
        }
        return answers;
    }

    /** Each registration's session titles, by start and id. */
    private Map<Long, List<String>> sessionsOf(List<Long> ids) {
        Map<Long, List<String>> sessions = new HashMap<>();
        if (ids.isEmpty()) {
            return sessions;
        }
        List<?> found = em.createNativeQuery("select rs.registration_id, p.title from registration_sessions rs"
                + " join programme_items p on p.id = rs.programme_item_id where rs.registration_id in (:ids)"
                + " order by rs.registration_id, p.starts_at, p.id").setParameter("ids", ids).getResultList();
        for (Object result : found) {
            Object[] row = (Object[]) result;
            sessions.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add((String) row[1]);
        }
        return sessions;
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
        return rowsOf(query.getResultList());
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
        ModeCounts online = null;
        if (event.isHybrid()) {
            long onlineCheckedIn = em.createQuery("select count(r) from Registration r where r.event = :event"
                    + " and r.status = :status and r.checkedInAt is not null and r.attendanceMode = :mode", Long.class)
                    .setParameter("event", event).setParameter("status", RegistrationStatus.CONFIRMED)
                    .setParameter("mode", AttendanceMode.ONLINE).getSingleResult();
            online = new ModeCounts(event.onlineConfirmedCount, event.onlineWaitlistedCount, onlineCheckedIn,
                    event.onlineCapacity, event.confirmedCount - event.onlineConfirmedCount,
                    event.waitlistedCount - event.onlineWaitlistedCount, checkedIn - onlineCheckedIn, event.capacity);
        }
        return new Counts(byStatus, checkedIn, sessions, online);
    }

    /** A hybrid event's numbers per mode: online, and on site (the rest). */
    public record ModeCounts(long confirmed, long waitlisted, long checkedIn, Integer capacity, long onSiteConfirmed,
            long onSiteWaitlisted, long onSiteCheckedIn, Integer onSiteCapacity) {
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
                case SignupValidator.ATTENDANCE_MODE -> AdmRegTexts.mode(AdmRegTexts.messages(locale), registration.mode());
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

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
