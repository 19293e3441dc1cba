package nl.kennisagenda.mail;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;

/**
 * Sends each confirmed attendee one reminder, {@code kennisagenda.mail.reminder-before} before the start.
 * "Once" holds across runs and instances: a conditional update sets {@code reminderSentAt} only where it is still
 * empty, and the reminder is written to the outbox in that same transaction, so exactly one run wins per
 * registration and the mark and the mail commit together.
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    @Inject
    MailConfig config;

    @Inject
    AttendeeMails mails;

    @Scheduled(identity = "mail-reminders", every = "${kennisagenda.mail.reminder-interval:1m}",
            delayed = "${kennisagenda.jobs.first-run-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRun() {
        int sent = sendDueReminders(Instant.now());
        if (sent > 0) {
            LOG.infof("Reminders written to the outbox: %d", sent);
        }
    }

    /**
     * Writes the reminders that are due at {@code now}: confirmed registrations, not reminded yet, of published
     * events that start within the reminder period. People who signed up inside that period are not reminded:
     * their confirmation has just told them everything.
     *
     * @return the number of reminders written
     */
    public int sendDueReminders(Instant now) {
        Instant horizon = now.plus(config.reminderBefore());
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> Registration.<Registration> find("""
                select r from Registration r join fetch r.event e
                where r.status = ?1 and r.reminderSentAt is null and e.status = ?2
                  and e.startsAt > ?3 and e.startsAt <= ?4
                order by e.startsAt, r.id""", RegistrationStatus.CONFIRMED, EventStatus.PUBLISHED, now, horizon)
                .list().stream()
                .filter(r -> !r.createdAt.isAfter(r.event.startsAt.minus(config.reminderBefore())))
                .map(r -> r.id)
                .toList());
        int written = 0;
        for (Long id : due) {
            boolean mine = QuarkusTransaction.requiringNew().call(() -> {
                int marked = Registration.update(
                        "reminderSentAt = ?1 where id = ?2 and reminderSentAt is null and status = ?3",
                        now, id, RegistrationStatus.CONFIRMED);
                if (marked != 1) {
                    return false;
                }
                Registration registration = Registration.findById(id);
                try {
                    mails.reminder(registration);
                } catch (InvalidMailAddressException e) {
                    LOG.warnf("No reminder for registration %d: %s", id, e.getMessage());
                }
                return true;
            });
            if (mine) {
                written++;
            }
        }
        return written;
    }
}
