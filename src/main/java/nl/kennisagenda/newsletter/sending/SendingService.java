package nl.kennisagenda.newsletter.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.NewsletterIssue;

/**
 * What organisers see and do with a running send: its progress, pause and resume. Organisers of the issue's
 * organisation and administrators (checked here, with {@link AccessPolicy}); both actions are audited.
 */
@ApplicationScoped
public class SendingService {

    public static final String AUDIT_PAUSED = "NEWSLETTER_SEND_PAUSED";
    public static final String AUDIT_RESUMED = "NEWSLETTER_SEND_RESUMED";

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    NewsletterSendingConfig config;

    /**
     * A send as the progress page shows it. {@code total} is provisional while the audience is still being
     * expanded; {@code perSecond} is the rate over the last minute; {@code timeLeft} null when nothing is left or
     * nothing is moving.
     */
    public record Progress(long issueId, String subject, String organisationSlug, IssueStatus status,
            boolean started, boolean provisional, SendTotals totals, long total, double perSecond,
            Duration timeLeft, Instant startedAt, Instant pausedAt, Instant finishedAt, boolean canChange) {

        public boolean canPause() {
            return canChange && status == IssueStatus.SENDING;
        }

        public boolean canResume() {
            return canChange && status == IssueStatus.PAUSED;
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Progress> progress(Actor actor, long issueId, Instant now) {
        NewsletterIssue issue = NewsletterIssue.findById(issueId);
        if (issue == null) {
            return Optional.empty();
        }
        AccessPolicy.requireCanRead(actor, issue.organisation);
        Object[] send = sendRow(issueId);
        SendTotals totals = SendTotals.of(em, issueId);
        boolean started = send != null;
        boolean expanded = started && Boolean.TRUE.equals(send[1]);
        long audienceAtStart = started ? ((Number) send[0]).longValue() : 0;
        long total = expanded ? totals.total() : Math.max(audienceAtStart, totals.total());
        long lastMinute = ((Number) em.createNativeQuery("""
                select count(*) from outbox_mails
                where newsletter_issue_id = :id and status = 'SENT' and sent_at > :since""")
                .setParameter("id", issueId).setParameter("since", NewsletterSender.utc(now.minusSeconds(60)))
                .getSingleResult()).longValue();
        double perSecond = lastMinute / 60.0;
        long left = Math.max(0, total - totals.sent() - totals.failed() - totals.skipped());
        Duration timeLeft = null;
        if (left > 0 && issue.status == IssueStatus.SENDING) {
            double rate = perSecond > 0 ? perSecond : config.ratePerSecond();
            timeLeft = Duration.ofSeconds((long) Math.ceil(left / rate));
        }
        String subject = issue.editionSubjectNl != null ? issue.editionSubjectNl : issue.subjectNl;
        return Optional.of(new Progress(issueId, subject == null ? "#" + issueId : subject, issue.organisation.slug,
                issue.status, started, started && !expanded, totals, total, perSecond, timeLeft,
                started ? SendRate.instant(send[2]) : null, send != null && send[3] != null
                        ? SendRate.instant(send[3]) : null,
                send != null && send[4] != null ? SendRate.instant(send[4]) : null,
                AccessPolicy.canChange(actor, issue.organisation)));
    }

    /** SENDING → PAUSED. @return whether it was SENDING (and is paused now) */
    @Transactional
    public Optional<Boolean> pause(Actor actor, long issueId) {
        return change(actor, issueId, IssueStatus.SENDING, IssueStatus.PAUSED, AUDIT_PAUSED);
    }

    /** PAUSED → SENDING. @return whether it was PAUSED (and is sending again) */
    @Transactional
    public Optional<Boolean> resume(Actor actor, long issueId) {
        return change(actor, issueId, IssueStatus.PAUSED, IssueStatus.SENDING, AUDIT_RESUMED);
    }

    private Optional<Boolean> change(Actor actor, long issueId, IssueStatus from, IssueStatus to, String action) {
        NewsletterIssue issue = NewsletterIssue.findById(issueId);
        if (issue == null) {
            return Optional.empty();
        }
        AccessPolicy.requireCanChange(actor, issue.organisation);
        Instant now = Instant.now();
        // Conditional: the sender may finish the issue at the same moment.
        int updated = em.createNativeQuery("""
                update newsletter_issues set status = :to, updated_at = :now where id = :id and status = :from""")
                .setParameter("to", to.name()).setParameter("from", from.name())
                .setParameter("now", NewsletterSender.utc(now)).setParameter("id", issueId).executeUpdate();
        if (updated == 0) {
            return Optional.of(false);
        }
        if (to == IssueStatus.PAUSED) {
            em.createNativeQuery("update newsletter_sends set paused_at = :at where issue_id = :id")
                    .setParameter("at", NewsletterSender.utc(now)).setParameter("id", issueId).executeUpdate();
        } else {
            em.createNativeQuery("update newsletter_sends set paused_at = null where issue_id = :id")
                    .setParameter("id", issueId).executeUpdate();
        }
        audit.recordPlatform(ActedBy.of(actor), issue.organisation.id, action,
                "#" + issueId + " " + (issue.editionSubjectNl == null ? "" : issue.editionSubjectNl));
        return Optional.of(true);
    }

    private Object[] sendRow(long issueId) {
        return (Object[]) em.createNativeQuery("""
                select audience_at_start, expansion_done, started_at, paused_at, finished_at
                from newsletter_sends where issue_id = :id""").setParameter("id", issueId).getResultStream()
                .findFirst().orElse(null);
    }
}
