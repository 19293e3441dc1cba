package nl.kennisagenda.registration;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.web.SigningKey;

/**
 * The read-only link of a registration: {@code /registrations/view/{id}.{HMAC(key, "registration-view|" + id + "|" +
 * token)}}. Calendar entries (the personal feed and the invites in mails) carry it instead of the manage link,
 * because a calendar is often shown to others (a shared or delegated agenda, a screen in a meeting): whoever sees the
 * entry may see the registration, but only the mailed manage link can change or cancel it.
 * <p>
 * Derived, not stored: no column and no migration; the manage token cannot be computed from it (HMAC is one-way),
 * and it dies with the manage token (a registration whose token is cleared has no view link either). Looked up by
 * primary key, then the signature is checked in constant time, so a guessed id alone shows nothing.
 */
@ApplicationScoped
public class RegistrationViewLinks {

    public static final String PATH = "/registrations/view/";

    @Inject
    SigningKey key;

    @Inject
    SiteConfig site;

    /** The reference in the link ({@code id.signature}); empty for a registration without a manage token. */
    public Optional<String> reference(Registration registration) {
        if (registration.id == null || registration.token == null) {
            return Optional.empty();
        }
        return Optional.of(registration.id + "." + key.sign(text(registration.id, registration.token)));
    }

    /** The absolute read-only address, for calendar entries. */
    public Optional<String> url(Registration registration) {
        return reference(registration).map(reference -> site.url(PATH + reference));
    }

    /** The registration this reference was made for, if its signature is right. */
    public Optional<Registration> find(String reference) {
        if (reference == null || reference.length() > 100) {
            return Optional.empty();
        }
        int dot = reference.indexOf('.');
        if (dot < 1 || dot > 18 || !reference.substring(0, dot).matches("[0-9]+")) {
            return Optional.empty();
        }
        long id = Long.parseLong(reference.substring(0, dot));
        String signature = reference.substring(dot + 1);
        return Registration.<Registration>findByIdOptional(id)
                .filter(registration -> registration.token != null)
                .filter(registration -> key.verify(text(registration.id, registration.token), signature));
    }

    private static String text(Long id, String token) {
        return "registration-view|" + id + "|" + token;
    }
}
