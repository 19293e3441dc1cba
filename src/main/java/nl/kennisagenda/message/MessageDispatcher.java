package nl.kennisagenda.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.common.Tokens;
import nl.kennisagenda.mail.InvalidMailAddressException;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.MailOutbox;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.OutgoingMail;
import nl.kennisagenda.registration.Registration;

/**
 * Turns due messages into outbox mails, one per recipient (docs/messages.md, "Sending").
 * <ol>
 * <li>Claim: a conditional UPDATE takes a message that is SCHEDULED and due, or SENDING with a lease that ran out
 * (its dispatcher died), and gives it a new claim token and lease. Two runs, on one instance or several, never hold
 * one message at the same time.</li>
 * <li>Batches, each in its own transaction: the message row is locked and the claim token checked (a dispatcher
 * whose lease was taken over writes nothing), then up to {@code batch-size} registrations of the group that have no
 * recipient row yet get one ({@code organiser_message_recipients}, primary key message + lower-cased address) and a
 * deferred outbox mail. The primary key is the guarantee: whatever crashes where, an address gets one mail per
 * message; two registrations of one address (cancelled, then signed up again) get one mail.</li>
 * <li>A batch that finds nobody new ends it: SENT, the count, the time, and an audit entry "message sent".</li>
 * </ol>
 * People who join the group while a message is being sent (e.g. promoted from the waiting list) are included until
 * the last batch; after that the message is done.
 */
@ApplicationScoped
public class MessageDispatcher {

    private static final Logger LOG = Logger.getLogger(MessageDispatcher.class);

    @Inject
    MessageConfig config;

    @Inject
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    AuditLog audit;

    /** A message this dispatcher holds. */
    public record Claim(long messageId, String token) {
    }

    /** What one batch did: mails written, whether the message is now SENT, whether the claim was lost. */
    public record Batch(int written, boolean finished, boolean lost) {
    }

    @Scheduled(identity = "organiser-message-dispatcher", every = "${kennisagenda.messages.dispatch-interval:15s}",
            delayed = "${kennisagenda.jobs.first-run-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRun() {
        int dispatched = dispatchDue(Instant.now());
        if (dispatched > 0) {
            LOG.infof("Organiser messages dispatched: %d", dispatched);
        }
    }

    /** Claims every due message and writes all its mails; returns the number of messages it claimed. */
    public int dispatchDue(Instant now) {
        List<Claim> claims = claim(now);
        for (Claim claim : claims) {
            try {
                Batch batch;
                do {
                    batch = expandBatch(claim, config.batchSize(), now);
                } while (!batch.finished() && !batch.lost());
            } catch (RuntimeException e) {
                // The batch rolled back; the lease runs out and a later run continues where the last commit left off.
                LOG.errorf(e, "Organiser message %d: dispatch stopped, continued after the lease", claim.messageId());
            }
        }
        return claims.size();
    }

    /** Claims the messages due at {@code now} (scheduled and due, or sending with an expired lease). */
    public List<Claim> claim(Instant now) {
        String token = Tokens.newToken();
        Instant leaseUntil = now.plus(config.lease());
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> due = em.createNativeQuery("""
                    select id from organiser_messages
                    where (status = 'SCHEDULED' and send_at <= :now) or (status = 'SENDING' and lease_until <= :now)
                    order by send_at, id""").setParameter("now", now).getResultList();
            List<Claim> claims = new ArrayList<>();
            for (Number id : due) {
                int updated = em.createNativeQuery("""
                        update organiser_messages set status = 'SENDING', lease_until = :lease, claim_token = :token
                        where id = :id
                          and ((status = 'SCHEDULED' and send_at <= :now)
                            or (status = 'SENDING' and lease_until <= :now))""")
                        .setParameter("lease", leaseUntil).setParameter("token", token)
                        .setParameter("id", id.longValue()).setParameter("now", now).executeUpdate();
                if (updated == 1) {
                    claims.add(new Claim(id.longValue(), token));
                }
            }
            return claims;
        });
    }

    /**
     * One batch of a claimed message, in its own transaction: up to {@code size} new recipients, each with its
     * outbox mail; or, when there is nobody new, the end (SENT). Refuses to write when the claim is no longer ours.
     */
    public Batch expandBatch(Claim claim, int size, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OrganiserMessage message = em.find(OrganiserMessage.class, claim.messageId(),
                    LockModeType.PESSIMISTIC_WRITE);
            if (message == null || message.status != MessageStatus.SENDING
                    || !claim.token().equals(message.claimToken)) {
                LOG.warnf("Organiser message %d: claim lost, this dispatcher stops", claim.messageId());
                return new Batch(0, false, true);
            }
            message.leaseUntil = now.plus(config.lease());
            List<Long> candidates = newRecipients(message, size);
            if (candidates.isEmpty()) {
                finish(message, now);
                return new Batch(0, true, false);
            }
            Map<String, Long> byAddress = new LinkedHashMap<>();
            for (Long id : candidates) {
                Registration registration = Registration.findById(id);
                byAddress.putIfAbsent(key(registration.email), id);
            }
            int written = 0;
            for (String address : byAddress.keySet()) {
                Registration registration = Registration.findById(best(message, address));
                Long mailId = null;
                try {
                    OutboxMail mail = outbox.enqueue(OutgoingMail.deferred(MailKind.ORGANISER_MESSAGE,
                            registration.id, registration.email, registration.locale));
                    mail.organiserMessageId = message.id;
                    mailId = mail.id;
                    written++;
                } catch (InvalidMailAddressException e) {
                    // Recorded without a mail, so the address is not tried again in every batch.
                    LOG.warnf("Organiser message %d: no mail for registration %d: %s", message.id, registration.id,
                            e.getMessage());
                }
                // Two statements rather than a null parameter: PostgreSQL cannot type an untyped null for bigint.
                Query insert = mailId == null
                        ? em.createNativeQuery("insert into organiser_message_recipients (message_id, recipient_key,"
                                + " registration_id, created_at) values (:message, :key, :registration, :now)")
                        : em.createNativeQuery("insert into organiser_message_recipients (message_id, recipient_key,"
                                + " registration_id, outbox_mail_id, created_at)"
                                + " values (:message, :key, :registration, :mail, :now)").setParameter("mail", mailId);
                insert.setParameter("message", message.id).setParameter("key", address)
                        .setParameter("registration", registration.id).setParameter("now", now).executeUpdate();
            }
            return new Batch(written, false, false);
        });
    }

    /** Registrations of the group whose address has no recipient row yet, oldest first. */
    private List<Long> newRecipients(OrganiserMessage message, int size) {
        Query query = em.createNativeQuery("select r.id from registrations r where r.event_id = :event and ("
                + message.audience.sqlCondition() + ") and not exists (select 1 from organiser_message_recipients x"
                + " where x.message_id = :message and x.recipient_key = lower(trim(r.email))) order by r.id")
                .setParameter("event", message.event.id).setParameter("message", message.id).setMaxResults(size);
        if (message.audience.needsSession()) {
            query.setParameter("session", message.session == null ? -1L : message.session.id);
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = query.getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Of the group's registrations with this address, the one the mail is about: an active one before a cancelled
     * one (its manage link works), the newest first.
     */
    private Long best(OrganiserMessage message, String address) {
        Query query = em.createNativeQuery("select r.id from registrations r where r.event_id = :event and ("
                + message.audience.sqlCondition() + ") and lower(trim(r.email)) = :address order by case r.status"
                + " when 'CONFIRMED' then 0 when 'WAITLISTED' then 1 when 'PENDING' then 2 else 3 end, r.id desc")
                .setParameter("event", message.event.id).setParameter("address", address).setMaxResults(1);
        if (message.audience.needsSession()) {
            query.setParameter("session", message.session == null ? -1L : message.session.id);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private void finish(OrganiserMessage message, Instant now) {
        Number count = (Number) em.createNativeQuery(
                "select count(*) from organiser_message_recipients where message_id = ?1 and outbox_mail_id is not null")
                .setParameter(1, message.id).getSingleResult();
        message.status = MessageStatus.SENT;
        message.sentAt = now;
        message.recipientCount = count.intValue();
        message.leaseUntil = null;
        message.claimToken = null;
        audit.record(ActedBy.system(), message.event, AuditLog.MESSAGE_SENT,
                "#" + message.id + " \"" + message.subjectNl + "\": " + count.intValue() + " "
                        + message.audience.name());
        LOG.infof("Organiser message %d sent to %d recipients", message.id, count.intValue());
    }

    /** The recipient key of an address: trimmed and lower-cased, as in the primary key. */
    static String key(String address) {
        return address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
    }
}
