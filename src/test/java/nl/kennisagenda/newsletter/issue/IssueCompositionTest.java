package nl.kennisagenda.newsletter.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.mail.GreenMailProfile;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.NewsletterIssue;

/**
 * What an issue announces (exactly the organisation's upcoming published, listed events in the window, as organiser
 * or partner), the nothing-new rule, the draft job's one draft per period, and auto-send freezing and scheduling.
 */
@QuarkusTest
@TestProfile(GreenMailProfile.class)
class IssueCompositionTest {

    @Inject
    IssueComposer composer;

    @Inject
    IssueEditions editions;

    @Inject
    IssueEditing editing;

    @Inject
    DraftJob job;

    private static final Duration DAYS_3 = Duration.ofDays(3);

    @Test
    void theComposedIssueContainsExactlyTheUpcomingPublishedListedEventsOfTheOrganisation() {
        Organisation network = NewsletterFixtures.organisation("Netwerk Compositie");
        Organisation other = NewsletterFixtures.organisation("Ander Netwerk");
        Event soon = NewsletterFixtures.event(network, "Binnenkort", DAYS_3, e -> {
            e.titleEn = "Soon";
            e.capacity = 2;
            e.confirmedCount = 2;
        });
        Event asPartner = NewsletterFixtures.event(other, "Als partner", Duration.ofDays(10),
                e -> e.partners.add(Organisation.findById(network.id)));
        Event hybrid = NewsletterFixtures.event(network, "Hybride middag", Duration.ofDays(20), e -> {
            e.format = EventFormat.HYBRID;
            e.capacity = null;
        });
        NewsletterFixtures.event(network, "Concept", DAYS_3, e -> e.status = EventStatus.DRAFT);
        NewsletterFixtures.event(network, "Geannuleerd", DAYS_3, e -> e.status = EventStatus.CANCELLED);
        NewsletterFixtures.event(network, "Verborgen", DAYS_3, e -> e.unlisted = true);
        NewsletterFixtures.event(network, "Voorbij", Duration.ofDays(-2), e -> {
        });
        NewsletterFixtures.event(other, "Van een ander", DAYS_3, e -> {
        });
        NewsletterFixtures.event(network, "Te ver weg", Duration.ofDays(40), e -> {
        });

        NewsletterIssue issue = editing.create(NewsletterFixtures.administrator(), network.slug);
        QuarkusTransaction.requiringNew().run(() -> {
            NewsletterIssue draft = NewsletterIssue.findById(issue.id);
            draft.introNl = "Welkom bij **dit nummer**. <script>alert(1)</script>";
        });
        editing.schedule(NewsletterFixtures.administrator(), issue.id, null, true);

        NewsletterIssue frozen = NewsletterFixtures.issue(issue.id);
        assertEquals(IssueStatus.SCHEDULED, frozen.status);
        assertEquals(Set.of(soon.id, asPartner.id, hybrid.id),
                QuarkusTransaction.requiringNew().call(() -> composer.announcedEvents(issue.id)));
        List<String> announced = titlesIn(frozen.editionTextNl);
        assertEquals(List.of("Binnenkort", "Als partner", "Hybride middag"), announced, frozen.editionTextNl);
        assertTrue(frozen.editionHtmlNl.contains("<strong>dit nummer</strong>"), frozen.editionHtmlNl);
        assertFalse(frozen.editionHtmlNl.contains("<script"), "organiser HTML is never rendered as HTML");
        assertTrue(frozen.editionHtmlNl.contains("Vol — wachtlijst"), "the full event says so");
        assertTrue(frozen.editionHtmlNl.contains("Hybride"), "the format is named");
        assertTrue(frozen.editionHtmlNl.contains("/events/" + soon.slug + "/register\""), "absolute sign-up link");
        assertTrue(frozen.editionTextNl.contains("Nog 40 plaatsen vrij"), frozen.editionTextNl);
        assertFalse(frozen.editionHtmlNl.contains("<html"), "a fragment, not a document");
        // The English edition takes the English title where there is one, the Dutch one elsewhere.
        assertNotNull(frozen.editionHtmlEn);
        assertTrue(frozen.editionHtmlEn.contains(">Soon<"), frozen.editionHtmlEn);
        assertTrue(frozen.editionHtmlEn.contains(">Als partner<"), frozen.editionHtmlEn);
        assertTrue(frozen.editionHtmlEn.contains("Upcoming events"));
        assertEquals(Set.of("Thema Binnenkort", "Thema Als partner", "Thema Hybride middag"), frozen.themes);
    }

    @Test
    void noDraftWhenTheLatestIssueAlreadyAnnouncedEverythingAndTheReasonIsStored() {
        Organisation network = NewsletterFixtures.organisation("Netwerk Niets Nieuws");
        NewsletterFixtures.event(network, "Al aangekondigd", DAYS_3, e -> {
        });
        NewsletterIssue previous = NewsletterFixtures.sentIssue(network, editions, issue -> {
        });
        NewsletterFixtures.settingsDueToday(network, s -> {
        });

        job.run(Instant.now());

        NewsletterSettings settings = NewsletterFixtures.settings(network);
        assertEquals("NOTHING_NEW:" + previous.id, settings.lastCheckOutcome);
        assertEquals(LocalDate.now(Dates.AMSTERDAM), settings.lastPeriod);
        assertEquals(1, issuesOf(network), "no new draft");

        // Two weeks later a new event is in the calendar: the next period gets a draft.
        NewsletterFixtures.event(network, "Nieuw erbij", Duration.ofDays(17), e -> {
        });
        job.run(Instant.now().plus(Duration.ofDays(14)));
        settings = NewsletterFixtures.settings(network);
        assertTrue(settings.lastCheckOutcome.startsWith("DRAFT:"), settings.lastCheckOutcome);
        assertEquals(2, issuesOf(network));
    }

    @Test
    void noDraftWhenThereIsNothingAtAll() {
        Organisation network = NewsletterFixtures.organisation("Netwerk Leeg");
        NewsletterFixtures.settingsDueToday(network, s -> {
        });
        job.run(Instant.now());
        assertEquals("NOTHING_UPCOMING", NewsletterFixtures.settings(network).lastCheckOutcome);
        assertEquals(0, issuesOf(network));
    }

    @Test
    void theDraftJobMakesOneDraftPerPeriodEvenWhenInstancesRunItTogether() throws Exception {
        Organisation network = NewsletterFixtures.organisation("Netwerk Ritme");
        NewsletterFixtures.event(network, "Iets om te melden", DAYS_3, e -> {
        });
        NewsletterFixtures.settingsDueToday(network, s -> {
        });
        Instant now = Instant.now();

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<List<DraftOutcome>>> runs = List.of(() -> job.run(now), () -> job.run(now),
                    () -> job.run(now));
            for (Future<List<DraftOutcome>> run : pool.invokeAll(runs)) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, issuesOf(network), "three runs, one period, one draft");
        NewsletterIssue draft = QuarkusTransaction.requiringNew().call(() -> NewsletterIssue
                .<NewsletterIssue> find("organisation.id", network.id).firstResult());
        assertEquals(IssueStatus.DRAFT, draft.status);
        assertEquals(LocalDate.now(Dates.AMSTERDAM), draft.periodDate);
        assertNull(draft.editionHtmlNl, "a draft waits for review: nothing frozen");
        assertEquals("DRAFT:" + draft.id, NewsletterFixtures.settings(network).lastCheckOutcome);

        // The odd week has no period: a run a week later changes nothing.
        job.run(now.plus(Duration.ofDays(7)));
        assertEquals(1, issuesOf(network));
        assertEquals(LocalDate.now(Dates.AMSTERDAM), NewsletterFixtures.settings(network).lastPeriod);
    }

    @Test
    void withAutoSendTheDraftIsFrozenAndScheduledAtOnce() {
        Organisation network = NewsletterFixtures.organisation("Netwerk Automatisch");
        Event event = NewsletterFixtures.event(network, "Vanzelf aangekondigd", DAYS_3, e -> {
        });
        NewsletterFixtures.settingsDueToday(network, s -> s.autoSend = true);
        Instant now = Instant.now();

        job.run(now);

        NewsletterIssue issue = QuarkusTransaction.requiringNew().call(() -> {
            NewsletterIssue found = NewsletterIssue.<NewsletterIssue> find("organisation.id", network.id)
                    .firstResult();
            found.themes.size();
            return found;
        });
        assertEquals(IssueStatus.SCHEDULED, issue.status);
        assertEquals(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), issue.sendAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertTrue(issue.editionHtmlNl.contains("Vanzelf aangekondigd"));
        assertTrue(issue.editionSubjectNl.startsWith("Nieuwsbrief Netwerk Automatisch"), issue.editionSubjectNl);
        assertEquals(Set.of("Thema Vanzelf aangekondigd"), issue.themes);
        assertEquals(Set.of(event.id), QuarkusTransaction.requiringNew().call(() -> composer.announcedEvents(issue.id)));
        assertEquals("SCHEDULED:" + issue.id, NewsletterFixtures.settings(network).lastCheckOutcome);
    }

    private static long issuesOf(Organisation organisation) {
        return QuarkusTransaction.requiringNew().call(() -> NewsletterIssue.count("organisation.id", organisation.id));
    }

    /** The event titles of a text edition, in order: the line before each "dag …, hh:mm–hh:mm · format" line. */
    private static List<String> titlesIn(String text) {
        String[] lines = text.split("\n");
        java.util.ArrayList<String> titles = new java.util.ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].matches(".*[0-9]{2}:[0-9]{2}.* · .*")) {
                titles.add(lines[i - 1]);
            }
        }
        return titles;
    }
}
