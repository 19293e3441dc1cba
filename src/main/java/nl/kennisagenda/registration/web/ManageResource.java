package nl.kennisagenda.registration.web;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.web.CsrfGuard;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.service.InvalidSignupException;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;
import nl.kennisagenda.registration.service.SignupValidator;
import nl.kennisagenda.registration.service.UnknownRegistrationException;

/**
 * Self-service by the registration's secret token (from the mail): see the registration, change answers and
 * sessions, cancel after a confirmation step. Unknown tokens get a plain 404.
 */
@Path("/registrations/{token}")
@Produces(MediaType.TEXT_HTML)
public class ManageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(ManageView registration, FormView form, boolean saved,
                boolean justCancelled);

        static native TemplateInstance cancel(ManageView registration, String csrfToken);
    }

    @Inject
    RegistrationService service;

    @Inject
    FormViews views;

    @Inject
    CsrfGuard csrf;

    @Inject
    CurrentLocale locale;

    @Inject
    SignupValidator validator;

    @GET
    public Response show(@RestPath String token, @RestQuery boolean saved, @RestQuery boolean cancelled) {
        Registration registration = find(token);
        FormView form = views.of(registration, locale.get(), csrf.token());
        return SignupResource.noStore(Response.ok(Templates.show(view(registration), form, saved, cancelled)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestPath String token, MultivaluedMap<String, String> form) {
        Registration registration = find(token);
        SignupInput input = RegistrationInputs.fromForm(form, SignupValidator.effectiveFields(registration.event));
        try {
            service.update(token, input, locale.get());
            return Response.seeOther(URI.create("/registrations/" + token + "?saved=true")).build();
        } catch (InvalidSignupException e) {
            FormView view = views.build(registration.event, locale.get(), input, e.errors(), csrf.token(),
                    registration);
            return SignupResource.noStore(Response.status(422)
                    .entity(Templates.show(view(registration), view, false, false)));
        }
    }

    @GET
    @Path("cancel")
    public Response confirmCancel(@RestPath String token) {
        Registration registration = find(token);
        if (!service.isChangeable(registration)) {
            return Response.seeOther(URI.create("/registrations/" + token)).build();
        }
        return SignupResource.noStore(Response.ok(Templates.cancel(view(registration), csrf.token())));
    }

    @POST
    @Path("cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@RestPath String token, MultivaluedMap<String, String> form) {
        find(token);
        service.cancel(token);
        return Response.seeOther(URI.create("/registrations/" + token + "?cancelled=true")).build();
    }

    private Registration find(String token) {
        return service.findByToken(token).orElseThrow(UnknownRegistrationException::new);
    }

    private ManageView view(Registration registration) {
        return ManageView.of(registration, service.isChangeable(registration),
                registration.canSignUpAgain(service.now()), validator.messages(locale.get()),
                locale.get());
    }
}
