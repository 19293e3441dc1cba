package nl.kennisagenda.embed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.event.Organisation;

/**
 * The sites that may frame an organisation's embeds: read for the {@code frame-ancestors} of every embed response,
 * changed in the back-office by the organisation's organisers and administrators. An origin is exactly
 * {@code https://host} or {@code https://host:port}: no path, no wildcard, no other scheme, so the list can go into
 * the Content-Security-Policy header as it is.
 */
@ApplicationScoped
public class EmbedOrigins {

    public static final int MAX_ORIGINS = 20;

    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    /** The lines that are not valid origins, each with its line as typed. */
    public static class InvalidOriginsException extends RuntimeException {
        public final List<String> invalid;
        public final boolean tooMany;

        InvalidOriginsException(List<String> invalid, boolean tooMany) {
            super("invalid embed origins: " + invalid);
            this.invalid = invalid;
            this.tooMany = tooMany;
        }
    }

    @Inject
    AuditLog audit;

    /** The origin in its canonical form ({@code https://host[:port]}, lower case, no default port), if valid. */
    public static Optional<String> canonical(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty() || text.length() > 300 || text.contains("*") || !text.regionMatches(true, 0, "https://", 0, 8)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String host = uri.getHost();
            if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || host == null) {
                return Optional.empty();
            }
            host = host.toLowerCase(Locale.ROOT);
            if (!HOST.matcher(host).matches()) {
                return Optional.empty();
            }
            int port = uri.getPort();
            return Optional.of("https://" + host + (port == -1 || port == 443 ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The organisation's listed origins that are (still) valid: what goes into frame-ancestors. */
    public static List<String> of(Organisation organisation) {
        return organisation.embedOriginList().stream().map(EmbedOrigins::canonical).flatMap(Optional::stream)
                .toList();
    }

    /** The organisation whose embeds an organiser sets up; organisers of it and administrators only. */
    public Organisation forEditing(Actor actor, String organisationSlug) {
        Organisation organisation = Organisation.findBySlug(organisationSlug)
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
        AccessPolicy.requireCanChange(actor, organisation);
        return organisation;
    }

    /** Replaces the list (one origin per line); an empty text means no site may frame the embeds. */
    @Transactional
    public List<String> save(Actor actor, String organisationSlug, String text) {
        Organisation organisation = Organisation.findBySlug(organisationSlug)
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
        AccessPolicy.requireCanChange(actor, organisation);
        Set<String> origins = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String line : (text == null ? "" : text).lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            canonical(line).ifPresentOrElse(origins::add, () -> invalid.add(line.strip()));
        }
        if (!invalid.isEmpty() || origins.size() > MAX_ORIGINS) {
            throw new InvalidOriginsException(invalid, origins.size() > MAX_ORIGINS);
        }
        List<String> before = organisation.embedOriginList();
        List<String> after = List.copyOf(origins);
        organisation.embedOrigins = after.isEmpty() ? null : String.join("\n", after);
        if (!before.equals(after)) {
            audit.recordPlatform(ActedBy.of(actor), organisation.id, AuditLog.EMBED_ORIGINS_CHANGED,
                    organisation.slug + ": " + String.join(" ", before) + " -> " + String.join(" ", after));
        }
        return after;
    }
}
