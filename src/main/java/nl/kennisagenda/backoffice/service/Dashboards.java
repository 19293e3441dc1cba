package nl.kennisagenda.backoffice.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.event.AttendanceMode;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;

/**
 * The numbers of the dashboards, read straight from the registrations (one query per figure group), checked against
 * the actor with {@link AccessPolicy#requireCanRead}. Definitions (also in docs/dashboard.md):
 * <ul>
 * <li>sign-ups: every registration ever made (also those later cancelled), by the Amsterdam day it was made;</li>
 * <li>fill rate: confirmed / capacity; check-in rate: checked in / confirmed; no-show rate (only once the event has
 * ended): confirmed and not checked in / confirmed;</li>
 * <li>newsletter share, organisations and form answers: over the active registrations (confirmed, waiting list,
 * pending).</li>
 * </ul>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Dashboards {

    static final List<RegistrationStatus> ACTIVE = List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED,
            RegistrationStatus.PENDING);

    public record Day(LocalDate day, long signUps, long cumulative) {
        public String iso() {
            return day.toString();
        }
    }

    public record Fill(String title, Integer capacity, int confirmed, int waitlisted, Integer percent) {
    }

    /** The places of one attendance mode of a hybrid event. */
    public record ModeFill(AttendanceMode mode, Fill fill) {
    }

    public record Count(String label, long count) {
    }

    public record Answers(String field, List<Count> options) {
    }

    public record EventStats(long eventId, String title, String organisationSlug, String organisationName,
            boolean over, long signUps, Fill event, List<ModeFill> modes, List<Fill> sessions, long waitlisted, long pending,
            long cancelled, long checkedIn, Integer checkInPercent, Integer noShowPercent, long active,
            long newsletter, Integer newsletterPercent, List<Day> days, List<Count> organisations,
            List<Answers> answers) {
    }

    public record EventLine(long eventId, String title, Instant startsAt, long signUps, long confirmed,
            long checkedIn, Integer noShowPercent) {
    }

    public record OrganisationStats(String slug, String name, Instant from, List<EventLine> events) {
    }

    /** The dashboard of one event; empty when it does not exist; 403 when the actor may not read it. */
    public Optional<EventStats> event(Actor actor, long eventId, Locale locale) {
        Event event = Event.findById(eventId);
        if (event == null) {
            return Optional.empty();
        }
        AccessPolicy.requireCanRead(actor, event.organisation);
        Instant now = Instant.now();
        boolean over = (event.endsAt != null ? event.endsAt : event.startsAt) != null
                && (event.endsAt != null ? event.endsAt : event.startsAt).isBefore(now);

        List<Object[]> rows = Registration.getEntityManager().createQuery(
                "select r.createdAt, r.status, r.checkedInAt, r.newsletterOptIn, r.organisationName"
                        + " from Registration r where r.event.id = :id", Object[].class)
                .setParameter("id", eventId).getResultList();
        TreeMap<LocalDate, Long> perDay = new TreeMap<>();
        Map<RegistrationStatus, Long> byStatus = new HashMap<>();
        long checkedIn = 0;
        long newsletter = 0;
        long active = 0;
        Map<String, Long> orgCounts = new HashMap<>();
        Map<String, String> orgNames = new HashMap<>();
        for (Object[] row : rows) {
            perDay.merge(Dates.local((Instant) row[0]).toLocalDate(), 1L, Long::sum);
            RegistrationStatus status = (RegistrationStatus) row[1];
            byStatus.merge(status, 1L, Long::sum);
            if (status == RegistrationStatus.CONFIRMED && row[2] != null) {
                checkedIn++;
            }
            if (ACTIVE.contains(status)) {
                active++;
                if (Boolean.TRUE.equals(row[3])) {
                    newsletter++;
                }
                String org = row[4] == null ? "" : ((String) row[4]).strip();
                if (!org.isEmpty()) {
                    String key = org.toLowerCase(Locale.ROOT);
                    orgCounts.merge(key, 1L, Long::sum);
                    orgNames.putIfAbsent(key, org);
                }
            }
        }
        List<Day> days = new ArrayList<>();
        long cumulative = 0;
        if (!perDay.isEmpty()) {
            for (LocalDate d = perDay.firstKey(); !d.isAfter(perDay.lastKey()); d = d.plusDays(1)) {
                long n = perDay.getOrDefault(d, 0L);
                cumulative += n;
                days.add(new Day(d, n, cumulative));
            }
        }
        List<Count> organisations = orgCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(e -> orgNames.get(e.getKey())))
                .limit(10).map(e -> new Count(orgNames.get(e.getKey()), e.getValue())).toList();

        long confirmed = byStatus.getOrDefault(RegistrationStatus.CONFIRMED, 0L);
        // A hybrid event's capacity is its places on site; the whole event has both modes' places (unlimited when
        // either is), and each mode is shown on its own line.
        Integer totalCapacity = event.hasUnlimitedCapacity() ? null
                : event.modes().stream().mapToInt(event::capacityFor).sum();
        Fill eventFill = new Fill(event.title, totalCapacity, (int) confirmed,
                byStatus.getOrDefault(RegistrationStatus.WAITLISTED, 0L).intValue(),
                percent(confirmed, totalCapacity == null ? 0 : totalCapacity));
        List<ModeFill> modes = !event.isHybrid() ? List.of() : event.modes().stream()
                .map(mode -> new ModeFill(mode, new Fill(event.title, event.capacityFor(mode), event.confirmedFor(mode),
                        event.waitlistedFor(mode), percent(event.confirmedFor(mode),
                                event.capacityFor(mode) == null ? 0 : event.capacityFor(mode)))))
                .toList();
        List<Fill> sessions = event.programme.stream().filter(ProgrammeItem::isBreakout)
                .sorted(Comparator.comparing((ProgrammeItem p) -> p.sortOrder).thenComparing(p -> p.id))
                .map(p -> new Fill(p.title, p.capacity, p.confirmedCount, p.waitlistedCount,
                        percent(p.confirmedCount, p.capacity == null ? 0 : p.capacity)))
                .toList();

        return Optional.of(new EventStats(event.id, event.title, event.organisation.slug, event.organisation.name,
                over, rows.size(), eventFill, modes, sessions, eventFill.waitlisted(),
                byStatus.getOrDefault(RegistrationStatus.PENDING, 0L),
                byStatus.getOrDefault(RegistrationStatus.CANCELLED, 0L), checkedIn, percent(checkedIn, confirmed),
                over ? percent(confirmed - checkedIn, confirmed) : null, active, newsletter,
                percent(newsletter, active), days, organisations, answers(event, locale)));
    }

    private static List<Answers> answers(Event event, Locale locale) {
        List<FormField> fields = event.formFields.stream()
                .filter(f -> f.type == FieldType.SELECT || f.type == FieldType.MULTI_SELECT)
                .sorted(Comparator.comparingInt((FormField f) -> f.sortOrder)).toList();
        if (fields.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = Registration.getEntityManager().createQuery(
                "select key(a), value(a) from Registration r join r.answers a"
                        + " where r.event.id = :id and r.status in :active", Object[].class)
                .setParameter("id", event.id).setParameter("active", ACTIVE).getResultList();
        List<Answers> result = new ArrayList<>();
        for (FormField field : fields) {
            Map<String, Long> counts = new LinkedHashMap<>();
            field.options.forEach(option -> counts.put(option, 0L));
            for (Object[] row : rows) {
                if (field.fieldKey.equals(row[0]) && row[1] != null) {
                    for (String chosen : ((String) row[1]).split("\n")) {
                        if (!chosen.isBlank()) {
                            counts.merge(chosen.strip(), 1L, Long::sum);
                        }
                    }
                }
            }
            List<Count> options = counts.entrySet().stream()
                    .map(e -> new Count(field.answerLabel(e.getKey(), locale), e.getValue())).toList();
            result.add(new Answers(field.label(locale), options));
        }
        return result;
    }

    /** One organisation's events that started in the last 12 months (drafts left out), oldest first. */
    public Optional<OrganisationStats> organisation(Actor actor, String slug) {
        Optional<Organisation> found = Organisation.findBySlug(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Organisation organisation = found.get();
        AccessPolicy.requireCanRead(actor, organisation);
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofDays(365));
        List<Event> events = Event.list("organisation = ?1 and startsAt >= ?2 and startsAt <= ?3 and status <> ?4"
                + " order by startsAt, id", organisation, from, now, EventStatus.DRAFT);
        Map<Long, long[]> numbers = new HashMap<>();
        Registration.getEntityManager().createQuery(
                "select r.event.id, r.status, count(r), count(r.checkedInAt) from Registration r"
                        + " where r.event.organisation = :org and r.event.startsAt >= :from and r.event.startsAt <= :to"
                        + " group by r.event.id, r.status", Object[].class)
                .setParameter("org", organisation).setParameter("from", from).setParameter("to", now)
                .getResultList().forEach(row -> {
                    long[] n = numbers.computeIfAbsent((Long) row[0], k -> new long[3]);
                    n[0] += (Long) row[2];
                    if (row[1] == RegistrationStatus.CONFIRMED) {
                        n[1] += (Long) row[2];
                        n[2] += (Long) row[3];
                    }
                });
        List<EventLine> lines = events.stream().map(e -> {
            long[] n = numbers.getOrDefault(e.id, new long[3]);
            Instant end = e.endsAt != null ? e.endsAt : e.startsAt;
            return new EventLine(e.id, e.title, e.startsAt, n[0], n[1], n[2],
                    end.isBefore(now) ? percent(n[1] - n[2], n[1]) : null);
        }).toList();
        return Optional.of(new OrganisationStats(organisation.slug, organisation.name, from, lines));
    }

    /** A whole percentage, or null when there is nothing to divide by. */
    static Integer percent(long part, long whole) {
        return whole <= 0 ? null : (int) Math.round(part * 100.0 / whole);
    }
}
