package nl.kennisagenda.newsletter.issue.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.newsletter.NewsletterIssue;
import nl.kennisagenda.newsletter.issue.ArchiveFeed;
import nl.kennisagenda.newsletter.issue.IssueEditions;
import nl.kennisagenda.newsletter.issue.NewsIssueTexts;
import nl.kennisagenda.newsletter.issue.NewsletterArchive;

/**
 * The public archive of sent issues: the list (optionally of one organisation, {@code ?organisation=slug}), one
 * issue in the page's language (English falls back to Dutch), and the Atom feed. Issues that were not sent are 404.
 */
@Path("/newsletter")
public class NewsletterArchiveResource {

    /** An archive page: the issues and the organisation it is filtered on (null: all). */
    public record ArchivePage(List<NewsletterIssue> issues, Organisation organisation,
            List<Organisation> organisations, String feedUrl) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance archive(ArchivePage page);

        static native TemplateInstance archiveIssue(NewsletterIssue issue, IssueEditions.Edition edition,
                String editionLang);
    }

    @Inject
    NewsletterArchive archive;

    @Inject
    SiteConfig site;

    @Inject
    CurrentLocale locale;

    @GET
    @Path("archive")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance list(@RestQuery String organisation) {
        Optional<Organisation> filter = organisation(organisation);
        return Templates.archive(new ArchivePage(archive.sent(filter), filter.orElse(null), Organisation.allByName(),
                feedPath(filter)));
    }

    @GET
    @Path("archive/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance issue(@RestPath String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw new NotFoundException();
        }
        NewsletterIssue issue = archive.sentIssue(Long.parseLong(id)).orElseThrow(NotFoundException::new);
        boolean english = "en".equals(locale.language()) && issue.hasEnglishEdition();
        return Templates.archiveIssue(issue, IssueEditions.frozen(issue, english), english ? "en" : "nl");
    }

    @GET
    @Path("archive.atom")
    @Produces("application/atom+xml")
    @Operation(hidden = true)
    public Response feed(@RestQuery String organisation) {
        Optional<Organisation> filter = organisation(organisation);
        String title = filter.map(org -> NewsIssueTexts.in(IssueEditions.DUTCH).feed_title_of(org.name))
                .orElseGet(() -> NewsIssueTexts.in(IssueEditions.DUTCH).feed_title());
        String query = filter.map(org -> "?organisation=" + org.slug).orElse("");
        String xml = ArchiveFeed.write(title, site.url(feedPath(filter)), site.url("/newsletter/archive" + query),
                site.url("/newsletter/archive/"), "Kennisagenda", archive.sent(filter), Instant.EPOCH);
        return Response.ok(xml, "application/atom+xml; charset=UTF-8").build();
    }

    private static Optional<Organisation> organisation(String slug) {
        if (slug == null || slug.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Organisation.findBySlug(slug.strip()).orElseThrow(NotFoundException::new));
    }

    private static String feedPath(Optional<Organisation> filter) {
        return "/newsletter/archive.atom" + filter.map(org -> "?organisation=" + org.slug).orElse("");
    }
}
