package nl.kennisagenda.registration;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.kennisagenda.common.IdentifiedEntity;
import nl.kennisagenda.common.Tokens;

/**
 * A person known by mail address across events. Holds the token of their personal calendar feed,
 * which lists all their registrations.
 */
@Entity
@Table(name = "attendees")
public class Attendee extends IdentifiedEntity {

    /** Normalised: trimmed and lower case, so one person is one attendee. */
    @NotBlank
    @Email
    @Size(max = 254)
    @Column(nullable = false, unique = true)
    public String email;

    @Column(name = "calendar_token", nullable = false, unique = true)
    public String calendarToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @PrePersist
    void onCreate() {
        if (calendarToken == null) {
            calendarToken = Tokens.newToken();
        }
        if (createdAt == null) {
            createdAt = Instant.now();
        }
    }

    public static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static Optional<Attendee> findByEmail(String email) {
        return find("email", normalise(email)).firstResultOptional();
    }

    public static Optional<Attendee> findByCalendarToken(String token) {
        return find("calendarToken", token).firstResultOptional();
    }
}
