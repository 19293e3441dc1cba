package nl.kennisagenda.newsletter.issue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventMaterial;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.MaterialKind;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.NewsletterIssue;

/** Organisations, events and settings of the newsletter tests, each saved in a transaction of its own. */
final class NewsletterFixtures {

    private NewsletterFixtures() {
    }

    /** A new organisation with nothing in the calendar, so a test decides exactly what it announces. */
    static Organisation organisation(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Organisation organisation = new Organisation();
            organisation.slug = "nb-" + System.nanoTime();
            organisation.name = name;
            organisation.persist();
            return organisation;
        });
    }

    /** A published, listed online event of the organisation starting in {@code startsIn}, then {@code tweak}ed. */
    static Event event(Organisation organisation, String title, Duration startsIn, Consumer<Event> tweak) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Event event = new Event();
            event.slug = "test-nb-" + System.nanoTime();
            event.organisation = Organisation.findById(organisation.id);
            event.title = title;
            event.summary = "Samenvatting van " + title + ".";
            event.description = "Beschrijving.";
            event.format = EventFormat.ONLINE;
            event.onlinePlatform = "Zoom";
            event.startsAt = Instant.now().plus(startsIn);
            event.endsAt = event.startsAt.plus(Duration.ofHours(2));
            event.status = EventStatus.PUBLISHED;
            event.capacity = 40;
            event.themes.add("Thema " + title);
            event.createdAt = Instant.now();
            event.updatedAt = event.createdAt;
            tweak.accept(event);
            event.persist();
            return event;
        });
    }

    static EventMaterial material(Event event, String title) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EventMaterial material = new EventMaterial();
            material.event = Event.findById(event.id);
            material.title = title;
            material.url = "https://example.org/" + title.replace(' ', '-');
            material.kind = MaterialKind.RECORDING;
            material.persist();
            return material;
        });
    }

    /** Enabled settings with a draft day today at 00:00 (Amsterdam), every other week from this week. */
    static NewsletterSettings settingsDueToday(Organisation organisation, Consumer<NewsletterSettings> tweak) {
        return QuarkusTransaction.requiringNew().call(() -> {
            NewsletterSettings settings = new NewsletterSettings();
            settings.organisationId = organisation.id;
            settings.enabled = true;
            LocalDate today = LocalDate.now(Dates.AMSTERDAM);
            settings.weekday = today.getDayOfWeek().getValue();
            settings.timeOfDay = LocalTime.MIDNIGHT;
            settings.everyOtherWeek = true;
            settings.anchorDate = today;
            settings.weeksAhead = 4;
            settings.updatedAt = Instant.now();
            tweak.accept(settings);
            settings.persist();
            return settings;
        });
    }

    static NewsletterSettings settings(Organisation organisation) {
        return QuarkusTransaction.requiringNew().call(() -> NewsletterSettings.findById(organisation.id));
    }

    static NewsletterIssue issue(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            NewsletterIssue issue = NewsletterIssue.findById(id);
            issue.themes.size();
            issue.organisation.name.length();
            return issue;
        });
    }

    /** An issue that went out: frozen from the calendar now and marked SENT (the sender's part, done by hand). */
    static NewsletterIssue sentIssue(Organisation organisation, IssueEditions editions, Consumer<NewsletterIssue> tweak) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Organisation org = Organisation.findById(organisation.id);
            NewsletterIssue issue = IssueEditing.newDraft(org, Instant.now(), null);
            tweak.accept(issue);
            editions.freeze(issue, NewsletterSettings.of(org.id), Instant.now(), Instant.now());
            issue.status = IssueStatus.SENT;
            issue.sentAt = Instant.now();
            return issue;
        });
    }

    static Actor administrator() {
        return QuarkusTransaction.requiringNew().call(() -> Actor.of(Account.findByEmail("admin@example.org")
                .orElseThrow()));
    }
}
