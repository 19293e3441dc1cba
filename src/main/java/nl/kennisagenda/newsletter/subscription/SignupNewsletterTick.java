package nl.kennisagenda.newsletter.subscription;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.mail.InvalidMailAddressException;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged;

/**
 * The newsletter box of the event sign-up form leads into the double opt-in: a visitor's sign-up with the box ticked
 * becomes a PENDING subscription to the event's organisation and a confirmation mail, written in the sign-up's own
 * transaction (observed synchronously), so both commit or roll back together. Only the visitor's own sign-up counts
 * (an organiser adding someone by hand cannot give that person's consent); a duplicate sign-up, an update or a
 * promotion asks nothing new.
 */
@ApplicationScoped
public class SignupNewsletterTick {

    private static final Logger LOG = Logger.getLogger(SignupNewsletterTick.class);

    @Inject
    Subscriptions subscriptions;

    void onRegistrationChanged(@Observes RegistrationChanged changed) {
        Registration registration = changed.registration();
        boolean signUp = switch (changed.change()) {
            case CONFIRMED, WAITLISTED, PENDING -> true;
            default -> false;
        };
        if (!signUp || changed.actedBy().kind() != ActedBy.Kind.VISITOR || !registration.newsletterOptIn
                || registration.newsletterConsentText == null || registration.event.organisation == null) {
            return;
        }
        Locale locale = "en".equals(registration.locale) ? Locale.ENGLISH : Locale.forLanguageTag("nl");
        String name = (registration.firstName + " " + registration.lastName).strip();
        try {
            subscriptions.request(new Subscriptions.Request(registration.email, name, locale,
                    Set.of(registration.event.organisation), Set.of(), ConsentSource.EVENT_SIGNUP,
                    registration.event.slug, ConsentTexts.eventSignup(registration.newsletterConsentText),
                    registration.privacyVersion));
        } catch (InvalidMailAddressException e) {
            // Checked before anything is written: the sign-up itself goes on without the newsletter.
            LOG.infof("Newsletter tick of registration %d ignored: unusable address", registration.id);
        }
    }
}
