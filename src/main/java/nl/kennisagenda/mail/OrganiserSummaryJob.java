package nl.kennisagenda.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.i18n.Dates;

/**
 * Once a day (07:00 Amsterdam, {@code kennisagenda.notify.summary-cron}) writes the daily summary of the previous day
 * for every published event that has not started yet and has someone who wants notifications. Each event in its own
 * transaction; the (event, day) row in organiser_daily_summaries makes it once across runs and instances.
 */
@ApplicationScoped
public class OrganiserSummaryJob {

    private static final Logger LOG = Logger.getLogger(OrganiserSummaryJob.class);

    @Inject
    OrganiserNotices notices;

    @Inject
    EntityManager em;

    @Scheduled(identity = "organiser-daily-summary", cron = "${kennisagenda.notify.summary-cron:0 0 7 * * ?}",
            timeZone = "Europe/Amsterdam", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRun() {
        int sent = sendSummaries(OrganiserNotices.previousDay(Instant.now()));
        if (sent > 0) {
            LOG.infof("Organiser daily summaries written to the outbox: %d", sent);
        }
    }

    /**
     * Writes the summaries of the given day (Amsterdam time).
     *
     * @return the number of events whose summary this run wrote
     */
    @SuppressWarnings("unchecked")
    public int sendSummaries(LocalDate day) {
        Instant dayStart = day.atStartOfDay(Dates.AMSTERDAM).toInstant();
        List<Long> eventIds = QuarkusTransaction.requiringNew().call(() -> {
            List<Number> ids = em.createNativeQuery(
                    "select distinct event_id from organiser_notifications order by event_id").getResultList();
            return ids.stream().map(Number::longValue).filter(id -> {
                Event event = Event.findById(id);
                return event != null && event.status == EventStatus.PUBLISHED && event.startsAt.isAfter(dayStart);
            }).toList();
        });
        int written = 0;
        for (Long id : eventIds) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> notices.writeSummary(id, day))) {
                    written++;
                }
            } catch (RuntimeException e) {
                // Most likely another instance claimed the same (event, day) at the same moment (primary key):
                // its summary goes out. One event's trouble must not stop the others' summaries.
                LOG.warnf("Daily summary of event %d for %s claimed elsewhere: %s", id, day, e.getMessage());
            }
        }
        return written;
    }
}
