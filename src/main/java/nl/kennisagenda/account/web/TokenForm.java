package nl.kennisagenda.account.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

import nl.kennisagenda.account.AdminApiMessages;
import nl.kennisagenda.account.ApiTokens;
import nl.kennisagenda.i18n.Dates;

/**
 * The "new token" form as typed, and what is wrong with it. The expiry is a day: the token works up to and including
 * that day (Amsterdam time), so it ends at the start of the next one.
 */
public record TokenForm(String name, String expires, List<FieldError> errors) {

    public static final String NAME = "name";
    public static final String EXPIRES = "expires";

    /** One field's problem, linked from the error summary ({@code href}) and shown by the field ({@code id}). */
    public record FieldError(String field, String label, String message) {
        public String href() {
            return "#token-" + field;
        }

        public String id() {
            return "token-" + field + "-error";
        }
    }

    public static TokenForm empty() {
        return new TokenForm("", "", List.of());
    }

    public static TokenForm read(MultivaluedMap<String, String> form, LocalDate today, AdminApiMessages texts) {
        String name = strip(form.getFirst(NAME));
        String expires = strip(form.getFirst(EXPIRES));
        List<FieldError> errors = new ArrayList<>();
        if (name.isEmpty()) {
            errors.add(new FieldError(NAME, texts.tokens_name(), texts.error_name_required()));
        } else if (name.length() > ApiTokens.MAX_NAME_LENGTH) {
            errors.add(new FieldError(NAME, texts.tokens_name(), texts.error_name_too_long(ApiTokens.MAX_NAME_LENGTH)));
        }
        if (!expires.isEmpty()) {
            LocalDate day = parse(expires);
            if (day == null) {
                errors.add(new FieldError(EXPIRES, texts.tokens_expires(), texts.error_expires_invalid()));
            } else if (!day.isAfter(today)) {
                errors.add(new FieldError(EXPIRES, texts.tokens_expires(), texts.error_expires_past()));
            }
        }
        return new TokenForm(name, expires, List.copyOf(errors));
    }

    public boolean invalid() {
        return !errors.isEmpty();
    }

    /** The error of one field, or null (for the template). */
    public FieldError error(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
    }

    /** The typed day for the date field, which takes valid dates only (a browser never sends anything else). */
    public String expiresValue() {
        return parse(expires) == null ? "" : expires;
    }

    /** When the token stops working; null for no expiry. Only for a valid form. */
    public Instant expiresAt() {
        LocalDate day = expires.isEmpty() ? null : parse(expires);
        return day == null ? null : day.plusDays(1).atStartOfDay(Dates.AMSTERDAM).toInstant();
    }

    private static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
