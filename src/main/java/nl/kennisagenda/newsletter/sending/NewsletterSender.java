package nl.kennisagenda.newsletter.sending;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.common.Tokens;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.mail.MailConfig;
import nl.kennisagenda.mail.MailMetrics;
import nl.kennisagenda.mail.MailDelivery;
import nl.kennisagenda.mail.MailHeaders;
import nl.kennisagenda.newsletter.NewsletterIssue;
import nl.kennisagenda.newsletter.subscription.Subscriptions;

/**
 * Sends newsletter issues through the outbox, resumably and at one rate for all instances.
 * <ol>
 * <li><b>Start</b>: a SCHEDULED issue whose time has come becomes SENDING by a conditional update (so one instance
 * wins, and an organiser's cancel at the same moment either happens before or not at all).</li>
 * <li><b>Expand</b>: the audience (CONFIRMED subscribers of the organisation or of one of the issue's themes) is
 * written into the outbox in steps, by ascending subscriber id, with one INSERT … SELECT per step: one light row per
 * subscriber (kind NEWSLETTER_ISSUE, the issue and subscriber ids, a Message-ID fixed per delivery). The pair is
 * unique, so nobody gets a second row, whatever restarts or instances do. Nothing of the audience is held in
 * memory.</li>
 * <li><b>Send</b>: a batch of due rows is claimed ({@code FOR UPDATE SKIP LOCKED}, then a conditional update with a
 * lease, as {@code mail/OutboxSender} does); the subscribers' current status is read for the whole batch at once
 * (unsubscribed or bouncing since the expansion: SUPERSEDED, never sent); send slots are reserved from the shared
 * {@link SendRate}; the mails, rendered from the edition rendered once per issue and language, go out over the
 * mailer's pooled SMTP connections, several at a time; the outcomes are written back in one JDBC batch: SENT (with
 * the moment it was accepted), FAILED and the subscriber BOUNCING on a permanent (5xx) refusal, or PENDING with the
 * outbox back-off on a transient error.</li>
 * <li><b>Finish</b>: when the audience is expanded and no delivery is pending or being sent, the issue is SENT.</li>
 * </ol>
 * A PAUSED issue is neither expanded nor claimed; resuming continues where it stopped.
 * <p>
 * Guarantee: every subscriber of the audience gets one outbox row, and that row is sent until it is SENT, FAILED or
 * skipped. A crash between the SMTP server's acceptance and the SENT mark (a few milliseconds per batch) makes that
 * delivery due again when its lease runs out, so it can arrive twice; it then carries the same Message-ID, by which
 * mail clients recognise the duplicate. Only the deliveries still SENDING at the crash are exposed to this: the
 * batches in progress (normally at most {@code workers} batches), and the unfinished rest of a batch that outlasted
 * half the lease (reliability/NewsletterCrashIT).
 */
@ApplicationScoped
public class NewsletterSender {

    private static final Logger LOG = Logger.getLogger(NewsletterSender.class);
    private static final int MAX_ERROR = 2000;

    public static final String AUDIT_STARTED = "NEWSLETTER_SEND_STARTED";
    public static final String AUDIT_FINISHED = "NEWSLETTER_SEND_FINISHED";

    /** The audience of issue {@code :issue} of organisation {@code :org}, after subscriber id {@code :after}. */
    static final String AUDIENCE = """
            from newsletter_subscribers s
            where s.status = 'CONFIRMED' and s.id > :after
              and (exists (select 1 from newsletter_subscriber_organisations so
                           where so.subscriber_id = s.id and so.organisation_id = :org)
                or exists (select 1 from newsletter_subscriber_themes st
                           join newsletter_issue_themes it on it.theme = st.theme
                           where st.subscriber_id = s.id and it.issue_id = :issue))""";

    @Inject
    EntityManager em;

    @Inject
    MailMetrics metrics;

    @Inject
    MailDelivery mailDelivery;

    @Inject
    NewsletterSendingConfig config;

    @Inject
    MailConfig mailConfig;

    @Inject
    SendRate rate;

    @Inject
    NewsletterEditions editions;

    @Inject
    AuditLog audit;

    @Inject
    Subscriptions subscriptions;

    @Inject
    SiteConfig site;

    @ConfigProperty(name = "quarkus.mailer.from")
    String from;

    /** A delivery claimed by this sender, copied out of the database. */
    record Delivery(long id, long issueId, Long subscriberId, String recipient, String locale, String messageId,
            int attempts, String claimToken) {
    }

    /** What the sender did. */
    public record Run(int started, int expanded, int claimed, int sent, int skipped, int retried, int failed,
            int finished) {

        static final Run NOTHING = new Run(0, 0, 0, 0, 0, 0, 0, 0);

        Run plus(Run other) {
            return new Run(started + other.started, expanded + other.expanded, claimed + other.claimed,
                    sent + other.sent, skipped + other.skipped, retried + other.retried, failed + other.failed,
                    finished + other.finished);
        }

        boolean idle() {
            return expanded == 0 && claimed == 0;
        }
    }

    @Scheduled(identity = "newsletter-sender", every = "${kennisagenda.newsletter.send-interval:5s}",
            delayed = "${kennisagenda.jobs.first-run-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRun() {
        // Keeps going while there is work, but hands the thread back now and then.
        Run run = runUntilIdle(Duration.ofSeconds(60));
        if (run.claimed() > 0 || run.started() > 0) {
            LOG.debugf("Newsletter run: %s", run);
        }
    }

    /**
     * Starts due issues, then expands and sends until nothing is due (or {@code budget} has passed), then finishes
     * the issues that are done.
     */
    public Run runUntilIdle(Duration budget) {
        Instant until = Instant.now().plus(budget);
        Run total = new Run(startDue(Instant.now()), 0, 0, 0, 0, 0, 0, 0);
        while (Instant.now().isBefore(until)) {
            Instant now = Instant.now();
            Run step = new Run(0, expandStep(now), 0, 0, 0, 0, 0, 0).plus(sendBatches(now));
            total = total.plus(step);
            if (step.idle()) {
                break;
            }
        }
        return total.plus(new Run(0, 0, 0, 0, 0, 0, 0, finishDone(Instant.now())));
    }

    // ---- start ------------------------------------------------------------------------------------------------

    /** SCHEDULED issues whose time has come become SENDING; returns how many this sender started. */
    public int startDue(Instant now) {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> ids(em.createNativeQuery("""
                select id from newsletter_issues
                where status = 'SCHEDULED' and send_at <= :now and edition_html_nl is not null order by send_at, id""")
                .setParameter("now", utc(now)).getResultList()));
        int started = 0;
        for (long issueId : due) {
            boolean mine = QuarkusTransaction.requiringNew().call(() -> {
                int updated = em.createNativeQuery("""
                        update newsletter_issues set status = 'SENDING', updated_at = :now
                        where id = :id and status = 'SCHEDULED' and send_at <= :now""")
                        .setParameter("now", utc(now)).setParameter("id", issueId).executeUpdate();
                if (updated == 0) {
                    return false;
                }
                NewsletterIssue issue = NewsletterIssue.findById(issueId);
                long audience = ((Number) em.createNativeQuery("select count(*) " + AUDIENCE)
                        .setParameter("after", 0L).setParameter("org", issue.organisation.id)
                        .setParameter("issue", issueId).getSingleResult()).longValue();
                em.createNativeQuery("""
                        insert into newsletter_sends (issue_id, expanded_up_to, expansion_done, audience_at_start,
                            started_at)
                        values (:id, 0, false, :audience, :now)""")
                        .setParameter("id", issueId).setParameter("audience", audience)
                        .setParameter("now", utc(now)).executeUpdate();
                audit.recordPlatform(ActedBy.system(), issue.organisation.id, AUDIT_STARTED,
                        "#" + issueId + " " + issue.editionSubjectNl + ": " + audience + " ontvangers");
                return true;
            });
            if (mine) {
                LOG.infof("Newsletter issue %d: sending started", issueId);
                started++;
            }
        }
        return started;
    }

    // ---- expand -----------------------------------------------------------------------------------------------

    /**
     * Writes the next step of the audience of every SENDING issue into the outbox. The issue's send row is locked
     * for the step, so two instances expand one issue one after the other, never the same range twice (and the
     * unique index on the pair would refuse it anyway).
     *
     * @return deliveries added
     */
    public int expandStep(Instant now) {
        List<Long> expanding = QuarkusTransaction.requiringNew().call(() -> ids(em.createNativeQuery("""
                select s.issue_id from newsletter_sends s join newsletter_issues i on i.id = s.issue_id
                where i.status = 'SENDING' and s.expansion_done = false order by s.issue_id""").getResultList()));
        int added = 0;
        for (long issueId : expanding) {
            added += QuarkusTransaction.requiringNew().call(() -> expandIssue(issueId, now));
        }
        return added;
    }

    private int expandIssue(long issueId, Instant now) {
        // Lock the send row (a plain single-table lock, the same on H2 and PostgreSQL).
        em.createNativeQuery("select issue_id from newsletter_sends where issue_id = :id for update")
                .setParameter("id", issueId).getSingleResult();
        Object[] send = (Object[]) em.createNativeQuery("""
                select s.expanded_up_to, s.expansion_done, i.organisation_id, i.status
                from newsletter_sends s join newsletter_issues i on i.id = s.issue_id
                where s.issue_id = :id""").setParameter("id", issueId).getSingleResult();
        long after = ((Number) send[0]).longValue();
        if (Boolean.TRUE.equals(send[1]) || !"SENDING".equals(send[3])) {
            return 0;
        }
        long organisationId = ((Number) send[2]).longValue();
        List<Long> step = ids(em.createNativeQuery("select s.id " + AUDIENCE + " order by s.id")
                .setParameter("after", after).setParameter("org", organisationId).setParameter("issue", issueId)
                .setMaxResults(config.expandBatchSize()).getResultList());
        if (step.isEmpty()) {
            em.createNativeQuery("update newsletter_sends set expansion_done = true where issue_id = :id")
                    .setParameter("id", issueId).executeUpdate();
            return 0;
        }
        long upTo = step.get(step.size() - 1);
        int added = em.createNativeQuery("""
                insert into outbox_mails (kind, recipient, mail_locale, message_id, status, attempts, next_attempt_at,
                    created_at, newsletter_issue_id, newsletter_subscriber_id)
                select 'NEWSLETTER_ISSUE', s.email, s.mail_locale,
                    concat('<newsletter.', cast(:issue as varchar), '.', cast(s.id as varchar), :domain),
                    'PENDING', 0, :now, :now, :issue, s.id
                """ + AUDIENCE + """

                  and s.id <= :upTo
                  and not exists (select 1 from outbox_mails d
                                  where d.newsletter_issue_id = :issue and d.newsletter_subscriber_id = s.id)""")
                .setParameter("issue", issueId).setParameter("domain", "@" + messageIdDomain() + ">")
                // Rounded down: the database may round sub-microsecond parts up, past the caller's "now".
                .setParameter("now", utc(now.truncatedTo(ChronoUnit.MILLIS))).setParameter("after", after)
                .setParameter("org", organisationId).setParameter("upTo", upTo).executeUpdate();
        em.createNativeQuery("update newsletter_sends set expanded_up_to = :upTo where issue_id = :id")
                .setParameter("upTo", upTo).setParameter("id", issueId).executeUpdate();
        return added;
    }

    // ---- send -------------------------------------------------------------------------------------------------

    /**
     * {@code workers} batches side by side (each its own claim, so they never share a delivery), so the SMTP
     * connections stay busy while a batch waits for its last mails or writes its outcomes.
     */
    Run sendBatches(Instant now) {
        int workers = Math.max(1, config.workers());
        if (workers == 1) {
            return sendBatch(now);
        }
        List<CompletableFuture<Run>> batches = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            batches.add(CompletableFuture.supplyAsync(() -> sendBatch(now), batchThreads));
        }
        Run total = Run.NOTHING;
        for (CompletableFuture<Run> batch : batches) {
            total = total.plus(batch.join());
        }
        return total;
    }

    /** Threads for the batches sent side by side (daemon: they never hold up a shutdown). */
    private final java.util.concurrent.ExecutorService batchThreads = java.util.concurrent.Executors
            .newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "newsletter-batch");
                thread.setDaemon(true);
                return thread;
            });

    @jakarta.annotation.PreDestroy
    void stopBatchThreads() {
        batchThreads.shutdownNow();
    }

    /** Claims one batch of due deliveries, rechecks, sends at the shared rate and records the outcomes. */
    public Run sendBatch(Instant now) {
        List<Delivery> claimed = claim(now);
        if (claimed.isEmpty()) {
            return Run.NOTHING;
        }
        Map<Long, SubscriberNow> current = subscribersNow(claimed);
        List<Delivery> toSend = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Delivery delivery : claimed) {
            SubscriberNow subscriber = delivery.subscriberId() == null ? null : current.get(delivery.subscriberId());
            if (subscriber == null || !"CONFIRMED".equals(subscriber.status())) {
                outcomes.add(Outcome.skipped(delivery, subscriber == null ? "subscriber removed"
                        : "subscriber " + subscriber.status() + " at send time"));
            } else {
                toSend.add(delivery);
            }
        }
        outcomes.addAll(send(toSend, current));
        record(outcomes, now);
        int sent = 0;
        int skipped = 0;
        int retried = 0;
        int failed = 0;
        for (Outcome outcome : outcomes) {
            switch (outcome.kind()) {
                case SENT -> sent++;
                case SKIPPED -> skipped++;
                case RETRY, NOT_YET -> retried++;
                case FAILED, BOUNCED -> failed++;
            }
            switch (outcome.kind()) {
                case SENT -> metrics.sent(MailMetrics.Stream.NEWSLETTER);
                case RETRY -> metrics.attemptFailed(MailMetrics.Stream.NEWSLETTER, false);
                case FAILED, BOUNCED -> metrics.attemptFailed(MailMetrics.Stream.NEWSLETTER, true);
                default -> {
                }
            }
        }
        return new Run(0, 0, claimed.size(), sent, skipped, retried, failed, 0);
    }

    /**
     * Claims up to a batch of due deliveries of SENDING issues: PENDING whose time has come, and SENDING whose lease
     * ran out (their sender died). Locked with {@code FOR UPDATE SKIP LOCKED} so instances take different rows, then
     * taken by one conditional update that re-checks them.
     */
    List<Delivery> claim(Instant now) {
        String token = Tokens.newToken();
        Instant leaseUntil = now.plus(config.lease());
        int maxAttempts = mailConfig.maxAttempts();
        return QuarkusTransaction.requiringNew().call(() -> {
            // A delivery whose sender died during its last allowed attempt is given up (as the outbox does).
            em.createNativeQuery("""
                    update outbox_mails set status = 'FAILED', lease_until = null, claim_token = null,
                        last_error = coalesce(last_error, 'Sender stopped during the last attempt (lease expired)')
                    where newsletter_issue_id is not null and status = 'SENDING' and lease_until <= :now
                      and attempts >= :max""")
                    .setParameter("now", utc(now)).setParameter("max", maxAttempts).executeUpdate();
            List<Long> candidates = new ArrayList<>();
            for (Long issueId : ids(em.createNativeQuery(
                    "select id from newsletter_issues where status = 'SENDING' order by id").getResultList())) {
                int room = config.batchSize() - candidates.size();
                if (room <= 0) {
                    break;
                }
                candidates.addAll(ids(em.createNativeQuery("""
                        select id from outbox_mails
                        where newsletter_issue_id = :issue and status = 'SENDING' and lease_until <= :now
                          and attempts < :max
                        order by id limit :room for update skip locked""")
                        .setParameter("issue", issueId).setParameter("now", utc(now))
                        .setParameter("max", maxAttempts).setParameter("room", room).getResultList()));
                room = config.batchSize() - candidates.size();
                if (room > 0) {
                    candidates.addAll(ids(em.createNativeQuery("""
                            select id from outbox_mails
                            where newsletter_issue_id = :issue and status = 'PENDING' and next_attempt_at <= :now
                              and attempts < :max
                            order by id limit :room for update skip locked""")
                            .setParameter("issue", issueId).setParameter("now", utc(now))
                            .setParameter("max", maxAttempts).setParameter("room", room).getResultList()));
                }
            }
            if (candidates.isEmpty()) {
                return List.of();
            }
            em.createNativeQuery("""
                    update outbox_mails
                    set status = 'SENDING', lease_until = :lease, claim_token = :token, attempts = attempts + 1
                    where id in (:ids)
                      and ((status = 'PENDING' and next_attempt_at <= :now) or (status = 'SENDING' and lease_until <= :now))
                      and attempts < :max""")
                    .setParameter("lease", utc(leaseUntil)).setParameter("token", token)
                    .setParameter("ids", candidates).setParameter("now", utc(now)).setParameter("max", maxAttempts)
                    .executeUpdate();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select id, newsletter_issue_id, newsletter_subscriber_id, recipient, mail_locale, message_id,
                        attempts
                    from outbox_mails where id in (:ids) and claim_token = :token order by id""")
                    .setParameter("ids", candidates).setParameter("token", token).getResultList();
            List<Delivery> mine = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                mine.add(new Delivery(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                        row[2] == null ? null : ((Number) row[2]).longValue(), (String) row[3], (String) row[4],
                        (String) row[5], ((Number) row[6]).intValue(), token));
            }
            return mine;
        });
    }

    /** What a subscriber is right before their mail goes out. */
    record SubscriberNow(String status, String token, Instant subscribedAt) {
    }

    /** The current status of the batch's subscribers, in one query. */
    Map<Long, SubscriberNow> subscribersNow(List<Delivery> deliveries) {
        List<Long> ids = deliveries.stream().map(Delivery::subscriberId).filter(id -> id != null).distinct()
                .toList();
        Map<Long, SubscriberNow> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select id, status, token, coalesce(confirmed_at, created_at)
                    from newsletter_subscribers where id in (:ids)""").setParameter("ids", ids).getResultList();
            for (Object[] row : rows) {
                found.put(((Number) row[0]).longValue(),
                        new SubscriberNow((String) row[1], (String) row[2], SendRate.instant(row[3])));
            }
        });
        return found;
    }

    enum Kind {
        SENT, SKIPPED, RETRY, NOT_YET, FAILED, BOUNCED
    }

    /** How one claimed delivery ended in this run. */
    record Outcome(Delivery delivery, Kind kind, Instant at, String error) {

        static Outcome sent(Delivery delivery, Instant at) {
            return new Outcome(delivery, Kind.SENT, at, null);
        }

        static Outcome skipped(Delivery delivery, String why) {
            return new Outcome(delivery, Kind.SKIPPED, null, "Skipped: " + why);
        }
    }

    /**
     * Sends the deliveries in the send slots reserved for them, at most {@code connections} at a time over the
     * mailer's connection pool. Slots beyond the hourly cap go back to the queue, due at the next hour.
     */
    List<Outcome> send(List<Delivery> deliveries, Map<Long, SubscriberNow> current) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        SendRate.Reservation reservation = rate.reserve(deliveries.size(), Instant.now(), config.ratePerSecond(),
                config.maxPerHour());
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = reservation.granted(); i < deliveries.size(); i++) {
            outcomes.add(new Outcome(deliveries.get(i), Kind.NOT_YET, reservation.retryAt(), "Hourly cap reached"));
        }
        int granted = reservation.granted();
        Outcome[] results = new Outcome[granted];
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(granted);
        Semaphore connections = new Semaphore(Math.max(1, config.connections()));
        for (int i = 0; i < granted; i++) {
            Delivery delivery = deliveries.get(i);
            Mail mail;
            try {
                mail = toMail(delivery, current.get(delivery.subscriberId()));
            } catch (RuntimeException e) {
                results[i] = new Outcome(delivery, Kind.FAILED, null, describe(e));
                continue;
            }
            waitUntil(reservation.slot(i));
            connections.acquireUninterruptibly();
            int index = i;
            inFlight.add(mailDelivery.sendAsync(mail).handle((ok, error) -> {
                connections.release();
                results[index] = error == null ? Outcome.sent(delivery, Instant.now()) : classify(delivery, error);
                return (Void) null;
            }).toCompletableFuture());
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(config.lease().toMillis() / 2, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Deliveries without an outcome stay SENDING: their lease runs out and they are tried again.
            LOG.warnf("Newsletter batch not complete in time: %s", describe(e));
        }
        for (Outcome result : results) {
            if (result != null) {
                outcomes.add(result);
            }
        }
        return outcomes;
    }

    /** The mail of one delivery: the edition for the subscriber's language, their links, the list headers. */
    Mail toMail(Delivery delivery, SubscriberNow subscriber) {
        NewsletterEditions.Edition edition = editions.edition(delivery.issueId(), delivery.locale());
        NewsletterEditions.PersonalMail personal = edition.personalise(subscriber.token(),
                subscriber.subscribedAt());
        Mail mail = Mail.withText(MailHeaders.address(delivery.recipient()), personal.subject(), personal.text());
        mail.setHtml(personal.html());
        mail.addHeader("Message-ID", delivery.messageId());
        MailHeaders.extraHeaders(listHeaders(personal.unsubscribeUrl(), subscriber.token())).forEach(mail::addHeader);
        return mail;
    }

    /**
     * RFC 2369 / RFC 8058: the unsubscribe address (https, one-click POST target) and a mailto, and the marker that
     * the https address takes a one-click POST.
     */
    Map<String, String> listHeaders(String unsubscribeUrl, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">, <mailto:" + unsubscribeMailbox()
                + "?subject=unsubscribe%20" + token + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    /** The configured mailbox, else unsubscribe@ the domain of the From address. */
    String unsubscribeMailbox() {
        return config.unsubscribeMailbox().filter(box -> !box.isBlank()).map(MailHeaders::address).orElseGet(() -> {
            try {
                String address = new InternetAddress(from).getAddress();
                return "unsubscribe" + address.substring(address.indexOf('@'));
            } catch (AddressException | RuntimeException e) {
                return "unsubscribe@" + messageIdDomain();
            }
        });
    }

    /**
     * A permanent refusal of the recipient or of the message (5xx at RCPT or DATA) bounces the address; a refusal
     * of our own sender address is our problem, not the subscriber's, so it is retried like a transient error.
     */
    Outcome classify(Delivery delivery, Throwable error) {
        String message = describe(error);
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp && smtp.isPermanent()
                    && !String.valueOf(smtp.getMessage()).toLowerCase(Locale.ROOT).contains("sender address")) {
                return new Outcome(delivery, Kind.BOUNCED, null, message);
            }
        }
        return new Outcome(delivery, Kind.RETRY, null, message);
    }

    /** Writes all outcomes of a batch in one transaction and one JDBC batch. */
    void record(List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        int maxAttempts = mailConfig.maxAttempts();
        QuarkusTransaction.requiringNew().run(() -> {
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement update = connection.prepareStatement("""
                        update outbox_mails
                        set status = ?, sent_at = ?, next_attempt_at = coalesce(?, next_attempt_at),
                            attempts = attempts - ?, last_error = ?, lease_until = null, claim_token = null
                        where id = ? and status = 'SENDING' and claim_token = ?""")) {
                    for (Outcome outcome : outcomes) {
                        Delivery delivery = outcome.delivery();
                        String status;
                        OffsetDateTime sentAt = null;
                        OffsetDateTime next = null;
                        int uncount = 0;
                        switch (outcome.kind()) {
                            case SENT -> {
                                status = "SENT";
                                sentAt = utc(outcome.at());
                            }
                            case SKIPPED -> status = "SUPERSEDED";
                            case FAILED, BOUNCED -> status = "FAILED";
                            case NOT_YET -> {
                                status = "PENDING";
                                next = utc(outcome.at());
                                uncount = 1;
                            }
                            default -> {
                                boolean giveUp = delivery.attempts() >= maxAttempts;
                                status = giveUp ? "FAILED" : "PENDING";
                                next = giveUp ? null : utc(now.plus(mailConfig.backoffAfter(delivery.attempts())));
                            }
                        }
                        update.setString(1, status);
                        update.setObject(2, sentAt);
                        update.setObject(3, next);
                        update.setInt(4, uncount);
                        update.setString(5, outcome.error() == null ? null : truncate(outcome.error()));
                        update.setLong(6, delivery.id());
                        update.setString(7, delivery.claimToken());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            });
            for (Outcome outcome : outcomes) {
                if (outcome.kind() == Kind.BOUNCED && outcome.delivery().subscriberId() != null) {
                    subscriptions.markBouncing(outcome.delivery().subscriberId(), truncate(outcome.error()));
                }
            }
        });
        for (Outcome outcome : outcomes) {
            if (outcome.kind() == Kind.BOUNCED || outcome.kind() == Kind.FAILED) {
                LOG.warnf("Newsletter delivery %d to %s not sent: %s", outcome.delivery().id(),
                        mask(outcome.delivery().recipient()), outcome.error());
            }
        }
    }

    // ---- finish -----------------------------------------------------------------------------------------------

    /** SENDING issues whose audience is expanded and whose deliveries are all handled become SENT. */
    public int finishDone(Instant now) {
        List<Long> done = QuarkusTransaction.requiringNew().call(() -> ids(em.createNativeQuery("""
                select s.issue_id from newsletter_sends s join newsletter_issues i on i.id = s.issue_id
                where i.status = 'SENDING' and s.expansion_done = true
                  and not exists (select 1 from outbox_mails m where m.newsletter_issue_id = s.issue_id
                                  and m.status in ('PENDING', 'SENDING'))""").getResultList()));
        int finished = 0;
        for (long issueId : done) {
            boolean mine = QuarkusTransaction.requiringNew().call(() -> {
                int updated = em.createNativeQuery("""
                        update newsletter_issues set status = 'SENT', sent_at = :now, updated_at = :now
                        where id = :id and status = 'SENDING'
                          and not exists (select 1 from outbox_mails m where m.newsletter_issue_id = :id
                                          and m.status in ('PENDING', 'SENDING'))""")
                        .setParameter("now", utc(now)).setParameter("id", issueId).executeUpdate();
                if (updated == 0) {
                    return false;
                }
                em.createNativeQuery("update newsletter_sends set finished_at = :now where issue_id = :id")
                        .setParameter("now", utc(now)).setParameter("id", issueId).executeUpdate();
                NewsletterIssue issue = NewsletterIssue.findById(issueId);
                SendTotals totals = SendTotals.of(em, issueId);
                audit.recordPlatform(ActedBy.system(), issue.organisation.id, AUDIT_FINISHED, "#" + issueId + " "
                        + issue.editionSubjectNl + ": " + totals.sent() + " verstuurd, " + totals.failed()
                        + " mislukt, " + totals.skipped() + " overgeslagen");
                return true;
            });
            if (mine) {
                editions.forget(issueId);
                LOG.infof("Newsletter issue %d: sent", issueId);
                finished++;
            }
        }
        return finished;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private String messageIdDomain() {
        return mailConfig.messageIdDomain().filter(domain -> !domain.isBlank()).orElseGet(() -> {
            try {
                String host = java.net.URI.create(site.baseUrl()).getHost();
                return host == null || host.isBlank() ? "kennisagenda.local" : host.toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return "kennisagenda.local";
            }
        });
    }

    private static void waitUntil(Instant moment) {
        long nanos = Duration.between(Instant.now(), moment).toNanos();
        while (nanos > 0) {
            LockSupport.parkNanos(nanos);
            nanos = Duration.between(Instant.now(), moment).toNanos();
        }
    }

    static List<Long> ids(List<?> rows) {
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object row : rows) {
            ids.add(((Number) row).longValue());
        }
        return ids;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
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
        return truncate(text.toString());
    }

    private static String truncate(String text) {
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    static String mask(String address) {
        int at = address.indexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }
}
