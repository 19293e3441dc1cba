package nl.kennisagenda.newsletter.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import nl.kennisagenda.audit.AuditEntry;
import nl.kennisagenda.backoffice.AdminClient;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.mail.GreenMailProfile;
import nl.kennisagenda.mail.MailClientWarmUp;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.MailTestData;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.OutboxSender;
import nl.kennisagenda.mail.SmtpServer;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.NewsletterIssue;

/**
 * The organisers' newsletter pages: settings, the issue editor (texts, preview in both languages, schedule, cancel),
 * the test mail through the outbox to real SMTP, and access refused to organisers of another organisation.
 */
@QuarkusTest
@TestProfile(GreenMailProfile.class)
class NewsletterEditorTest {

    static final String ORGANISER = "platform31@example.org";
    static final String OUTSIDER = "vilans@example.org";

    SmtpServer smtp;

    @Inject
    OutboxSender sender;

    @Inject
    MailClientWarmUp mailClient;

    @BeforeEach
    void emptyMailbox() {
        smtp.start();
        mailClient.awaitDelivery(smtp);
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.delete("id > 0"));
        smtp.purge();
    }

    @Test
    void anOrganiserSavesTheSettingsAndTheyAreAudited() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/organisations/platform31/newsletter");
        Response saved = organiser.post().formParam("enabled", "on").formParam("weekday", "4")
                .formParam("timeOfDay", "08:30").formParam("everyOtherWeek", "on")
                .formParam("anchorDate", "2027-01-07").formParam("weeksAhead", "6")
                .formParam("includeMaterials", "on").formParam("materialWeeks", "3")
                .post("/admin/organisations/platform31/newsletter/settings");
        assertEquals(303, saved.statusCode());

        NewsletterSettings settings = QuarkusTransaction.requiringNew().call(() -> NewsletterSettings
                .findById(Organisation.findBySlug("platform31").orElseThrow().id));
        assertTrue(settings.enabled);
        assertEquals(4, settings.weekday);
        assertEquals(LocalTime.of(8, 30), settings.timeOfDay);
        assertEquals(LocalDate.of(2027, 1, 7), settings.anchorDate);
        assertEquals(6, settings.weeksAhead);
        assertFalse(settings.autoSend);
        assertEquals(3, settings.materialWeeks);
        assertTrue(lastAuditAction(settings.organisationId).equals(IssueEditing.SETTINGS_CHANGED));

        XmlPath page = html(organiser.get("/admin/organisations/platform31/newsletter?done=settings").asString());
        assertEquals("De instellingen zijn opgeslagen.", text(page, "**.find { it.@role == 'status' }"));
        assertEquals("08:30", attr(page, "f-timeOfDay", "value"));
        assertEquals("Volgende concept: donderdag 7 januari 2027.", text(page, "**.find { it.name() == 'p' && it.text().startsWith('Volgende concept') }"));
        assertEquals(1, count(page, "**.findAll { it.@href == '/admin/organisations/platform31/subscribers' }"));
    }

    @Test
    void settingsThatCannotBeUsedComeBackWithTheirErrorsAndValues() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/organisations/platform31/newsletter");
        Response refused = organiser.post().formParam("weekday", "9").formParam("timeOfDay", "25:00")
                .formParam("anchorDate", "morgen").formParam("weeksAhead", "0").formParam("materialWeeks", "4")
                .post("/admin/organisations/platform31/newsletter/settings");
        assertEquals(422, refused.statusCode());
        XmlPath page = html(refused.asString());
        assertEquals(4, count(page, "**.findAll { it.name() == 'li' && it.parent().parent().@class == 'error-summary' }"));
        assertEquals("25:00", attr(page, "f-timeOfDay", "value"));
        assertEquals("f-timeOfDay-help f-timeOfDay-error", attr(page, "f-timeOfDay", "aria-describedby"));
        assertEquals("Vul een tijd in als 09:00.", text(page, "**.find { it.@id == 'f-timeOfDay-error' }"));
    }

    @Test
    void anIssueIsEditedPreviewedInBothLanguagesScheduledAndCancelled() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/organisations/platform31/newsletter");
        Response created = organiser.post().post("/admin/organisations/platform31/newsletter/issues");
        assertEquals(303, created.statusCode());
        String editor = created.header("Location").replaceFirst("^https?://[^/]+", "").replace("?done=created", "");
        long id = Long.parseLong(editor.substring(editor.lastIndexOf('/') + 1));

        organiser.get(editor);
        Response missingSubject = organiser.post().formParam("subjectNl", " ").formParam("introNl", "Hallo")
                .formParam("introEn", "Hello").post(editor);
        assertEquals(422, missingSubject.statusCode());
        XmlPath refused = html(missingSubject.asString());
        assertEquals("Hallo", text(refused, "**.find { it.@id == 'f-introNl' }"), "typed values are kept");
        assertEquals(2, count(refused, "**.findAll { it.name() == 'li' && it.parent().parent().@class == 'error-summary' }"));

        assertEquals(303, organiser.post().formParam("subjectNl", "Nieuws uit het netwerk")
                .formParam("introNl", "Welkom *allemaal*.").formParam("subjectEn", "News from the network")
                .formParam("introEn", "Welcome *everyone*.").formParam("freeNl", "Tot ziens!").post(editor)
                .statusCode());

        XmlPath dutch = html(organiser.get(editor + "/preview?edition=nl").asString());
        assertEquals("Nieuws uit het netwerk", text(dutch, "**.find { it.@id == 'preview-subject' }"));
        assertEquals("allemaal", text(dutch, "**.find { it.name() == 'em' }"));
        assertEquals("Komende bijeenkomsten", text(dutch, "**.findAll { it.name() == 'h2' }[1]"));
        XmlPath english = html(organiser.get(editor + "/preview?edition=en").asString());
        assertEquals("News from the network", text(english, "**.find { it.@id == 'preview-subject' }"));
        assertEquals("Upcoming events", text(english, "**.findAll { it.name() == 'h2' }[1]"));

        Response past = organiser.post().formParam("sendAt", "2020-01-01T09:00").post(editor + "/schedule");
        assertEquals(422, past.statusCode());
        assertEquals(IssueStatus.DRAFT, NewsletterFixtures.issue(id).status);

        String tomorrow = LocalDateTime.now(Dates.AMSTERDAM).plusDays(1).withSecond(0).withNano(0)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        assertEquals(303, organiser.post().formParam("sendAt", tomorrow).post(editor + "/schedule").statusCode());
        NewsletterIssue scheduled = NewsletterFixtures.issue(id);
        assertEquals(IssueStatus.SCHEDULED, scheduled.status);
        assertEquals(LocalDateTime.parse(tomorrow).atZone(Dates.AMSTERDAM).toInstant(), scheduled.sendAt);
        assertEquals("News from the network", scheduled.editionSubjectEn);
        assertTrue(scheduled.editionTextNl.contains("Tot ziens!"));
        assertEquals(IssueEditing.ISSUE_SCHEDULED, lastAuditAction(scheduled.organisation.id));

        assertEquals(422, organiser.post().formParam("subjectNl", "Te laat").post(editor).statusCode(),
                "a scheduled issue is frozen");
        assertEquals(303, organiser.post().post(editor + "/cancel").statusCode());
        NewsletterIssue cancelled = NewsletterFixtures.issue(id);
        assertEquals(IssueStatus.DRAFT, cancelled.status);
        assertNull(cancelled.editionHtmlNl);
        assertNull(cancelled.sendAt);
        assertEquals(IssueEditing.ISSUE_CANCELLED, lastAuditAction(cancelled.organisation.id));
        assertEquals(422, organiser.post().post(editor + "/cancel").statusCode(), "only a scheduled issue");
    }

    @Test
    void theCancelLosesToTheSenderThatClaimedTheIssueFirst() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/organisations/platform31/newsletter");
        String editor = organiser.post().post("/admin/organisations/platform31/newsletter/issues").header("Location")
                .replaceFirst("^https?://[^/]+", "").replace("?done=created", "");
        long id = Long.parseLong(editor.substring(editor.lastIndexOf('/') + 1));
        organiser.get(editor);
        assertEquals(303, organiser.post().post(editor + "/send-now").statusCode());
        // The sender claims it (its conditional update), just before the organiser's cancel arrives.
        QuarkusTransaction.requiringNew().run(() -> NewsletterIssue.update("status = ?1 where id = ?2 and status = ?3",
                IssueStatus.SENDING, id, IssueStatus.SCHEDULED));

        Response cancel = organiser.post().post(editor + "/cancel");
        assertEquals(422, cancel.statusCode());
        assertEquals(IssueStatus.SENDING, NewsletterFixtures.issue(id).status);
        XmlPath page = html(cancel.asString());
        assertEquals(1, count(page, "**.findAll { it.@href == '/admin/newsletter/issues/" + id + "/sending' }"),
                "a sending issue links to its progress");
    }

    @Test
    void theTestMailGoesToTheOrganisersOwnAddressAndSaysItIsATest() throws Exception {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/organisations/platform31/newsletter");
        String editor = organiser.post().post("/admin/organisations/platform31/newsletter/issues").header("Location")
                .replaceFirst("^https?://[^/]+", "").replace("?done=created", "");
        organiser.get(editor);
        organiser.post().formParam("subjectNl", "Proefnummer").formParam("introNl", "Dit is **de inleiding**.")
                .post(editor);

        assertEquals(303, organiser.post().formParam("edition", "nl").post(editor + "/test").statusCode());
        MailTestData.sendEverythingDue(sender, Instant.now());

        List<MimeMessage> received = smtp.receivedBy(ORGANISER);
        assertEquals(1, received.size());
        MimeMessage mail = received.get(0);
        assertEquals("[Test] Proefnummer", mail.getSubject());
        assertNull(mail.getHeader("List-Unsubscribe"), "no subscriber, so no unsubscribe header");
        String html = part(mail, "text/html");
        String text = part(mail, "text/plain");
        assertTrue(html.contains("<strong>de inleiding</strong>"), html);
        assertTrue(html.contains("Dit is een testmail."), html);
        assertTrue(text.contains("In deze testmail is er geen echte afmeldlink."), text);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("kind", MailKind.NEWSLETTER_TEST)));
    }

    @Test
    void anOrganiserOfAnotherOrganisationIsRefused() {
        AdminClient owner = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        owner.get("/admin/organisations/platform31/newsletter");
        String editor = owner.post().post("/admin/organisations/platform31/newsletter/issues").header("Location")
                .replaceFirst("^https?://[^/]+", "").replace("?done=created", "");
        long id = Long.parseLong(editor.substring(editor.lastIndexOf('/') + 1));

        AdminClient outsider = AdminClient.loggedIn(OUTSIDER, AdminClient.DEMO_PASSWORD);
        outsider.get("/admin");
        assertEquals(403, outsider.get("/admin/organisations/platform31/newsletter").statusCode());
        assertEquals(403, outsider.get(editor).statusCode());
        assertEquals(403, outsider.get(editor + "/preview?edition=nl").statusCode());
        assertEquals(403, outsider.post().formParam("subjectNl", "Overgenomen").post(editor).statusCode());
        assertEquals(403, outsider.post().post(editor + "/send-now").statusCode());
        assertEquals(403, outsider.post().post(editor + "/test").statusCode());
        assertEquals(403, outsider.post().formParam("weekday", "1").post(
                "/admin/organisations/platform31/newsletter/settings").statusCode());
        NewsletterIssue untouched = NewsletterFixtures.issue(id);
        assertEquals(IssueStatus.DRAFT, untouched.status);
        assertFalse("Overgenomen".equals(untouched.subjectNl));
    }

    private static XmlPath html(String page) {
        return new XmlPath(XmlPath.CompatibilityMode.HTML, page);
    }

    private static String text(XmlPath page, String path) {
        return page.getString(path).strip();
    }

    private static String attr(XmlPath page, String id, String attribute) {
        return page.getString("**.find { it.@id == '" + id + "' }.@'" + attribute + "'");
    }

    private static int count(XmlPath page, String path) {
        return page.getInt(path + ".size()");
    }

    private static String lastAuditAction(long organisationId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> find(
                "organisationId = ?1 order by id desc", organisationId).firstResult().action);
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
