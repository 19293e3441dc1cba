package nl.kennisagenda.registration.web;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationViewLinks;
import nl.kennisagenda.registration.service.UnknownRegistrationException;
import nl.kennisagenda.registration.service.SignupValidator;

/**
 * The read-only page behind the link in calendar entries ({@link RegistrationViewLinks}): event, status, the chosen
 * sessions and, under the one join-link rule, the join link (the calendar entry carries it already). No answers, no
 * form, no cancel: GET is its only method, so any other answers 405. Changing needs the mailed manage link.
 */
@Path(RegistrationViewLinks.PATH + "{reference}")
@Produces(MediaType.TEXT_HTML)
public class RegistrationViewResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance view(ManageView registration, String joinLink);
    }

    @Inject
    RegistrationViewLinks links;

    @Inject
    SignupValidator validator;

    @Inject
    CurrentLocale locale;

    @GET
    public Response view(@RestPath String reference) {
        Registration registration = links.find(reference).orElseThrow(UnknownRegistrationException::new);
        ManageView view = ManageView.of(registration, false, false, validator.messages(locale.get()), locale.get());
        // Only what the calendar entry shows already: no answers, and no manage token in the page.
        ManageView readOnly = new ManageView(null, view.event(), view.status(), view.confirmed(), view.waitlisted(),
                view.cancelled(), false, null, List.of(), view.sessions(), null, false);
        String join = registration.joinLink().map(Object::toString).orElse(null);
        return SignupResource.noStore(Response.ok(Templates.view(readOnly, join)));
    }
}
