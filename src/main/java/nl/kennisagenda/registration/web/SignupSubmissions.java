package nl.kennisagenda.registration.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;

import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.SignupState;
import nl.kennisagenda.privacy.PrivacyStatements;
import nl.kennisagenda.registration.RegistrationMessages;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.service.InvalidSignupException;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupBusyException;
import nl.kennisagenda.registration.service.SignupClosedException;
import nl.kennisagenda.registration.service.SignupInput;
import nl.kennisagenda.registration.service.SignupResult;
import nl.kennisagenda.registration.service.SignupValidator;

/**
 * What happens to a posted sign-up form, for every place the form is shown (the event's own page and the embed in
 * another site's iframe): the honeypot, the sign-up itself and the enumeration-safe receipt. The resources choose
 * only the templates and addresses. CSRF and the rate limit stay with the resource method (the body reader and
 * {@code @RateLimited}), so they apply before anything here runs.
 */
@ApplicationScoped
public class SignupSubmissions {

    /** The outcome of one post. */
    public sealed interface Outcome permits Accepted, Invalid, Busy, Closed {
    }

    /**
     * Signed up (or looked like it): show the result page for this receipt. {@code email} and {@code sessions} are
     * what the visitor typed, for the result page to repeat; null when a bot was answered.
     */
    public record Accepted(String eventSlug, String receipt, String email, List<String> sessions) implements Outcome {
    }

    /** Re-show the form with its values and errors (422). */
    public record Invalid(FormView form) implements Outcome {
    }

    /**
     * Too many sign-ups for the event at once; nothing was saved. Re-show the form with its values and a line that
     * says so (503 with Retry-After), so the visitor only has to send it again.
     */
    public record Busy(FormView form, long retryAfterSeconds) implements Outcome {
    }

    /** Sign-up is not open (409). */
    public record Closed(SignupState state) implements Outcome {
    }

    @Inject
    RegistrationService service;

    @Inject
    FormViews views;

    @Inject
    SignupValidator validator;

    @Inject
    nl.kennisagenda.web.Receipts receipts;

    @Inject
    PrivacyStatements privacy;

    /**
     * @param csrfToken the token for the re-shown form, asked only when the form is re-shown
     */
    public Outcome submit(Event event, MultivaluedMap<String, String> form, Locale locale,
            Supplier<String> csrfToken) {
        SignupState state = event.signupState(service.now());
        if (!state.isOpen()) {
            return new Closed(state);
        }
        SignupInput input = RegistrationInputs.fromForm(form, SignupValidator.effectiveFields(event));
        String honeypot = form.getFirst(RegistrationInputs.HONEYPOT);
        if (honeypot != null && !honeypot.isEmpty()) {
            // A bot filled the invisible field: answer like a success, store and send nothing.
            RegistrationStatus looksLike = event.requiresApproval ? RegistrationStatus.PENDING
                    : event.isFull(nl.kennisagenda.event.AttendanceMode.parse(input.first(SignupValidator.ATTENDANCE_MODE)))
                            ? RegistrationStatus.WAITLISTED : RegistrationStatus.CONFIRMED;
            return new Accepted(event.slug, receipts.issue(event.id, looksLike), null, null);
        }
        try {
            SignupResult result = service.signUp(event.slug, input, locale);
            return new Accepted(result.eventSlug(), receipts.issue(result.eventId(), result.status()),
                    input.first("email").strip(), input.sessions());
        } catch (InvalidSignupException e) {
            return new Invalid(views.build(event, locale, input, e.errors(), csrfToken.get(), null));
        } catch (SignupBusyException e) {
            RegistrationMessages m = validator.messages(locale);
            return new Busy(views.build(event, locale, input, Map.of(m.busy_title(), m.busy_text()), csrfToken.get(),
                    null), e.retryAfterSeconds());
        } catch (SignupClosedException e) {
            return new Closed(e.state());
        }
    }

    /** The privacy notice shown above the form's submit button. */
    public PrivacyStatements.Notice privacyNotice(Event event, FormView form, Locale locale) {
        List<String> labels = form.fields().stream().map(FormView.FieldView::label).toList();
        return privacy.signupNotice(event.organisation, locale, labels);
    }
}
