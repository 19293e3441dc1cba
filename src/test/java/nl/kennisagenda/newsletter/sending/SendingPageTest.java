package nl.kennisagenda.newsletter.sending;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import nl.kennisagenda.audit.AuditEntry;
import nl.kennisagenda.backoffice.AdminClient;
import nl.kennisagenda.newsletter.IssueStatus;

/** The progress page of a send, with pause and resume, and who may see and use it. */
@QuarkusTest
class SendingPageTest {

    @Inject
    NewsletterSender sender;

    @Test
    void theOrganiserFollowsTheSendPausesItAndResumesItUntilTheTotalsAreShown() {
        long organisation = SendingFixtures.organisation("Netwerk Voortgang");
        String run = "p" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            SendingFixtures.confirmed(run + "-" + i + "@example.org", organisation);
        }
        long issue = SendingFixtures.scheduledIssue(organisation, false);
        Instant now = Instant.now();
        sender.startDue(now);
        sender.expandStep(now);
        AdminClient admin = AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD);
        String page = "/admin/newsletter/issues/" + issue + "/sending";

        XmlPath sending = html(admin.get(page), 200);
        assertTrue(sending.getString("html.head.title").startsWith("Verzending: Nieuwsbrief: webinars in december"),
                sending.getString("html.head.title"));
        assertEquals("3", sending.getString(PROGRESS + ".@max"));
        assertEquals("0", sending.getString(PROGRESS + ".@value"));
        assertEquals("Verstuurd", sending.getString("**.find { it.name() == 'label' && it.@for == 'send-progress' }"));
        assertTrue(text(sending).contains("0 van 3 verstuurd"), text(sending));
        assertEquals("Wordt verstuurd", sending.getString(STATUS));

        Response paused = admin.post().post(page + "/pause");
        assertEquals(303, paused.statusCode());
        assertEquals(IssueStatus.PAUSED, SendingFixtures.status(issue));
        sender.sendBatch(Instant.now());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> nl.kennisagenda.mail.OutboxMail.count(
                "newsletterIssueId = ?1 and status <> ?2", issue, nl.kennisagenda.mail.MailStatus.PENDING)),
                "a paused send sends nothing (other issues' deliveries in the shared database may go)");
        XmlPath pausedPage = html(admin.get(page + "?notice=paused"), 200);
        assertTrue(text(pausedPage).contains("De verzending is gepauzeerd."), text(pausedPage));
        assertEquals("Gepauzeerd", pausedPage.getString(STATUS));
        assertEquals(List.of(page + "/resume"), forms(pausedPage), "only a resume button");

        assertEquals(303, admin.post().post(page + "/resume").statusCode());
        assertEquals(IssueStatus.SENDING, SendingFixtures.status(issue));
        sender.runUntilIdle(Duration.ofSeconds(30));

        XmlPath done = html(admin.get(page), 200);
        assertEquals("3", done.getString(PROGRESS + ".@value"));
        assertTrue(text(done).contains("3 van 3 verstuurd") && text(done).contains("Klaar"), text(done));
        assertEquals("Verstuurd", done.getString(STATUS));
        assertTrue(forms(done).stream().noneMatch(action -> action.startsWith(page)), "nothing left to pause");
        List<String> audit = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "organisationId = ?1 order by id", organisation).stream().map(e -> e.action).toList());
        assertEquals(List.of(NewsletterSender.AUDIT_STARTED, SendingService.AUDIT_PAUSED,
                SendingService.AUDIT_RESUMED, NewsletterSender.AUDIT_FINISHED), audit);
    }

    @Test
    void organisersOfAnotherOrganisationAndAnonymousVisitorsAreRefused() {
        long issue = SendingFixtures.sendingIssue("platform31");
        String page = "/admin/newsletter/issues/" + issue + "/sending";
        AdminClient outsider = AdminClient.loggedIn("vilans@example.org", AdminClient.DEMO_PASSWORD);
        assertEquals(403, outsider.get(page).statusCode());
        assertEquals(403, outsider.post().post(page + "/pause").statusCode());
        assertEquals(IssueStatus.SENDING, SendingFixtures.status(issue));
        Response anonymous = given().redirects().follow(false).get(page);
        assertTrue(anonymous.statusCode() == 302 || anonymous.statusCode() == 303 || anonymous.statusCode() == 401,
                "anonymous: " + anonymous.statusCode());
        AdminClient owner = AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
        assertEquals(200, owner.get(page).statusCode());
        assertEquals(404, owner.get("/admin/newsletter/issues/999999999/sending").statusCode());
    }

    private static final String STATUS = "**.find { it.name() == 'span' && it.@id == 'send-status' }";

    private static final String PROGRESS = "**.find { it.name() == 'progress' && it.@id == 'send-progress' }";

    private static XmlPath html(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        return response.htmlPath();
    }

    private static String text(XmlPath page) {
        return page.getString("html.body").replaceAll("\\s+", " ");
    }

    /** The actions of the page's forms, the log-out form of the bar excluded. */
    private static List<String> forms(XmlPath page) {
        return page.getList("**.findAll { it.name() == 'form' }.@action", String.class).stream()
                .filter(action -> !action.equals("/admin/logout")).toList();
    }
}
