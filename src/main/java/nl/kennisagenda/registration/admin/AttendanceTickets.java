package nl.kennisagenda.registration.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import nl.kennisagenda.web.SigningKey;

/**
 * Carries a checked participant list from the preview to the confirmation without storing anything and without
 * trusting the browser: the preview page holds a signed ticket naming the event, the account, an expiry, the
 * registrations to mark and what the audit entry needs. Anyone who changes a byte breaks the HMAC
 * ({@link SigningKey}, shared by all instances), so the confirmation marks exactly what the organiser saw, and only
 * for the account and event it was made for. The confirmation checks each registration again (cancelled in
 * between: skipped). Chosen over a table row because it needs no clean-up and works on every instance.
 */
@ApplicationScoped
public class AttendanceTickets {

    private static final String PURPOSE = "attendance|";
    /**
     * A ticket names at most this many registrations: the ticket travels in a form field, and form fields are
     * limited to 64 KB (quarkus.http.limits.max-form-attribute-size); 5000 ids take about 45 KB.
     */
    static final int MAX_IDS = 5_000;

    @Inject
    SigningKey key;

    /** What a ticket says. */
    public record Ticket(long eventId, long accountId, Instant expiresAt, List<Long> registrationIds,
            int notRegistered, String fileName) {
    }

    public String issue(Ticket ticket) {
        String body = String.join("|", "v1", Long.toString(ticket.eventId()), Long.toString(ticket.accountId()),
                Long.toString(ticket.expiresAt().getEpochSecond()), Integer.toString(ticket.notRegistered()),
                ticket.registrationIds().stream().map(String::valueOf).collect(Collectors.joining(",")),
                ticket.fileName() == null ? "" : ticket.fileName());
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + key.sign(PURPOSE + encoded);
    }

    /** The ticket, when it is ours, unexpired, and for this event and account. */
    public Optional<Ticket> read(String value, long eventId, long accountId, Instant now) {
        if (value == null || value.length() > 400_000) {
            return Optional.empty();
        }
        int dot = value.lastIndexOf('.');
        if (dot <= 0 || !key.verify(PURPOSE + value.substring(0, dot), value.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            String body = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8);
            String[] parts = body.split("\\|", 7);
            if (parts.length != 7 || !parts[0].equals("v1")) {
                return Optional.empty();
            }
            List<Long> ids = new ArrayList<>();
            if (!parts[5].isEmpty()) {
                for (String id : parts[5].split(",")) {
                    ids.add(Long.valueOf(id));
                }
            }
            Ticket ticket = new Ticket(Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                    Instant.ofEpochSecond(Long.parseLong(parts[3])), ids, Integer.parseInt(parts[4]), parts[6]);
            if (ticket.eventId() != eventId || ticket.accountId() != accountId || !now.isBefore(ticket.expiresAt())
                    || ids.size() > MAX_IDS) {
                return Optional.empty();
            }
            return Optional.of(ticket);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
