package nl.kennisagenda.privacy.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.common.Tokens;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.Dates;

/**
 * Retention, once a day across all instances: the registrations of events that ended longer ago than their
 * organisation's period ({@link RetentionSettings#monthsOf}) are anonymised with their mails ({@link Anonymiser}),
 * and so are newsletter subscriptions that ended (unsubscribed, bounced, or never confirmed) longer ago than the
 * longest period of their organisations. Counts and statistics stay as they were.
 * <p>
 * Once a day, with several instances: the {@code privacy_jobs} row {@code retention} is claimed by a conditional
 * update (not done today, no live lease) that sets a lease; the winner works in small transactions, renewing the
 * lease between batches, and marks the day done at the end. An instance that dies mid-run leaves its lease to run
 * out, and the next check of any instance (every {@code kennisagenda.privacy.retention-interval}) takes the run
 * over; work already done is not done twice, because each row is anonymised under its lock only when it is not yet.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    static final String JOB = "retention";
    /** Audit action of a run that anonymised anything: one entry per organisation, counts only. */
    public static final String AUDIT_ACTION = "PERSONAL_DATA_RETENTION";
    private static final int BATCH = 100;

    /** What one run did. */
    public record Outcome(int registrations, int subscribers) {
    }

    @Inject
    EntityManager em;

    @Inject
    Anonymiser anonymiser;

    @Inject
    RetentionSettings settings;

    @Inject
    AuditLog audit;

    @Inject
    PrivacyConfig config;

    @Scheduled(identity = "privacy-retention", every = "${kennisagenda.privacy.retention-interval:1h}",
            delayed = "${kennisagenda.jobs.first-run-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(Instant.now());
    }

    /** Today's run, when it is still to do and no other instance holds it; empty otherwise. */
    public Optional<Outcome> run(Instant now) {
        String claim = Tokens.newToken();
        LocalDate today = now.atZone(Dates.AMSTERDAM).toLocalDate();
        int claimed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                update privacy_jobs set lease_until = :lease, claim_token = :claim, last_run_at = :now
                where name = :name and (done_day is null or done_day < :today)
                  and (lease_until is null or lease_until < :now)""")
                .setParameter("lease", now.plus(config.retentionLease())).setParameter("claim", claim)
                .setParameter("now", now).setParameter("name", JOB).setParameter("today", today).executeUpdate());
        if (claimed != 1) {
            return Optional.empty();
        }
        Outcome outcome = anonymiseDue(now, () -> renew(claim, now));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update privacy_jobs set done_day = :today, lease_until = null, claim_token = null,
                  last_outcome = :outcome where name = :name and claim_token = :claim""")
                .setParameter("today", today).setParameter("outcome", outcome.toString())
                .setParameter("name", JOB).setParameter("claim", claim).executeUpdate());
        if (outcome.registrations() + outcome.subscribers() > 0) {
            LOG.infof("Retention: %d registrations and %d newsletter subscribers anonymised",
                    outcome.registrations(), outcome.subscribers());
        }
        return Optional.of(outcome);
    }

    private void renew(String claim, Instant started) {
        Instant now = Instant.now().isAfter(started) ? Instant.now() : started;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update privacy_jobs set lease_until = :lease where name = :name and claim_token = :claim")
                .setParameter("lease", now.plus(config.retentionLease())).setParameter("name", JOB)
                .setParameter("claim", claim).executeUpdate());
    }

    /**
     * The work of a run at {@code now}, without the daily claim: every due registration and subscriber, in batches
     * of their own transactions; {@code betweenBatches} runs after each batch (the lease renewal).
     */
    public Outcome anonymiseDue(Instant now, Runnable betweenBatches) {
        int registrations = 0;
        List<Organisation> organisations = QuarkusTransaction.requiringNew().call(
                () -> Organisation.<Organisation>listAll());
        for (Organisation organisation : organisations) {
            int months = settings.monthsOf(organisation);
            Instant cutoff = ZonedDateTime.ofInstant(now, Dates.AMSTERDAM).minusMonths(months).toInstant();
            int done = 0;
            long after = 0;
            while (true) {
                long from = after;
                List<Long> ids = QuarkusTransaction.requiringNew().call(() -> ids(em.createNativeQuery("""
                        select r.id from registrations r join events e on e.id = r.event_id
                        where e.organisation_id = :organisation and e.ends_at < :cutoff
                          and r.anonymised_at is null and r.id > :after order by r.id""")
                        .setParameter("organisation", organisation.id).setParameter("cutoff", cutoff)
                        .setParameter("after", from).setMaxResults(BATCH).getResultList()));
                if (ids.isEmpty()) {
                    break;
                }
                int batch = QuarkusTransaction.requiringNew().call(() -> {
                    int n = 0;
                    for (long id : ids) {
                        if (anonymiser.anonymiseRegistration(id, now, false)) {
                            n++;
                        }
                    }
                    return n;
                });
                done += batch;
                after = ids.get(ids.size() - 1);
                betweenBatches.run();
            }
            if (done > 0) {
                int count = done;
                QuarkusTransaction.requiringNew().run(() -> audit.recordPlatform(ActedBy.system(), organisation.id,
                        AUDIT_ACTION, count + " registrations of events ended before " + cutoff.atZone(
                                Dates.AMSTERDAM).toLocalDate() + " anonymised (" + months + " months)"));
            }
            registrations += done;
        }
        int subscribers = anonymiseEndedSubscriptions(now, betweenBatches);
        return new Outcome(registrations, subscribers);
    }

    /**
     * Subscriptions that ended (unsubscribed, bounced) or never began (a request not confirmed) longer ago than the
     * longest period of the subscriber's organisations: the consent proof is kept that long after the end, for
     * questions and complaints about mails sent while the subscription lasted, and then goes.
     */
    private int anonymiseEndedSubscriptions(Instant now, Runnable betweenBatches) {
        Map<Long, Integer> periods = new TreeMap<>();
        QuarkusTransaction.requiringNew().run(() -> Organisation.<Organisation>listAll()
                .forEach(organisation -> periods.put(organisation.id, settings.monthsOf(organisation))));
        int shortest = periods.values().stream().mapToInt(Integer::intValue).min().orElse(config.retentionMonths());
        shortest = Math.min(shortest, config.retentionMonths());
        Instant earliestCutoff = ZonedDateTime.ofInstant(now, Dates.AMSTERDAM).minusMonths(shortest).toInstant();
        List<Object[]> candidates = QuarkusTransaction.requiringNew().call(() -> rows(em.createNativeQuery("""
                select s.id, coalesce(s.unsubscribed_at, s.bounced_at, s.created_at) from newsletter_subscribers s
                where s.anonymised_at is null and s.status <> 'CONFIRMED'
                  and coalesce(s.unsubscribed_at, s.bounced_at, s.created_at) < :cutoff order by s.id""")
                .setParameter("cutoff", earliestCutoff).getResultList()));
        List<Long> due = new ArrayList<>();
        for (Object[] row : candidates) {
            long id = ((Number) row[0]).longValue();
            Instant ended = toInstant(row[1]);
            List<Long> organisationIds = QuarkusTransaction.requiringNew().call(() -> ids(em.createNativeQuery(
                    "select organisation_id from newsletter_subscriber_organisations where subscriber_id = :id")
                    .setParameter("id", id).getResultList()));
            int months = organisationIds.stream().mapToInt(org -> periods.getOrDefault(org,
                    config.retentionMonths())).max().orElse(config.retentionMonths());
            if (ended.isBefore(ZonedDateTime.ofInstant(now, Dates.AMSTERDAM).minusMonths(months).toInstant())) {
                due.add(id);
            }
        }
        int done = 0;
        for (int i = 0; i < due.size(); i += BATCH) {
            List<Long> batch = due.subList(i, Math.min(due.size(), i + BATCH));
            done += QuarkusTransaction.requiringNew().call(() -> {
                int n = 0;
                for (long id : batch) {
                    if (anonymiser.anonymiseSubscriber(id, now, "RETENTION")) {
                        n++;
                    }
                }
                return n;
            });
            betweenBatches.run();
        }
        if (done > 0) {
            int count = done;
            QuarkusTransaction.requiringNew().run(() -> audit.recordPlatform(ActedBy.system(), null, AUDIT_ACTION,
                    count + " ended newsletter subscriptions anonymised"));
        }
        return done;
    }

    static List<Long> ids(List<?> rows) {
        return rows.stream().map(row -> ((Number) row).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> rows) {
        return (List<Object[]>) rows;
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
