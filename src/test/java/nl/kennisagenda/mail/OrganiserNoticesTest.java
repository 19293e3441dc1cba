package nl.kennisagenda.mail;

import static nl.kennisagenda.mail.MailTestData.uniqueEmail;
import static nl.kennisagenda.mail.Texts.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.backoffice.AdminClient;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;

/**
 * Organiser notifications: only to those who turned them on (and the contact person for full / waiting list), once
 * per transition, and one daily summary per event and day whose numbers are the database's.
 */
@QuarkusTest
@TestProfile(GreenMailProfile.class)
class OrganiserNoticesTest {

    static final String ORGANISER = "platform31@example.org";
    static final String OTHER = "admin@example.org";
    static final String CONTACT = "contact-notices@example.org";
    static final Locale NL = Locale.forLanguageTag("nl");

    SmtpServer smtp;

    @Inject
    RegistrationService service;

    @Inject
    OrganiserNotices notices;

    @Inject
    OrganiserSummaryJob job;

    @Inject
    OutboxSender sender;

    @Inject
    MailClientWarmUp mailClient;

    @BeforeEach
    void emptyOutboxAndMailbox() {
        smtp.start();
        mailClient.awaitDelivery(smtp);
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.delete("id > 0"));
        smtp.purge();
    }

    @Test
    void optedInOrganiserAndContactGetOneFullNoticeWhenTheLastPlaceGoesAndOneWaitingListNotice() throws Exception {
        TestEvents.Created event = platform31Event("vol", 2);
        optIn(ORGANISER, event.id());

        service.signUp(event.slug(), input(uniqueEmail("a")), NL);
        assertEquals(0, notices(MailKind.ORGANISER_EVENT_FULL).size(), "one place left: not full yet");
        service.signUp(event.slug(), input(uniqueEmail("b")), NL);
        service.signUp(event.slug(), input(uniqueEmail("c")), NL);
        service.signUp(event.slug(), input(uniqueEmail("d")), NL);

        assertEquals(List.of(CONTACT, ORGANISER), recipients(MailKind.ORGANISER_EVENT_FULL));
        assertEquals(List.of(CONTACT, ORGANISER), recipients(MailKind.ORGANISER_WAITLIST_STARTED));
        MailTestData.sendEverythingDue(sender, Instant.now());
        List<MimeMessage> received = smtp.receivedBy(ORGANISER);
        assertEquals(2, received.size());
        List<String> subjects = received.stream().map(OrganiserNoticesTest::subject).sorted().toList();
        assertEquals(List.of("Vol: Testbijeenkomst vol", "Wachtlijst begonnen: Testbijeenkomst vol"), subjects);
        assertContains(Mime.part(received.stream().filter(m -> subject(m).startsWith("Vol")).findFirst().orElseThrow(),
                "text/plain"), "alle 2 plaatsen zijn bezet", "/admin/events/" + event.id());
        assertEquals(0, smtp.receivedBy(OTHER).size(), "not opted in: nothing");
        assertEquals(2, smtp.receivedBy(CONTACT).size());
    }

    @Test
    void aFullSessionIsAnnouncedOnceAndNobodyWhoDidNotOptInHearsAnything() {
        TestEvents.Created event = platform31Event("sessie", null, 1);
        service.signUp(event.slug(), input(uniqueEmail("a"), event.sessionIds().get(0)), NL);
        assertEquals(List.of(CONTACT), recipients(MailKind.ORGANISER_SESSION_FULL), "the contact person only");

        optIn(ORGANISER, event.id());
        service.signUp(event.slug(), input(uniqueEmail("b"), event.sessionIds().get(0)), NL);
        assertEquals(List.of(CONTACT), recipients(MailKind.ORGANISER_SESSION_FULL), "still full: no second notice");
    }

    @Test
    void theDailySummaryCountsWhatTheDatabaseHoldsAndGoesOnceWhenTheJobRunsTwice() throws Exception {
        TestEvents.Created event = platform31Event("dag", 10);
        service.signUp(event.slug(), input(uniqueEmail("a")), NL);
        service.signUp(event.slug(), input(uniqueEmail("b")), NL);
        service.signUp(event.slug(), input(uniqueEmail("c")), NL);
        String token = QuarkusTransaction.requiringNew().call(() -> Registration
                .<Registration> find("event.id = ?1 order by id", event.id()).firstResult().token);
        service.cancel(token);
        LocalDate today = LocalDate.now(Dates.AMSTERDAM);

        job.sendSummaries(today);
        assertTrue(notices(MailKind.ORGANISER_DAILY_SUMMARY).stream()
                .noneMatch(m -> m.subject.endsWith(": Testbijeenkomst dag")), "nobody opted in: nothing");

        optIn(ORGANISER, event.id());
        int first = job.sendSummaries(today);
        int second = job.sendSummaries(today);

        assertTrue(first >= 1);
        assertEquals(0, second);
        List<OutboxMail> summaries = notices(MailKind.ORGANISER_DAILY_SUMMARY).stream()
                .filter(m -> m.subject.endsWith(": Testbijeenkomst dag")).toList();
        assertEquals(1, summaries.size());
        OrganiserNotices.DayCounts counts = QuarkusTransaction.requiringNew().call(
                () -> OrganiserNotices.countDay(nl.kennisagenda.event.Event.findById(event.id()), today));
        long signups = QuarkusTransaction.requiringNew().call(() -> Registration.count("event.id", event.id()));
        long cancelled = QuarkusTransaction.requiringNew().call(
                () -> Registration.count("event.id = ?1 and cancelledAt is not null", event.id()));
        assertEquals(new OrganiserNotices.DayCounts(3, 1), counts);
        assertEquals(3, signups);
        assertEquals(1, cancelled);
        assertContains(summaries.get(0).textBody, "3 nieuwe aanmelding(en) en 1 afmelding(en)",
                "Nu: 2 bevestigd, 0 op de wachtlijst.");
        assertEquals(ORGANISER, summaries.get(0).recipient);
    }

    @Test
    void theHubSwitchTurnsNotificationsOnAndOffWithOnePost() {
        TestEvents.Created event = platform31Event("schakelaar", 5);
        long accountId = accountId(ORGANISER);
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        String hub = organiser.get("/admin/events/" + event.id()).asString();
        assertContains(hub, "Meldingen staan uit voor u.", "Meldingen aanzetten");

        var on = organiser.post().formParam("notifications", "on").post("/admin/events/" + event.id() + "/notifications");
        assertEquals(303, on.statusCode());
        assertEquals("no-store", on.header("Cache-Control"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> notices.isOn(accountId, event.id())));
        assertContains(organiser.get("/admin/events/" + event.id()).asString(), "Meldingen staan aan voor u.",
                "Meldingen uitzetten");

        organiser.post().formParam("notifications", "off").post("/admin/events/" + event.id() + "/notifications");
        assertFalse(QuarkusTransaction.requiringNew().call(() -> notices.isOn(accountId, event.id())));

        // Someone from another organisation may not subscribe to this event.
        TestEvents.Created foreign = TestEvents.create("vreemd", 5);
        var refused = organiser.post().formParam("notifications", "on")
                .post("/admin/events/" + foreign.id() + "/notifications");
        assertEquals(403, refused.statusCode());
        assertFalse(QuarkusTransaction.requiringNew().call(() -> notices.isOn(accountId, foreign.id())));
    }

    // ---- helpers ----

    private static TestEvents.Created platform31Event(String name, Integer capacity, Integer... sessions) {
        TestEvents.Created event = TestEvents.create(name, capacity, sessions);
        TestEvents.change(event.id(), e -> {
            e.organisation = Organisation.find("slug", "platform31").firstResult();
            e.contactEmail = CONTACT;
        });
        return event;
    }

    private void optIn(String email, long eventId) {
        Actor actor = QuarkusTransaction.requiringNew()
                .call(() -> Actor.of(Account.findByEmail(email).orElseThrow()));
        notices.set(actor, eventId, true);
    }

    private static long accountId(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email).orElseThrow().id);
    }

    private static List<OutboxMail> notices(MailKind kind) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail> list("kind = ?1 order by id", kind));
    }

    private static List<String> recipients(MailKind kind) {
        return notices(kind).stream().map(m -> m.recipient).sorted().toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SignupInput input(String email, Long... sessions) {
        return new SignupInput(Map.of("firstName", List.of("Piet"), "lastName", List.of("Jansen"),
                "email", List.of(email), "organisation", List.of("Gemeente Utrecht")),
                java.util.Arrays.stream(sessions).map(String::valueOf).toList(), false);
    }
}
