package nl.kennisagenda.newsletter.issue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.mail.GreenMailProfile;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.NewsletterIssue;

/** The public archive and its Atom feed: sent issues only, newest first, per organisation, in the page's language. */
@QuarkusTest
@TestProfile(GreenMailProfile.class)
class NewsletterArchiveTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Inject
    IssueEditions editions;

    @Inject
    SiteConfig site;

    @Test
    void theArchiveListsTheSentIssuesOfAnOrganisationNewestFirstAndNothingElse() {
        Organisation network = NewsletterFixtures.organisation("Netwerk Archief");
        NewsletterFixtures.event(network, "In het archief", Duration.ofDays(3), e -> {
        });
        NewsletterIssue older = sent(network, "Eerste nummer", null, Instant.now().minus(Duration.ofDays(14)));
        NewsletterIssue newer = sent(network, "Tweede nummer", null, Instant.now().minus(Duration.ofDays(1)));
        NewsletterIssue scheduled = NewsletterFixtures.sentIssue(network, editions, issue -> issue.subjectNl = "Nog niet");
        QuarkusTransaction.requiringNew().run(() -> NewsletterIssue.update("status = ?1 where id = ?2",
                IssueStatus.SCHEDULED, scheduled.id));

        Response response = given().get("/newsletter/archive?organisation=" + network.slug);
        assertEquals(200, response.statusCode());
        XmlPath page = new XmlPath(XmlPath.CompatibilityMode.HTML, response.asString());
        List<String> listed = new ArrayList<>(page.getList("**.findAll { it.@class == 'archive-list' }.li.a", String.class));
        assertEquals(List.of("Tweede nummer", "Eerste nummer"), listed);
        assertEquals("/newsletter/archive.atom?organisation=" + network.slug,
                page.getString("**.find { it.name() == 'link' && it.@rel == 'alternate' }.@href"));
        assertEquals("application/atom+xml",
                page.getString("**.find { it.name() == 'link' && it.@rel == 'alternate' }.@type"));

        assertEquals(200, given().get("/newsletter/archive/" + older.id).statusCode());
        assertEquals(404, given().get("/newsletter/archive/" + scheduled.id).statusCode(), "not sent: not public");
        assertEquals(404, given().get("/newsletter/archive?organisation=bestaat-niet").statusCode());
        assertTrue(given().get("/newsletter/archive").asString().contains(">Tweede nummer<"), "the whole archive too");
        assertTrue(newer.id > older.id);
    }

    @Test
    void anIssuePageShowsTheEditionInThePagesLanguageAndFallsBackToDutch() {
        Organisation network = NewsletterFixtures.organisation("Netwerk Talen");
        NewsletterIssue both = sent(network, "Nederlands nummer", "English issue", Instant.now());
        NewsletterIssue dutchOnly = sent(network, "Alleen Nederlands", null, Instant.now());

        XmlPath dutch = new XmlPath(XmlPath.CompatibilityMode.HTML,
                given().get("/newsletter/archive/" + both.id).asString());
        assertEquals("Nederlands nummer", dutch.getString("html.body.main.article.h1").strip());
        XmlPath english = new XmlPath(XmlPath.CompatibilityMode.HTML,
                given().get("/newsletter/archive/" + both.id + "?lang=en").asString());
        assertEquals("English issue", english.getString("html.body.main.article.h1").strip());
        assertEquals("en", english.getString("html.body.main.article.@lang"));
        XmlPath fallback = new XmlPath(XmlPath.CompatibilityMode.HTML,
                given().get("/newsletter/archive/" + dutchOnly.id + "?lang=en").asString());
        assertEquals("Alleen Nederlands", fallback.getString("html.body.main.article.h1").strip());
        assertEquals("nl", fallback.getString("html.body.main.article.@lang"));
    }

    @Test
    void theAtomFeedIsValidAtomWithTheSentIssuesOnly() throws Exception {
        Organisation network = NewsletterFixtures.organisation("Netwerk Feed & Co");
        NewsletterIssue first = sent(network, "Feed <één>", null, Instant.parse("2026-03-01T08:00:00Z"));
        NewsletterIssue second = sent(network, "Feed twee", null, Instant.parse("2026-03-15T08:00:00Z"));
        NewsletterIssue draft = QuarkusTransaction.requiringNew().call(() -> IssueEditing.newDraft(
                Organisation.findById(network.id), Instant.now(), null));

        Response response = given().get("/newsletter/archive.atom?organisation=" + network.slug);
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("application/atom+xml"), response.contentType());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.asString().getBytes(StandardCharsets.UTF_8)));
        Element root = feed.getDocumentElement();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        assertEquals(site.url("/newsletter/archive.atom?organisation=" + network.slug),
                child(root, "id").getTextContent());
        assertEquals("2026-03-15T08:00:00Z", child(root, "updated").getTextContent());
        assertEquals("Nieuwsbrief van Netwerk Feed & Co – Kennisagenda", child(root, "title").getTextContent());
        assertTrue(hasLink(root, "self", child(root, "id").getTextContent()));

        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        assertEquals(2, entries.getLength(), "the draft is not in the feed");
        Element newest = (Element) entries.item(0);
        assertEquals("Feed twee", child(newest, "title").getTextContent());
        assertTrue(hasLink(newest, "alternate", site.url("/newsletter/archive/" + second.id)));
        Element oldest = (Element) entries.item(1);
        assertEquals("Feed <één>", child(oldest, "title").getTextContent(), "escaped, and read back as typed");
        assertEquals("html", child(oldest, "content").getAttribute("type"));
        assertTrue(child(oldest, "content").getTextContent().contains("Komende bijeenkomsten"));
        assertFalse(child(oldest, "summary").getTextContent().isBlank());
        assertFalse(response.asString().contains("/newsletter/archive/" + draft.id + "<"));
        assertTrue(first.id < second.id);
    }

    private NewsletterIssue sent(Organisation network, String subjectNl, String subjectEn, Instant sentAt) {
        NewsletterIssue issue = NewsletterFixtures.sentIssue(network, editions, draft -> {
            draft.subjectNl = subjectNl;
            draft.subjectEn = subjectEn;
        });
        QuarkusTransaction.requiringNew().run(() -> NewsletterIssue.update("sentAt = ?1 where id = ?2", sentAt,
                issue.id));
        return issue;
    }

    private static Element child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                return element;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
    }

    private static boolean hasLink(Element parent, String rel, String href) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && "link".equals(element.getLocalName())
                    && rel.equals(element.getAttribute("rel")) && href.equals(element.getAttribute("href"))) {
                return true;
            }
        }
        return false;
    }
}
