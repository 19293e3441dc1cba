package nl.kennisagenda.privacy.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.kennisagenda.privacy.data.PersonalData;
import nl.kennisagenda.privacy.data.PersonalDataExport;
import nl.kennisagenda.web.CsrfGuard;

/**
 * The person's own personal-data pages, reached from a manage link ({@link RegistrationDataResource}) or a
 * newsletter-preferences link ({@link SubscriberDataResource}); both links prove control of the mailbox, so the
 * export is downloaded directly. Every change is a POST with a CSRF token; the GETs only show.
 */
@ApplicationScoped
public class PersonalDataPages {

    /** What the pages need: the address, where the forms post to, and the way back. */
    public record View(String address, String base, String backUrl, String csrfToken) {
    }

    /** What an erasure did, for the result page. */
    public record ErasedView(int registrations, int cancelled, int subscriptions) {
    }

    @CheckedTemplate(basePath = "PersonalData")
    static class Templates {
        static native TemplateInstance page(View view);

        static native TemplateInstance confirm(View view);

        static native TemplateInstance erased(ErasedView erased);
    }

    @Inject
    PersonalData data;

    @Inject
    CsrfGuard csrf;

    @Inject
    ObjectMapper mapper;

    Response page(String address, String base, String backUrl) {
        return noStore(Response.ok(Templates.page(new View(address, base, backUrl, csrf.token()))));
    }

    Response confirm(String address, String base, String backUrl) {
        return noStore(Response.ok(Templates.confirm(new View(address, base, backUrl, csrf.token()))));
    }

    Response export(String address) {
        return json(data.export(address, PersonalData.Scope.person(), Instant.now()), mapper);
    }

    Response erase(String address) {
        PersonalData.Erased erased = data.erase(address, PersonalData.Scope.person(), Instant.now());
        return noStore(Response.ok(Templates.erased(new ErasedView(erased.registrations(), erased.cancelled(),
                erased.subscriptions()))));
    }

    /** The export as a JSON download, never cached. */
    public static Response json(PersonalDataExport export, ObjectMapper mapper) {
        try {
            byte[] body = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(export)
                    .getBytes(StandardCharsets.UTF_8);
            return Response.ok(body, "application/json; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"personal-data.json\"")
                    .header("Cache-Control", "no-store").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("personal data export could not be written", e);
        }
    }

    static Response noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").build();
    }
}
