package nl.kennisagenda.newsletter.sending;

import java.util.List;

import jakarta.persistence.EntityManager;

/** The deliveries of one issue by outcome, counted from its outbox rows. */
public record SendTotals(long total, long sent, long waiting, long failed, long skipped, long bounced) {

    static SendTotals of(EntityManager em, long issueId) {
        long sent = 0;
        long waiting = 0;
        long failed = 0;
        long skipped = 0;
        long total = 0;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select status, count(*) from outbox_mails where newsletter_issue_id = :id group by status""")
                .setParameter("id", issueId).getResultList();
        for (Object[] row : rows) {
            long count = ((Number) row[1]).longValue();
            total += count;
            switch ((String) row[0]) {
                case "SENT" -> sent += count;
                case "FAILED" -> failed += count;
                case "SUPERSEDED" -> skipped += count;
                default -> waiting += count;
            }
        }
        long bounced = failed == 0 ? 0 : ((Number) em.createNativeQuery("""
                select count(*) from outbox_mails m join newsletter_subscribers s on s.id = m.newsletter_subscriber_id
                where m.newsletter_issue_id = :id and m.status = 'FAILED' and s.status = 'BOUNCING'""")
                .setParameter("id", issueId).getSingleResult()).longValue();
        return new SendTotals(total, sent, waiting, failed, skipped, bounced);
    }
}
