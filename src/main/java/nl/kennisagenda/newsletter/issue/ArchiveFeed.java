package nl.kennisagenda.newsletter.issue;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import nl.kennisagenda.newsletter.NewsletterIssue;

/**
 * The Atom 1.0 feed (RFC 4287) of the archive, written with an XML writer so every value is escaped: feed id and
 * self link (the feed's own address, with its organisation filter), updated (the newest issue's send time), an
 * author, and per sent issue an entry with a stable id, its page as the alternate link, the Dutch subject as title
 * and the frozen Dutch edition as HTML content.
 */
public final class ArchiveFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private ArchiveFeed() {
    }

    /**
     * @param selfUrl the feed's absolute address
     * @param archiveUrl the archive page it belongs to
     * @param issueUrlPrefix the absolute address of an issue's page without its id (prefix + id)
     */
    public static String write(String title, String selfUrl, String archiveUrl, String issueUrlPrefix,
            String author, List<NewsletterIssue> issues, Instant emptyUpdated) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", selfUrl);
            element(xml, "title", title);
            element(xml, "updated", time(issues.isEmpty() ? emptyUpdated : sentAt(issues.get(0))));
            link(xml, "self", selfUrl, "application/atom+xml");
            link(xml, "alternate", archiveUrl, "text/html");
            xml.writeStartElement("author");
            element(xml, "name", author);
            xml.writeEndElement();
            for (NewsletterIssue issue : issues) {
                String url = issueUrlPrefix + issue.id;
                xml.writeStartElement("entry");
                element(xml, "id", url);
                element(xml, "title", issue.editionSubjectNl);
                element(xml, "updated", time(sentAt(issue)));
                element(xml, "published", time(sentAt(issue)));
                link(xml, "alternate", url, "text/html");
                xml.writeStartElement("author");
                element(xml, "name", issue.organisation.name);
                xml.writeEndElement();
                xml.writeStartElement("summary");
                xml.writeCharacters(summary(issue.editionTextNl));
                xml.writeEndElement();
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(issue.editionHtmlNl == null ? "" : issue.editionHtmlNl);
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the newsletter feed", e);
        }
        return out.toString();
    }

    /** The first lines of the text edition, up to about 300 characters. */
    static String summary(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 299).strip() + "\u2026";
    }

    private static Instant sentAt(NewsletterIssue issue) {
        return issue.sentAt != null ? issue.sentAt : issue.updatedAt;
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}
