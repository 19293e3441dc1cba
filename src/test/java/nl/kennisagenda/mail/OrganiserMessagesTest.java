package nl.kennisagenda.mail;

import static nl.kennisagenda.mail.MailTestData.uniqueEmail;
import static nl.kennisagenda.mail.Texts.assertContains;
import static nl.kennisagenda.mail.Texts.assertLacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.audit.AuditEntry;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.backoffice.AdminClient;
import nl.kennisagenda.backoffice.editor.InvalidEditException;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventMaterial;
import nl.kennisagenda.event.MaterialKind;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.message.Audience;
import nl.kennisagenda.message.MessageConfig;
import nl.kennisagenda.message.MessageDispatcher;
import nl.kennisagenda.message.MessagePurpose;
import nl.kennisagenda.message.MessageStatus;
import nl.kennisagenda.message.OrganiserMessage;
import nl.kennisagenda.message.OrganiserMessages;
import nl.kennisagenda.message.OrganiserMessages.LinkInput;
import nl.kennisagenda.message.OrganiserMessages.MessageInput;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;

/**
 * Organiser messages from the group to the mailbox (docs/messages.md): who is in each group, one mail per address
 * even after a dispatcher died between two batches, scheduled messages at their time (and cancelled ones never),
 * the recipient's language with placeholders filled in and escaped, Reply-To, audit entries, the back-office pages
 * and the follow-up after the event. GreenMail is the SMTP server.
 */
@QuarkusTest
@TestProfile(GreenMailProfile.class)
class OrganiserMessagesTest {

    static final String ADMIN = "admin@example.org";
    static final String ORGANISER = "platform31@example.org";
    static final String CONTACT = "contact-berichten@example.org";

    SmtpServer smtp;

    @Inject
    MailTestData data;

    @Inject
    OrganiserMessages messages;

    @Inject
    MessageDispatcher dispatcher;

    @Inject
    MessageConfig config;

    @Inject
    OutboxSender sender;

    @Inject
    MailClientWarmUp mailClient;

    @BeforeEach
    void emptyOutboxAndMailbox() {
        smtp.start();
        mailClient.awaitDelivery(smtp);
        QuarkusTransaction.requiringNew().run(() -> {
            OrganiserMessage.getEntityManager().createNativeQuery("delete from organiser_message_recipients")
                    .executeUpdate();
            OutboxMail.delete("id > 0");
        });
        smtp.purge();
    }

    /** An event with two breakout sessions and the people of every group. */
    record Groups(long eventId, long sessionA, String present, String absent, String waiting, String cancelled,
            String pending) {
    }

    private Groups groups(String title) {
        MailTestData.TestEvent event = data.onlineEvent(title);
        String present = uniqueEmail("aanwezig");
        String absent = uniqueEmail("afwezig");
        String waiting = uniqueEmail("wacht");
        String cancelled = uniqueEmail("afgemeld");
        String pending = uniqueEmail("beoordeling");
        Instant now = Instant.now();
        long presentId = data.registerQuietly(event.id(), present, "Petra", "nl", RegistrationStatus.CONFIRMED, now);
        long absentId = data.registerQuietly(event.id(), absent, "Ahmed", "nl", RegistrationStatus.CONFIRMED, now);
        data.registerQuietly(event.id(), waiting, "Wim", "nl", RegistrationStatus.WAITLISTED, now);
        data.registerQuietly(event.id(), cancelled, "Tessa", "nl", RegistrationStatus.CANCELLED, now);
        data.registerQuietly(event.id(), pending, "Pien", "nl", RegistrationStatus.PENDING, now);
        QuarkusTransaction.requiringNew().run(() -> {
            Registration first = Registration.findById(presentId);
            first.checkedInAt = now;
            first.sessions.add(ProgrammeItem.findById(event.sessionA()));
            Registration second = Registration.findById(absentId);
            second.sessions.add(ProgrammeItem.findById(event.sessionB()));
            Event found = Event.findById(event.id());
            found.contactEmail = CONTACT;
        });
        return new Groups(event.id(), event.sessionA(), present, absent, waiting, cancelled, pending);
    }

    @Test
    void eachGroupReachesExactlyItsPeopleAndTheCountShownBeforeSendingMatches() throws Exception {
        Groups g = groups("Groepen");
        Map<String, Set<String>> expected = Map.of(
                "CONFIRMED", set(g.present(), g.absent()),
                "WAITLIST", set(g.waiting()),
                "SESSION-" + g.sessionA(), set(g.present()),
                "PRESENT", set(g.present()),
                "ABSENT", set(g.absent()),
                "EVERYONE", set(g.present(), g.absent(), g.waiting(), g.cancelled(), g.pending()));
        Actor admin = actor(ADMIN);
        Instant now = Instant.now();
        Map<String, Long> ids = new java.util.HashMap<>();
        for (String audience : expected.keySet()) {
            long id = messages.create(admin, g.eventId(), input(audience, "Bericht " + audience, "Hallo {voornaam}."))
                    .id;
            assertEquals(expected.get(audience).size(), QuarkusTransaction.requiringNew().call(() -> {
                OrganiserMessage message = OrganiserMessage.findById(id);
                return messages.count(message.event, message.audience,
                        message.session == null ? null : message.session.id);
            }), "the count shown before sending: " + audience);
            messages.sendNow(admin, g.eventId(), id, now);
            ids.put(audience, id);
        }

        dispatcher.dispatchDue(now.plusSeconds(1));

        for (var entry : expected.entrySet()) {
            assertEquals(entry.getValue(), recipientsOf(ids.get(entry.getKey())), entry.getKey());
            OrganiserMessage message = message(ids.get(entry.getKey()));
            assertEquals(MessageStatus.SENT, message.status);
            assertEquals(entry.getValue().size(), message.recipientCount);
        }

        MailTestData.sendEverythingDue(sender, Instant.now().plusSeconds(1));
        for (String address : expected.get("EVERYONE")) {
            long mails = smtp.received().stream().filter(m -> to(m).equalsIgnoreCase(address)
                    && subject(m).equals("Bericht EVERYONE")).count();
            assertEquals(1, mails, address + " gets the EVERYONE message once");
        }
    }

    @Test
    void aDispatcherThatDiesBetweenTwoBatchesIsContinuedWithoutSendingAnyoneTwice() throws Exception {
        MailTestData.TestEvent event = data.onlineEvent("Batches");
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String address = uniqueEmail("batch" + i);
            people.add(address);
            data.registerQuietly(event.id(), address, "Persoon" + i, "nl", RegistrationStatus.CONFIRMED,
                    Instant.now());
        }
        Actor admin = actor(ADMIN);
        long id = messages.create(admin, event.id(), input("CONFIRMED", "Batchbericht", "Hallo {voornaam}.")).id;
        Instant now = Instant.now();
        messages.sendNow(admin, event.id(), id, now);

        // The first dispatcher claims the message, writes one batch of two, and dies.
        MessageDispatcher.Claim dead = dispatcher.claim(now).stream().filter(claim -> claim.messageId() == id)
                .findFirst().orElseThrow();
        assertEquals(2, dispatcher.expandBatch(dead, 2, now).written());
        assertEquals(2, outboxRows(id));

        // While its lease runs, nobody else takes the message.
        dispatcher.dispatchDue(now.plusSeconds(60));
        assertEquals(MessageStatus.SENDING, message(id).status);
        assertEquals(2, outboxRows(id));

        // After the lease, the next run continues where the first left off.
        Instant later = now.plus(config.lease()).plusSeconds(1);
        dispatcher.dispatchDue(later);
        assertEquals(MessageStatus.SENT, message(id).status);
        assertEquals(5, message(id).recipientCount);
        assertEquals(5, outboxRows(id));
        assertEquals(new TreeSet<>(people), recipientsOf(id));

        // The first dispatcher wakes up: its claim is gone, it writes nothing.
        MessageDispatcher.Batch late = dispatcher.expandBatch(dead, 2, later);
        assertTrue(late.lost());
        assertEquals(5, outboxRows(id));

        MailTestData.sendEverythingDue(sender, later.plusSeconds(1));
        for (String address : people) {
            assertEquals(1, smtp.receivedBy(address).size(), address);
        }
        AuditEntry sent = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> find(
                "eventId = ?1 and action = ?2", event.id(), AuditLog.MESSAGE_SENT).singleResult());
        assertContains(sent.detail, "Batchbericht", ": 5 CONFIRMED");
    }

    @Test
    void aScheduledMessageGoesOutAtItsTimeAndACancelledOneNever() throws Exception {
        MailTestData.TestEvent event = data.onlineEvent("Ingepland");
        String person = uniqueEmail("ingepland");
        data.registerQuietly(event.id(), person, "Iris", "nl", RegistrationStatus.CONFIRMED, Instant.now());
        Actor organiser = actor(ADMIN);
        Instant now = Instant.now();
        LocalDate tomorrow = LocalDate.now(Dates.AMSTERDAM).plusDays(1);
        Instant due = tomorrow.atTime(9, 30).atZone(Dates.AMSTERDAM).toInstant();
        long scheduled = messages.create(organiser, event.id(), input("CONFIRMED", "Morgen", "Tot morgen.")).id;
        messages.schedule(organiser, event.id(), scheduled, tomorrow.toString(), "09:30", now);
        long cancelled = messages.create(organiser, event.id(), input("CONFIRMED", "Toch niet", "Vergeet dit.")).id;
        messages.schedule(organiser, event.id(), cancelled, tomorrow.toString(), "09:00", now);
        messages.cancel(organiser, event.id(), cancelled);

        assertThrows(InvalidEditException.class,
                () -> messages.schedule(organiser, event.id(), scheduled, LocalDate.now(Dates.AMSTERDAM)
                        .minusDays(1).toString(), "09:30", now), "a moment in the past is refused");
        dispatcher.dispatchDue(due.minusSeconds(1));
        assertEquals(MessageStatus.SCHEDULED, message(scheduled).status, "not before its time");
        assertEquals(0, outboxRows(scheduled));

        dispatcher.dispatchDue(due);
        assertEquals(MessageStatus.SENT, message(scheduled).status);
        assertEquals(1, outboxRows(scheduled));
        assertEquals(0, outboxRows(cancelled));
        assertEquals(MessageStatus.CANCELLED, message(cancelled).status);
        assertThrows(InvalidEditException.class, () -> messages.cancel(organiser, event.id(), scheduled),
                "a sent message cannot be cancelled");
        MailTestData.sendEverythingDue(sender, due.plusSeconds(1));
        assertEquals(List.of("Morgen"), smtp.receivedBy(person).stream().map(OrganiserMessagesTest::subject).toList());

        long accountId = organiser.accountId();
        List<String> actions = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> list(
                "eventId = ?1 and accountId = ?2 order by id", event.id(), accountId).stream()
                .map(entry -> entry.action).toList());
        assertTrue(actions.containsAll(List.of(AuditLog.MESSAGE_SAVED, AuditLog.MESSAGE_SCHEDULED,
                AuditLog.MESSAGE_CANCELLED)), actions.toString());
    }

    @Test
    void eachRecipientGetsTheirLanguageWithTheirOwnNameEscapedTheirLinkAndReplyToTheContact() throws Exception {
        MailTestData.TestEvent event = data.onlineEvent("Talen");
        String dutch = uniqueEmail("nl");
        String english = uniqueEmail("en");
        long dutchId = data.registerQuietly(event.id(), dutch, "Joop", "nl", RegistrationStatus.CONFIRMED,
                Instant.now());
        long englishId = data.registerQuietly(event.id(), english, "<b>Anna</b> *x*", "en",
                RegistrationStatus.CONFIRMED, Instant.now());
        QuarkusTransaction.requiringNew().run(() -> {
            Event found = Event.findById(event.id());
            found.contactEmail = CONTACT;
            found.titleEn = "Languages";
        });
        Actor admin = actor(ADMIN);
        MessageInput input = new MessageInput("CONFIRMED", "Nieuws voor {voornaam}",
                "Beste {voornaam},\n\nWelkom bij **{evenement}**. [Uw aanmelding]({beheerlink})",
                "News for {first_name}", "Dear {first_name},\n\nWelcome to **{event}**. Manage: {manage_link}",
                List.of(new LinkInput("Dia's", "https://example.org/dias.pdf")));
        long id = messages.create(admin, event.id(), input).id;
        messages.sendNow(admin, event.id(), id, Instant.now());
        dispatcher.dispatchDue(Instant.now().plusSeconds(1));
        MailTestData.sendEverythingDue(sender, Instant.now().plusSeconds(1));

        MimeMessage toDutch = smtp.receivedBy(dutch).get(0);
        assertEquals("Nieuws voor Joop", subject(toDutch));
        String dutchHtml = Mime.part(toDutch, "text/html");
        assertContains(dutchHtml, "Beste Joop,", "<strong>Talen</strong>",
                "/registrations/" + token(dutchId), "https://example.org/dias.pdf", "Dia&#39;s");
        assertContains(Mime.part(toDutch, "text/plain"), "Beste Joop,", "/registrations/" + token(dutchId),
                "- Dia's: https://example.org/dias.pdf");
        assertEquals(CONTACT, toDutch.getHeader("Reply-To")[0]);

        MimeMessage toEnglish = smtp.receivedBy(english).get(0);
        assertEquals("News for <b>Anna</b> *x*", subject(toEnglish));
        String englishHtml = Mime.part(toEnglish, "text/html");
        assertContains(englishHtml, "Dear &lt;b&gt;Anna&lt;/b&gt; *x*,", "<strong>Languages</strong>",
                "/registrations/" + token(englishId));
        assertLacks(englishHtml, "<b>Anna", "<em>x</em>");
        assertEquals("en", QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail> find(
                "registrationId", englishId).singleResult().locale));
    }

    @Test
    void someoneWhoLeftTheGroupBeforeTheirMailWasRenderedDoesNotGetIt() {
        MailTestData.TestEvent event = data.onlineEvent("Afgemeld");
        String person = uniqueEmail("afgemeld");
        long registrationId = data.registerQuietly(event.id(), person, "Ans", "nl", RegistrationStatus.CONFIRMED,
                Instant.now());
        Actor admin = actor(ADMIN);
        long id = messages.create(admin, event.id(), input("CONFIRMED", "Praktisch", "Neem een laptop mee.")).id;
        messages.sendNow(admin, event.id(), id, Instant.now());
        dispatcher.dispatchDue(Instant.now().plusSeconds(1));
        QuarkusTransaction.requiringNew().run(() -> {
            Registration registration = Registration.findById(registrationId);
            registration.status = RegistrationStatus.CANCELLED;
            registration.cancelledAt = Instant.now();
        });
        MailTestData.sendEverythingDue(sender, Instant.now().plusSeconds(1));
        OutboxMail mail = QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail> find(
                "organiserMessageId", id).singleResult());
        assertEquals(MailStatus.SUPERSEDED, mail.status);
        assertEquals(0, smtp.receivedBy(person).size());
    }

    @Test
    void theOrganiserWritesTestsAndSendsAMessageInTheBackOfficeAndOutsidersAreRefused() throws Exception {
        MailTestData.TestEvent event = data.onlineEvent("Backoffice");
        QuarkusTransaction.requiringNew().run(() -> {
            Event found = Event.findById(event.id());
            found.organisation = Organisation.find("slug", "platform31").firstResult();
        });
        String person = uniqueEmail("pagina");
        long registrationId = data.registerQuietly(event.id(), person, "Paula", "nl", RegistrationStatus.CONFIRMED,
                Instant.now());
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        String base = "/admin/events/" + event.id() + "/messages";

        String compose = organiser.get(base + "/new").then().statusCode(200).extract().asString();
        assertContains(compose, "Alle bevestigde aanmelders (1 adressen)", "{voornaam} / {first_name}");

        Response refused = organiser.post().formParam("audience", "CONFIRMED").formParam("subjectNl", "Hoi {naam}")
                .formParam("bodyNl", "Tekst").formParam("linkLabel1", "Dia's").formParam("linkUrl1", "javascript:x")
                .post(base);
        assertEquals(422, refused.statusCode());
        assertContains(refused.asString(), "Onbekende plaatshouder: {naam}", "value=\"Hoi {naam}\"",
                "aria-describedby=\"f-subjectNl-error\"", "href=\"#f-linkUrl1\"");

        Response created = organiser.post().formParam("audience", "CONFIRMED")
                .formParam("subjectNl", "Praktische informatie").formParam("bodyNl", "Beste {voornaam}, tot dan!")
                .post(base);
        assertEquals(303, created.statusCode());
        String location = created.header("Location");
        long id = Long.parseLong(location.replaceAll(".*/messages/([0-9]+).*", "$1"));
        String page = organiser.get(location.replaceAll("^https?://[^/]+", "")).then().statusCode(200).extract()
                .asString();
        assertContains(page, "Beste Paula, tot dan!", "Nu versturen", "<dd id=\"message-count-now\">1</dd>");

        assertEquals(303, organiser.post().formParam("action", "test-nl").formParam("audience", "CONFIRMED")
                .formParam("subjectNl", "Praktische informatie").formParam("bodyNl", "Beste {voornaam}, tot dan!")
                .post(base + "/" + id).statusCode());
        OutboxMail test = QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail> find(
                "organiserMessageId = ?1 and kind = ?2", id, MailKind.ORGANISER_MESSAGE_TEST).singleResult());
        assertEquals(ORGANISER, test.recipient);
        assertContains(test.subject, "[Test] Praktische informatie");

        AdminClient outsider = AdminClient.loggedIn("vilans@example.org", AdminClient.DEMO_PASSWORD);
        assertEquals(403, outsider.get(base + "/" + id).statusCode());
        assertEquals(403, outsider.post().formParam("action", "send").post(base + "/" + id).statusCode());
        assertEquals(MessageStatus.DRAFT, message(id).status);

        assertEquals(303, organiser.post().formParam("action", "send").formParam("audience", "CONFIRMED")
                .formParam("subjectNl", "Praktische informatie").formParam("bodyNl", "Beste {voornaam}, tot dan!")
                .post(base + "/" + id).statusCode());
        assertEquals(MessageStatus.SCHEDULED, message(id).status);
        dispatcher.dispatchDue(Instant.now().plusSeconds(1));
        MailTestData.sendEverythingDue(sender, Instant.now().plusSeconds(1));
        assertEquals(1, smtp.receivedBy(person).size());

        String sent = organiser.get(base + "/" + id).asString();
        assertContains(sent, "id=\"recipients\"", person, "Verstuurd");
        assertContains(organiser.get(base).asString(), "Praktische informatie");
        String history = organiser.get("/admin/events/" + event.id() + "/registrations/" + registrationId)
                .asString();
        assertContains(history, "bericht van de organisator",
                "href=\"/admin/events/" + event.id() + "/messages/" + id + "\"");
        String hub = organiser.get("/admin/events/" + event.id()).asString();
        assertContains(hub, "href=\"/admin/events/" + event.id() + "/messages\"");
        long accountId = actor(ORGANISER).accountId();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "eventId = ?1 and action = ?2 and accountId = ?3", event.id(), AuditLog.MESSAGE_SEND_NOW,
                accountId)) == 1);
    }

    @Test
    void theFollowUpPreparesOneMessageForThosePresentAndAnotherForThoseAbsentFromTheMaterials() {
        Instant start = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        MailTestData.TestEvent event = data.event("Afgelopen", EventFormat.ONLINE, start);
        String present = uniqueEmail("was-er");
        String absent = uniqueEmail("was-er-niet");
        long presentId = data.registerQuietly(event.id(), present, "Piet", "nl", RegistrationStatus.CONFIRMED,
                start.minus(Duration.ofDays(5)));
        data.registerQuietly(event.id(), absent, "Aad", "nl", RegistrationStatus.CONFIRMED,
                start.minus(Duration.ofDays(5)));
        QuarkusTransaction.requiringNew().run(() -> {
            Registration registration = Registration.findById(presentId);
            registration.checkedInAt = start;
            Event found = Event.findById(event.id());
            material(found, MaterialKind.SLIDES, "Presentatie", "https://example.org/slides.pdf", 0);
            material(found, MaterialKind.RECORDING, "Opname", "https://video.example.org/opname", 1);
            material(found, MaterialKind.LINK, "Evaluatie", "https://forms.example.org/evaluatie", 2);
        });
        Actor admin = actor(ADMIN);

        OrganiserMessages.FollowUp followUp = messages.prepareFollowUp(admin, event.id(), "", Instant.now());
        assertEquals(1, followUp.present());
        assertEquals(1, followUp.absent());
        OrganiserMessage toPresent = message(followUp.forPresent().id);
        OrganiserMessage toAbsent = message(followUp.forAbsent().id);
        assertEquals(Audience.PRESENT, toPresent.audience);
        assertEquals(MessagePurpose.FOLLOW_UP_PRESENT, toPresent.purpose);
        assertEquals(MessageStatus.DRAFT, toPresent.status);
        assertContains(toPresent.bodyNl, "Bedankt", "https://forms.example.org/evaluatie");
        assertContains(toPresent.bodyEn, "Thank you");
        assertEquals(List.of("https://example.org/slides.pdf", "https://video.example.org/opname"),
                toPresent.links.stream().map(link -> link.url).toList());
        assertEquals(Audience.ABSENT, toAbsent.audience);
        assertContains(toAbsent.bodyNl, "Jammer");
        assertLacks(toAbsent.bodyNl, "evaluatie");
        assertEquals(List.of("https://example.org/slides.pdf", "https://video.example.org/opname"),
                toAbsent.links.stream().map(link -> link.url).toList(), "in the order of the event's Terugblik");

        OrganiserMessages.FollowUp again = messages.prepareFollowUp(admin, event.id(), "", Instant.now());
        assertEquals(toPresent.id, again.forPresent().id, "opened again, not made twice");

        messages.sendNow(admin, event.id(), toPresent.id, Instant.now());
        messages.sendNow(admin, event.id(), toAbsent.id, Instant.now());
        dispatcher.dispatchDue(Instant.now().plusSeconds(1));
        assertEquals(set(present), recipientsOf(toPresent.id));
        assertEquals(set(absent), recipientsOf(toAbsent.id));

        MailTestData.TestEvent future = data.onlineEvent("Nog niet");
        assertThrows(InvalidEditException.class,
                () -> messages.prepareFollowUp(admin, future.id(), "", Instant.now()), "not before the end");
    }

    // ---- helpers ----

    private static void material(Event event, MaterialKind kind, String title, String url, int order) {
        EventMaterial material = new EventMaterial();
        material.event = event;
        material.kind = kind;
        material.title = title;
        material.url = url;
        material.sortOrder = order;
        material.persist();
        event.materials.add(material);
    }

    private static MessageInput input(String audience, String subject, String body) {
        return new MessageInput(audience, subject, body, null, null, List.of());
    }

    private static Actor actor(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Actor.of(Account.findByEmail(email).orElseThrow()));
    }

    private static OrganiserMessage message(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OrganiserMessage message = OrganiserMessage.findById(id);
            message.links.size();
            return message;
        });
    }

    private static long outboxRows(long messageId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("organiserMessageId = ?1 and kind = ?2",
                messageId, MailKind.ORGANISER_MESSAGE));
    }

    /** The addresses (lower-cased) that have an outbox mail of the message. */
    private static Set<String> recipientsOf(long messageId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxMail> mails = OutboxMail.list("organiserMessageId = ?1 and kind = ?2", messageId,
                    MailKind.ORGANISER_MESSAGE);
            Set<String> addresses = new TreeSet<>();
            for (OutboxMail mail : mails) {
                assertTrue(addresses.add(mail.recipient.toLowerCase()), "one mail per address: " + mail.recipient);
            }
            return addresses;
        });
    }

    private static String token(long registrationId) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration> findById(registrationId)
                .token);
    }

    private static Set<String> set(String... addresses) {
        Set<String> set = new TreeSet<>();
        for (String address : addresses) {
            set.add(address.toLowerCase());
        }
        return set;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
