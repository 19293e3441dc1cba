package nl.kennisagenda.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import nl.kennisagenda.common.Tokens;
import nl.kennisagenda.config.SiteConfig;

/**
 * Delivers the outbox. Each run claims due mails with a conditional UPDATE in its own short transaction (so two
 * runs, in one JVM or on several instances sharing one database, never claim the same mail), sends every claimed
 * mail outside any transaction, and records the outcome in a new transaction: SENT, or PENDING with a growing
 * back-off, or FAILED after {@code kennisagenda.mail.max-attempts}. A claim is a lease: when an instance dies
 * while sending, the lease runs out and another run picks the mail up again.
 * <p>
 * An orderly stop (SIGTERM) does not leave mails to the lease: the run in progress records the outcome of the mail
 * it is sending, gives the rest of its claim back, and the shutdown waits for that before the database closes. Without
 * this, a mail the SMTP server had accepted could stay SENDING and go out a second time after the restart.
 * <p>
 * Newsletter deliveries (rows with a {@code newsletter_issue_id}) are left to the newsletter's own sender, which
 * sends them in large batches at a shared rate (newsletter/sending/NewsletterSender).
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    private static final int MAX_ERROR = 2000;
    private static final long STOP_WAIT_MILLIS = 30_000;

    @Inject
    MailConfig config;

    @Inject
    MailDelivery delivery;

    @Inject
    EntityManager em;

    @Inject
    MailRenderers renderers;

    @Inject
    SiteConfig site;

    @Inject
    MailMetrics metrics;

    /** Runs hold it shared; the shutdown takes it exclusively, so it waits for the runs in progress. */
    private final ReadWriteLock runs = new ReentrantReadWriteLock();
    private volatile boolean stopping;

    /** What one run did; {@code superseded}: claimed but not sent because a later mail replaces it. */
    public record Run(int claimed, int sent, int retried, int failed, int superseded) {

        public Run(int claimed, int sent, int retried, int failed) {
            this(claimed, sent, retried, failed, 0);
        }
    }

    /**
     * A claimed mail, copied out of the persistence context so sending needs no transaction. Right after the claim
     * only id, token, attempts, kind and recipient are known; {@link #prepare} adds the stored content.
     */
    record Claimed(long id, String claimToken, int attempts, MailKind kind, String recipient, String subject,
            String text, String html, String messageId, List<MailAttachment> attachments,
            Map<String, String> headers) {
    }

    @Scheduled(identity = "mail-outbox-sender", every = "${kennisagenda.mail.send-interval:5s}",
            delayed = "${kennisagenda.jobs.first-run-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRun() {
        Run run = sendDue(Instant.now());
        if (run.claimed() > 0) {
            LOG.debugf("Outbox run: %s", run);
        }
    }

    /** Sends every mail that is due at {@code now}; the scheduler calls this with the current time. */
    public Run sendDue(Instant now) {
        if (stopping) {
            return new Run(0, 0, 0, 0);
        }
        runs.readLock().lock();
        try {
            return sendClaimed(now);
        } finally {
            runs.readLock().unlock();
        }
    }

    private Run sendClaimed(Instant now) {
        failExhaustedLeases(now);
        List<Claimed> claimed = claim(now);
        int sent = 0;
        int retried = 0;
        int failed = 0;
        int superseded = 0;
        for (int i = 0; i < claimed.size(); i++) {
            if (stopping) {
                release(claimed.subList(i, claimed.size()));
                break;
            }
            Claimed claim = claimed.get(i);
            MailStatus outcome;
            try {
                Claimed mail = prepare(claim);
                outcome = mail == null ? MailStatus.SUPERSEDED : deliver(mail, now);
            } catch (RuntimeException e) {
                // Rendering failed (its transaction rolled back, nothing stored): try again after the back-off.
                outcome = recordFailure(claim, e, now);
            }
            switch (outcome) {
                case SENT -> sent++;
                case FAILED -> failed++;
                case SUPERSEDED -> superseded++;
                default -> retried++;
            }
        }
        return new Run(claimed.size(), sent, retried, failed, superseded);
    }

    /**
     * Called as the application stops: no new runs, and the ones in progress finish the mail in hand (at most one
     * SMTP timeout per run) before the database goes away.
     */
    void drainOnStop(@Observes ShutdownEvent event) {
        stopping = true;
        try {
            // One mail in hand per run: a render and one SMTP exchange (quarkus.mailer.timeout, 10 s by default).
            long waitMillis = Math.min(config.lease().toMillis(), STOP_WAIT_MILLIS);
            if (runs.writeLock().tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
                runs.writeLock().unlock();
            } else {
                LOG.warn("Stopping while the outbox sender still runs; its claimed mails go out after their lease");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gives claimed but untried mails back, due at once, without counting the attempt that did not happen. */
    private void release(List<Claimed> untried) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Claimed mail : untried) {
                em.createQuery("""
                        update OutboxMail m
                        set m.status = :pending, m.leaseUntil = null, m.claimToken = null,
                            m.attempts = m.attempts - 1
                        where m.id = :id and m.status = :sending and m.claimToken = :token""")
                        .setParameter("pending", MailStatus.PENDING)
                        .setParameter("sending", MailStatus.SENDING)
                        .setParameter("id", mail.id())
                        .setParameter("token", mail.claimToken())
                        .executeUpdate();
            }
        });
    }

    /**
     * Makes a claimed mail ready to send, in its own transaction: a mail that is not rendered yet is rendered now
     * from the current state (templates, invite) and the content is stored on the row <em>before</em> anything is
     * sent, so every later attempt sends exactly these bytes with the same Message-ID. The row is locked while
     * rendering, so two senders (one whose lease ran out) never render one mail twice: the second finds it
     * rendered and sends the stored content.
     *
     * @return the mail with its stored content, or null when it is superseded (marked so; nothing to send)
     */
    Claimed prepare(Claimed claim) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMail mail = em.find(OutboxMail.class, claim.id(), LockModeType.PESSIMISTIC_WRITE);
            if (!renderOrSupersede(mail)) {
                return null;
            }
            return new Claimed(mail.id, claim.claimToken(), claim.attempts(), mail.kind, mail.recipient,
                    mail.subject, mail.textBody, mail.htmlBody, mail.messageId,
                    mail.attachments.stream()
                            .map(a -> new MailAttachment(a.fileName, a.contentType, a.content))
                            .toList(),
                    mail.extraHeaders());
        });
    }

    /**
     * Renders and stores a mail's content without sending it (what {@link #prepare} does first). For tools and
     * tests that want to look at a mail before the sender runs; a superseded mail is marked so.
     *
     * @return whether the mail has content to send
     */
    public boolean renderNow(long mailId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMail mail = em.find(OutboxMail.class, mailId, LockModeType.PESSIMISTIC_WRITE);
            return renderOrSupersede(mail);
        });
    }

    /** Renders and stores the content of a locked mail if needed; marks it SUPERSEDED instead when it is. */
    private boolean renderOrSupersede(OutboxMail mail) {
        if (mail.isRendered()) {
            return true;
        }
        Optional<String> superseded = renderers.forKind(mail.kind).render(mail);
        if (superseded.isPresent()) {
            mail.status = MailStatus.SUPERSEDED;
            mail.leaseUntil = null;
            mail.claimToken = null;
            mail.lastError = superseded.get();
            LOG.infof("Mail %d %s to %s not sent: %s", mail.id, mail.kind, mask(mail.recipient), superseded.get());
            return false;
        }
        return true;
    }

    /**
     * Claims up to a batch of due mails: PENDING whose time has come, and SENDING whose lease ran out. The due rows
     * are locked with {@code FOR UPDATE SKIP LOCKED}, so senders on several instances take different rows instead
     * of queueing on the same ones; the conditional update then re-checks each row before it becomes ours.
     */
    List<Claimed> claim(Instant now) {
        String token = Tokens.newToken();
        Instant leaseUntil = now.plus(config.lease());
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> due = em.createNativeQuery("""
                    select id from outbox_mails
                    where ((status = 'PENDING' and next_attempt_at <= :now)
                        or (status = 'SENDING' and lease_until <= :now))
                      and attempts < :maxAttempts
                      and newsletter_issue_id is null
                    order by next_attempt_at, id
                    limit :batch
                    for update skip locked""")
                    .setParameter("now", now)
                    .setParameter("maxAttempts", config.maxAttempts())
                    .setParameter("batch", config.batchSize())
                    .getResultList();
            List<Long> candidates = due.stream().map(Number::longValue).toList();
            List<Long> mine = new ArrayList<>();
            for (Long id : candidates) {
                // The row is locked by this transaction; the conditional update still re-checks it, so a claim is
                // never taken twice even where a database would not skip locked rows but wait for them.
                int updated = em.createQuery("""
                        update OutboxMail m
                        set m.status = :sending, m.leaseUntil = :leaseUntil, m.claimToken = :token,
                            m.attempts = m.attempts + 1
                        where m.id = :id
                          and ((m.status = :pending and m.nextAttemptAt <= :now)
                            or (m.status = :sending and m.leaseUntil <= :now))
                          and m.attempts < :maxAttempts""")
                        .setParameter("sending", MailStatus.SENDING)
                        .setParameter("pending", MailStatus.PENDING)
                        .setParameter("leaseUntil", leaseUntil)
                        .setParameter("token", token)
                        .setParameter("id", id)
                        .setParameter("now", now)
                        .setParameter("maxAttempts", config.maxAttempts())
                        .executeUpdate();
                if (updated == 1) {
                    mine.add(id);
                }
            }
            List<Claimed> claimed = new ArrayList<>();
            for (Long id : mine) {
                OutboxMail mail = em.find(OutboxMail.class, id);
                claimed.add(new Claimed(mail.id, mail.claimToken, mail.attempts, mail.kind, mail.recipient,
                        null, null, null, mail.messageId, List.of(), Map.of()));
            }
            return claimed;
        });
    }

    /**
     * Gives up mails that may not be tried again: a SENDING mail whose lease ran out after its last allowed attempt
     * (its sender died), and a PENDING mail that already had as many attempts as the (lowered) limit allows.
     */
    void failExhaustedLeases(Instant now) {
        int givenUp = QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                update OutboxMail m
                set m.status = :failed, m.leaseUntil = null, m.claimToken = null,
                    m.lastError = coalesce(m.lastError, 'Sender stopped during the last attempt (lease expired)')
                where ((m.status = :sending and m.leaseUntil <= :now) or m.status = :pending)
                  and m.attempts >= :maxAttempts
                  and m.newsletterIssueId is null""")
                .setParameter("failed", MailStatus.FAILED)
                .setParameter("sending", MailStatus.SENDING)
                .setParameter("pending", MailStatus.PENDING)
                .setParameter("now", now)
                .setParameter("maxAttempts", config.maxAttempts())
                .executeUpdate());
        metrics.givenUp(MailMetrics.Stream.TRANSACTIONAL, givenUp);
    }

    MailStatus deliver(Claimed mail, Instant now) {
        try {
            delivery.send(mail.recipient(), mail.subject(), mail.text(), mail.html(), mail.messageId(),
                    mail.headers(), mail.attachments());
        } catch (RuntimeException e) {
            return recordFailure(mail, e, now);
        }
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("""
                update OutboxMail m
                set m.status = :sent, m.sentAt = :sentAt, m.leaseUntil = null, m.claimToken = null,
                    m.lastError = null
                where m.id = :id and m.status <> :sent""")
                .setParameter("sent", MailStatus.SENT)
                .setParameter("sentAt", Instant.now())
                .setParameter("id", mail.id())
                .executeUpdate());
        metrics.sent(MailMetrics.Stream.TRANSACTIONAL);
        if (delivery.isMock()) {
            // Dev run: nothing left the machine; one line says who would get what, and where to read it.
            LOG.info(MailConsoleLine.format(mail.id(), mail.kind(), mail.recipient(), mail.subject(), site.baseUrl()));
        } else {
            LOG.infof("Mail %d %s to %s sent (attempt %d): \"%s\" %s", mail.id(), mail.kind(),
                    mask(mail.recipient()), mail.attempts(), mail.subject(), mail.messageId());
        }
        return MailStatus.SENT;
    }

    private MailStatus recordFailure(Claimed mail, RuntimeException error, Instant now) {
        boolean giveUp = mail.attempts() >= config.maxAttempts();
        MailStatus status = giveUp ? MailStatus.FAILED : MailStatus.PENDING;
        Instant next = giveUp ? now : now.plus(config.backoffAfter(mail.attempts()));
        String message = describe(error);
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("""
                update OutboxMail m
                set m.status = :status, m.nextAttemptAt = :next, m.leaseUntil = null, m.claimToken = null,
                    m.lastError = :error
                where m.id = :id and m.status = :sending and m.claimToken = :token""")
                .setParameter("status", status)
                .setParameter("next", next)
                .setParameter("error", message)
                .setParameter("id", mail.id())
                .setParameter("sending", MailStatus.SENDING)
                .setParameter("token", mail.claimToken())
                .executeUpdate());
        metrics.attemptFailed(MailMetrics.Stream.TRANSACTIONAL, giveUp);
        if (giveUp) {
            LOG.errorf("Mail %d %s to %s FAILED after %d attempts: %s", mail.id(), mail.kind(),
                    mask(mail.recipient()), mail.attempts(), message);
        } else {
            LOG.warnf("Mail %d %s to %s not sent (attempt %d of %d), next attempt at %s: %s", mail.id(),
                    mail.kind(), mask(mail.recipient()), mail.attempts(), config.maxAttempts(), next, message);
        }
        return status;
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < MAX_ERROR; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text.toString();
    }

    /** "j***@example.org": enough to recognise a mail in the log without spreading addresses around. */
    static String mask(String address) {
        int at = address.indexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }
}
