package nl.kennisagenda.privacy.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.privacy.PrivacyStatements;
import nl.kennisagenda.privacy.PrivacyStatements.Statement;
import nl.kennisagenda.privacy.PrivacyStatements.VersionRow;

/** The platform's own statements, linked from every page's footer: privacy and accessibility. */
@Path("/")
@Tag(name = "Pages", description = "Public HTML pages")
public class StatementResource {

    /** The day the accessibility statement was drawn up; change it with the text in the privacy bundle. */
    static final LocalDate ACCESSIBILITY_STATEMENT_DATE = LocalDate.of(2026, 11, 24);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accessibility(String date);
    }

    @Inject
    PrivacyStatements statements;

    @Inject
    CurrentLocale locale;

    @GET
    @Path("privacy")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The platform's privacy statement (the default for organisations without their own)")
    public TemplateInstance privacy() {
        Statement statement = statements.platform(locale.get());
        return PrivacyResource.Templates.statement(statement, true, "/privacy", List.<VersionRow>of());
    }

    @GET
    @Path("toegankelijkheid")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The accessibility statement (toegankelijkheidsverklaring), Dutch or English")
    public TemplateInstance accessibility() {
        return Templates.accessibility(DateTimeFormatter.ofPattern("d MMMM yyyy", locale.get())
                .format(ACCESSIBILITY_STATEMENT_DATE));
    }
}
