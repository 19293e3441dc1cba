package nl.kennisagenda.audit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.i18n.Dates;

/**
 * Reads the audit log for the page {@code /admin/audit}. Administrators see every entry; organisers and observers
 * only entries of their own organisations. Entries of no organisation (log-ins, accounts) are for administrators
 * only. Reading only: nothing here (or anywhere) changes or deletes an entry.
 */
@ApplicationScoped
public class AuditQueries {

    public static final int PAGE_SIZE = 50;

    /** What the page asks for; every part may be null (no restriction). {@code to} is included. */
    public record Filter(String action, String who, LocalDate from, LocalDate to) {
    }

    /** One entry as shown, with its event's title when it has one. */
    public record Row(AuditEntry entry, String eventTitle) {
    }

    public record Page(List<Row> rows, int page, int pages, long total) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(Actor actor, Filter filter, int requestedPage) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (!actor.isAdministrator()) {
            if (actor.organisationIds().isEmpty()) {
                return new Page(List.of(), 1, 1, 0);
            }
            query.append(" and organisationId in :organisations");
            parameters.and("organisations", actor.organisationIds());
        }
        if (filter.action() != null) {
            query.append(" and action = :action");
            parameters.and("action", filter.action());
        }
        if (filter.who() != null) {
            // locate, not like: what is typed is plain text, "%" and "_" included.
            query.append(" and locate(:who, lower(actorName)) > 0");
            parameters.and("who", filter.who().toLowerCase(Locale.ROOT));
        }
        if (filter.from() != null) {
            query.append(" and at >= :from");
            parameters.and("from", filter.from().atStartOfDay(Dates.AMSTERDAM).toInstant());
        }
        if (filter.to() != null) {
            query.append(" and at < :to");
            parameters.and("to", filter.to().plusDays(1).atStartOfDay(Dates.AMSTERDAM).toInstant());
        }
        var found = AuditEntry.<AuditEntry>find(query.toString(), Sort.descending("at", "id"), parameters);
        long total = found.count();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, requestedPage), pages);
        List<AuditEntry> entries = found.page(page - 1, PAGE_SIZE).list();
        Map<Long, String> titles = new HashMap<>();
        List<Long> eventIds = entries.stream().map(e -> e.eventId).filter(id -> id != null).distinct().toList();
        if (!eventIds.isEmpty()) {
            Event.<Event>list("id in ?1", eventIds).forEach(event -> titles.put(event.id, event.title));
        }
        return new Page(entries.stream().map(e -> new Row(e, e.eventId == null ? null : titles.get(e.eventId)))
                .toList(), page, pages, total);
    }

    /** The actions the actor can filter on: those present in the entries they may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> actions(Actor actor) {
        if (actor.isAdministrator()) {
            return AuditEntry.getEntityManager()
                    .createQuery("select distinct a.action from AuditEntry a order by a.action", String.class)
                    .getResultList();
        }
        if (actor.organisationIds().isEmpty()) {
            return List.of();
        }
        return AuditEntry.getEntityManager().createQuery("select distinct a.action from AuditEntry a"
                + " where a.organisationId in :organisations order by a.action", String.class)
                .setParameter("organisations", actor.organisationIds()).getResultList();
    }

}
