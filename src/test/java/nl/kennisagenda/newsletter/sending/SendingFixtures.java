package nl.kennisagenda.newsletter.sending;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import nl.kennisagenda.common.Tokens;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.NewsletterIssue;
import nl.kennisagenda.newsletter.Subscriber;
import nl.kennisagenda.newsletter.SubscriberStatus;

/**
 * Organisations, subscribers and issues written straight into the database, as subscribing (C) and composing (D)
 * leave them: a frozen, SCHEDULED issue due now, and CONFIRMED subscribers with their organisations and themes.
 */
public final class SendingFixtures {

    private SendingFixtures() {
    }

    /** A fresh organisation, so an issue's audience is only the subscribers a test makes. */
    public static long organisation(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Organisation organisation = new Organisation();
            organisation.slug = "nb-" + System.nanoTime();
            organisation.name = name;
            organisation.persist();
            return organisation.id;
        });
    }

    public static long subscriber(String email, SubscriberStatus status, String locale, Long organisationId,
            String... themes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscriber subscriber = new Subscriber();
            subscriber.email = email;
            subscriber.emailKey = Subscriber.keyOf(email);
            subscriber.locale = locale;
            subscriber.status = status;
            subscriber.token = Tokens.newToken();
            subscriber.createdAt = Instant.parse("2026-03-01T09:00:00Z");
            subscriber.confirmedAt = status == SubscriberStatus.PENDING ? null
                    : Instant.parse("2026-03-02T10:00:00Z");
            subscriber.updatedAt = subscriber.createdAt;
            if (organisationId != null) {
                subscriber.organisations.add(Organisation.findById(organisationId));
            }
            subscriber.themes.addAll(List.of(themes));
            subscriber.persist();
            return subscriber.id;
        });
    }

    public static long confirmed(String email, long organisationId) {
        return subscriber(email, SubscriberStatus.CONFIRMED, "nl", organisationId);
    }

    /** A frozen issue, due a second ago; with an English edition when {@code english}. */
    public static long scheduledIssue(long organisationId, boolean english, String... themes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            NewsletterIssue issue = new NewsletterIssue();
            issue.organisation = Organisation.findById(organisationId);
            issue.status = IssueStatus.SCHEDULED;
            issue.subjectNl = "Nieuws";
            issue.editionSubjectNl = "Nieuwsbrief: webinars in december";
            issue.editionHtmlNl = "<h2 style=\"font-size:18px\">Binnenkort</h2><p>Webinar <strong>Wonen & zorg</strong></p>";
            issue.editionTextNl = "Binnenkort\n\nWebinar Wonen & zorg";
            if (english) {
                issue.editionSubjectEn = "Newsletter: webinars in December";
                issue.editionHtmlEn = "<h2>Coming up</h2><p>Webinar <strong>Housing & care</strong></p>";
                issue.editionTextEn = "Coming up\n\nWebinar Housing & care";
            }
            issue.themes.addAll(Set.of(themes));
            issue.sendAt = Instant.now().minusSeconds(1);
            issue.createdAt = Instant.now();
            issue.updatedAt = issue.createdAt;
            issue.persist();
            return issue.id;
        });
    }

    /**
     * An issue of an existing organisation (by slug) that is being sent: started and its audience expanded, nothing
     * sent yet. For the page and access checks.
     */
    public static long sendingIssue(String organisationSlug) {
        long organisationId = QuarkusTransaction.requiringNew()
                .call(() -> Organisation.findBySlug(organisationSlug).orElseThrow().id);
        long issue = scheduledIssue(organisationId, false);
        NewsletterSender sender = io.quarkus.arc.Arc.container().instance(NewsletterSender.class).get();
        Instant now = Instant.now();
        sender.startDue(now);
        sender.expandStep(now);
        return issue;
    }

    public static IssueStatus status(long issueId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> NewsletterIssue.<NewsletterIssue>findById(issueId).status);
    }

    public static SubscriberStatus subscriberStatus(long subscriberId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Subscriber.<Subscriber>findById(subscriberId).status);
    }

    public static String token(long subscriberId) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.<Subscriber>findById(subscriberId).token);
    }

    public static List<OutboxMail> deliveries(long issueId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.<OutboxMail>list("newsletterIssueId = ?1 order by id", issueId));
    }

    public static void setSubscriberStatus(long subscriberId, SubscriberStatus status) {
        QuarkusTransaction.requiringNew().run(() -> Subscriber.<Subscriber>findById(subscriberId).status = status);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
