package nl.kennisagenda.registration.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import io.quarkus.qute.TemplateData;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.web.SigningKey;

/**
 * What the result page repeats back after a sign-up: the address the mail went to and the sessions chosen. The
 * receipt in the result page's address names nobody (so it may end up in logs and history); these details travel in
 * a short-lived, signed, HttpOnly cookie limited to that result page and tied to that one receipt. Without the
 * cookie (it expired, or the page is opened elsewhere) the page simply leaves them out.
 */
@ApplicationScoped
public class SignupSummary {

    static final String COOKIE = "ka-signup-summary";
    private static final int MAX_AGE_SECONDS = 15 * 60;

    @Inject
    SigningKey key;

    @Inject
    SiteConfig site;

    /** What the page shows: the address and the chosen sessions of the event. */
    @TemplateData
    public record Shown(String email, List<ProgrammeItem> sessions) {
    }

    /** The cookie for the result page of this receipt. */
    NewCookie cookie(Event event, String receipt, String email, List<String> sessionIds) {
        String body = receiptBody(receipt) + "\n" + email + "\n" + String.join(",", sessionIds);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(StandardCharsets.UTF_8))
                + "." + key.sign("signup-summary|" + body);
        return new NewCookie.Builder(COOKIE).value(value).path("/events/" + event.slug + "/registered")
                .maxAge(MAX_AGE_SECONDS).httpOnly(true).sameSite(NewCookie.SameSite.LAX)
                .secure(site.baseUrl().startsWith("https:")).build();
    }

    /** The details for this receipt's page, when the cookie is ours and belongs to this receipt. */
    Optional<Shown> read(Event event, String receipt, String cookie) {
        if (cookie == null || receipt == null || cookie.length() > 2000) {
            return Optional.empty();
        }
        int dot = cookie.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String body;
        try {
            body = new String(Base64.getUrlDecoder().decode(cookie.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!key.verify("signup-summary|" + body, cookie.substring(dot + 1))) {
            return Optional.empty();
        }
        String[] parts = body.split("\n", -1);
        if (parts.length != 3 || !parts[0].equals(receiptBody(receipt))) {
            return Optional.empty();
        }
        List<ProgrammeItem> sessions = new ArrayList<>();
        for (String id : parts[2].split(",")) {
            event.programme.stream().filter(item -> item.isBreakout() && String.valueOf(item.id).equals(id))
                    .findFirst().ifPresent(sessions::add);
        }
        return Optional.of(new Shown(parts[1], sessions));
    }

    private static String receiptBody(String receipt) {
        int dot = receipt.indexOf('.');
        return dot < 0 ? receipt : receipt.substring(0, dot);
    }
}
