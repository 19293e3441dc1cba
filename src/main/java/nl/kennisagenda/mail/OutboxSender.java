package nl.kennisagenda.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import nl.kennisagenda.common.Tokens;
import nl.kennisagenda.config.SiteConfig;

/**
 * Delivers the outbox. Each run claims due mails with a conditional UPDATE in its own short transaction (so two
 * runs, in one JVM or on several instances sharing one database, never claim the same mail), sends every claimed
 * mail outside any transaction, and records the outcome in a new transaction: SENT, or PENDING with a growing
 * back-off, or FAILED after {@code kennisagenda.mail.max-attempts}. A claim is a lease: when an instance dies
 * while sending, the lease runs out and another run picks the mail up again.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    private static final int MAX_ERROR = 2000;

    @Inject
    MailConfig config;

    @Inject
    Mailer mailer;

    @Inject
    EntityManager em;

    @Inject
    MailRenderers renderers;

    @Inject
    SiteConfig site;

    /** Quarkus' mock mailer (dev run, tests): mails are only logged, see {@link MailConsoleLine}. */
    @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false")
    boolean mockMailer;

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
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRun() {
        Run run = sendDue(Instant.now());
        if (run.claimed() > 0) {
            LOG.debugf("Outbox run: %s", run);
        }
    }

    /** Sends every mail that is due at {@code now}; the scheduler calls this with the current time. */
    public Run sendDue(Instant now) {
        failExhaustedLeases(now);
        List<Claimed> claimed = claim(now);
        int sent = 0;
        int retried = 0;
        int failed = 0;
        int superseded = 0;
        for (Claimed claim : claimed) {
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
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("""
                update OutboxMail m
                set m.status = :failed, m.leaseUntil = null, m.claimToken = null,
                    m.lastError = coalesce(m.lastError, 'Sender stopped during the last attempt (lease expired)')
                where ((m.status = :sending and m.leaseUntil <= :now) or m.status = :pending)
                  and m.attempts >= :maxAttempts""")
                .setParameter("failed", MailStatus.FAILED)
                .setParameter("sending", MailStatus.SENDING)
                .setParameter("pending", MailStatus.PENDING)
                .setParameter("now", now)
                .setParameter("maxAttempts", config.maxAttempts())
                .executeUpdate());
    }

    MailStatus deliver(Claimed mail, Instant now) {
        try {
            mailer.send(toMail(mail));
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
        if (mockMailer) {
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
        if (giveUp) {
            LOG.errorf("Mail %d %s to %s FAILED after %d attempts: %s", mail.id(), mail.kind(),
                    mask(mail.recipient()), mail.attempts(), message);
        } else {
            LOG.warnf("Mail %d %s to %s not sent (attempt %d of %d), next attempt at %s: %s", mail.id(),
                    mail.kind(), mask(mail.recipient()), mail.attempts(), config.maxAttempts(), next, message);
        }
        return status;
    }

    private static Mail toMail(Claimed claimed) {
        Mail mail = Mail.withText(claimed.recipient(), claimed.subject(), claimed.text());
        if (claimed.html() != null) {
            mail.setHtml(claimed.html());
        }
        mail.addHeader("Message-ID", claimed.messageId());
        // Checked when the mail was enqueued or rendered (MailHeaders.extraHeaders); checked again, as they go out.
        MailHeaders.extraHeaders(claimed.headers()).forEach(mail::addHeader);
        for (MailAttachment attachment : claimed.attachments()) {
            mail.addAttachment(attachment.fileName, attachment.content.getBytes(StandardCharsets.UTF_8),
                    attachment.contentType);
        }
        return mail;
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
