package nl.kennisagenda.newsletter.issue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.newsletter.NewsletterIssue;

/**
 * The biweekly rhythm: for every organisation whose newsletter is on, once its draft day and time have come
 * ({@link NewsletterSettings#periodAt}), prepares a draft of the next issue from the calendar, or records why not
 * ("nothing new since issue #12"). With auto-send on, the draft is frozen and scheduled at once.
 * <p>
 * One draft per period, with several instances: each organisation's period is claimed by a conditional update of
 * its settings row ({@code last_period} older than the period → the period), and the claim, the draft and the outcome
 * commit together in one transaction; an instance that loses the race updates no row and skips. A unique index on
 * (organisation, period_date) of the issues backs this up. Only the latest period is handled: after a long outage
 * the job does not make a draft for every week it missed.
 */
@ApplicationScoped
public class DraftJob {

    private static final Logger LOG = Logger.getLogger(DraftJob.class);

    @Inject
    IssueComposer composer;

    @Inject
    IssueEditions editions;

    @Inject
    AuditLog audit;

    /** Read by the schedule below through its expression; injected so the mapping is registered and validated. */
    @Inject
    DraftConfig config;

    void announce(@Observes StartupEvent started) {
        LOG.debugf("Newsletter drafts are checked every %s", config.interval());
    }

    @Scheduled(identity = "newsletter-drafts", every = "${kennisagenda.newsletter.drafts.interval:15m}",
            delayed = "${kennisagenda.jobs.first-run-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(Instant.now());
    }

    /** Checks every enabled organisation at {@code now}; returns the outcomes of the periods it claimed. */
    public List<DraftOutcome> run(Instant now) {
        List<Long> organisations = QuarkusTransaction.requiringNew().call(() -> NewsletterSettings
                .<NewsletterSettings> list("enabled = true order by organisationId").stream()
                .map(settings -> settings.organisationId).toList());
        List<DraftOutcome> outcomes = new ArrayList<>();
        for (long organisationId : organisations) {
            try {
                QuarkusTransaction.requiringNew().call(() -> check(organisationId, now)).ifPresent(outcomes::add);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Newsletter draft check of organisation %d failed; tried again at the next run",
                        organisationId);
            }
        }
        return outcomes;
    }

    private Optional<DraftOutcome> check(long organisationId, Instant now) {
        NewsletterSettings settings = NewsletterSettings.findById(organisationId);
        if (settings == null || !settings.enabled) {
            return Optional.empty();
        }
        Optional<LocalDate> due = settings.periodAt(now);
        if (due.isEmpty() || settings.lastPeriod != null && !due.get().isAfter(settings.lastPeriod)) {
            return Optional.empty();
        }
        LocalDate period = due.get();
        int claimed = NewsletterSettings.update("lastPeriod = ?1, lastCheckAt = ?2 where organisationId = ?3"
                + " and (lastPeriod is null or lastPeriod < ?1)", period, now, organisationId);
        if (claimed != 1) {
            return Optional.empty();
        }
        NewsletterSettings.getEntityManager().refresh(settings);
        Organisation organisation = Organisation.findById(organisationId);
        Composition composition = composer.compose(organisation, settings, now);
        Optional<DraftOutcome> nothing = composer.nothingNew(organisation, composition);
        DraftOutcome outcome;
        if (nothing.isPresent()) {
            outcome = nothing.get();
        } else {
            NewsletterIssue issue = IssueEditing.newDraft(organisation, now, period);
            if (settings.autoSend) {
                editions.freeze(issue, settings, now, now);
                audit.recordPlatform(ActedBy.system(), organisationId, IssueEditing.ISSUE_SCHEDULED,
                        "#" + issue.id + " automatisch");
                outcome = new DraftOutcome(DraftOutcome.Kind.SCHEDULED, issue.id);
            } else {
                audit.recordPlatform(ActedBy.system(), organisationId, IssueEditing.ISSUE_CREATED, "#" + issue.id);
                outcome = new DraftOutcome(DraftOutcome.Kind.DRAFT, issue.id);
            }
        }
        settings.lastCheckOutcome = outcome.code();
        LOG.infof("Newsletter of organisation %d, period %s: %s", organisationId, period, outcome.code());
        return Optional.of(outcome);
    }
}
