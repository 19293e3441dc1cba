package nl.kennisagenda.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import nl.kennisagenda.common.Tokens;
import nl.kennisagenda.registration.RegistrationStatus;

/**
 * The result page after a sign-up is addressed by a receipt: a fresh, signed, opaque string that says only "this
 * event, confirmed" or "this event, waitlisted". It names nobody and is not the registration token, so the page can
 * be shown to whoever submitted the form, also when the address they typed belonged to someone else's registration.
 * Signed, so nobody can make the site say "confirmed" for a receipt it did not issue.
 */
@ApplicationScoped
public class Receipts {

    @Inject
    SigningKey key;

    public String issue(long eventId, RegistrationStatus status) {
        String body = eventId + "-" + code(status) + "-"
                + Tokens.newToken().substring(0, 12);
        return body + "." + key.sign("receipt|" + body);
    }

    private static String code(RegistrationStatus status) {
        return switch (status) {
            case CONFIRMED -> "c";
            case PENDING -> "p";
            default -> "w";
        };
    }

    /** The status in a receipt issued by us for this event, if it is one. */
    public Optional<RegistrationStatus> read(long eventId, String receipt) {
        if (receipt == null || receipt.length() > 200) {
            return Optional.empty();
        }
        int dot = receipt.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String body = receipt.substring(0, dot);
        String[] parts = body.split("-", 3);
        if (parts.length != 3 || !parts[0].equals(Long.toString(eventId))
                || !key.verify("receipt|" + body, receipt.substring(dot + 1))) {
            return Optional.empty();
        }
        return switch (parts[1]) {
            case "c" -> Optional.of(RegistrationStatus.CONFIRMED);
            case "w" -> Optional.of(RegistrationStatus.WAITLISTED);
            case "p" -> Optional.of(RegistrationStatus.PENDING);
            default -> Optional.empty();
        };
    }
}
