package nl.kennisagenda.privacy.web;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.privacy.PrivacyStatements;
import nl.kennisagenda.privacy.PrivacyStatements.Statement;
import nl.kennisagenda.privacy.PrivacyStatements.VersionRow;

/**
 * An organisation's public privacy statement: the current version, or with {@code ?version=N} an earlier one (the
 * version a registration records). Class path /organisations, shared with OrganisationResource, so that neither
 * takes the other's addresses.
 */
@Path("/organisations")
@Tag(name = "Pages", description = "Public HTML pages")
public class PrivacyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance statement(Statement statement, boolean current, String currentUrl,
                List<VersionRow> versions);
    }

    @Inject
    PrivacyStatements statements;

    @Inject
    CurrentLocale locale;

    @GET
    @Path("{slug}/privacy")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "An organisation's privacy statement, current or an earlier version")
    public TemplateInstance statement(@RestPath String slug, @RestQuery String version) {
        Organisation organisation = PrivacyStatements.organisation(slug).orElseThrow(NotFoundException::new);
        String url = "/organisations/" + organisation.slug + "/privacy";
        List<VersionRow> versions = statements.history(organisation);
        Statement current = statements.current(organisation, locale.get());
        if (version == null || version.isBlank() || version.equals(current.versionLabel())) {
            return Templates.statement(current, true, url, versions);
        }
        if (version.equals(PrivacyStatements.PLATFORM_VERSION)) {
            // A registration from before the organisation wrote its own statement.
            return Templates.statement(statements.platformFor(organisation, locale.get()), false, url, versions);
        }
        if (!version.matches("[0-9]{1,6}")) {
            throw new NotFoundException();
        }
        Statement old = statements.version(organisation, Integer.parseInt(version), locale.get())
                .orElseThrow(NotFoundException::new);
        return Templates.statement(old, false, url, versions);
    }
}
