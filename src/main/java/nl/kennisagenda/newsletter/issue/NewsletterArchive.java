package nl.kennisagenda.newsletter.issue;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.NewsletterIssue;

/**
 * The public web archive: SENT issues only (newest first), optionally of one organisation. Issues that did not go
 * out (drafts, scheduled, sending, paused, cancelled) do not exist here.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class NewsletterArchive {

    static final int LIMIT = 200;

    public List<NewsletterIssue> sent(Optional<Organisation> organisation) {
        return organisation
                .map(org -> NewsletterIssue.<NewsletterIssue> find(
                        "from NewsletterIssue i join fetch i.organisation where i.status = ?1 and i.organisation = ?2"
                                + " order by i.sentAt desc, i.id desc", IssueStatus.SENT, org))
                .orElseGet(() -> NewsletterIssue.find("from NewsletterIssue i join fetch i.organisation"
                        + " where i.status = ?1 order by i.sentAt desc, i.id desc", IssueStatus.SENT))
                .page(0, LIMIT).list();
    }

    public Optional<NewsletterIssue> sentIssue(long id) {
        return NewsletterIssue.<NewsletterIssue> find("from NewsletterIssue i join fetch i.organisation"
                + " where i.id = ?1 and i.status = ?2", id, IssueStatus.SENT).firstResultOptional();
    }
}
