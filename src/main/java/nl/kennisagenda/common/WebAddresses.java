package nl.kennisagenda.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The one rule for a stored address that becomes a link (join link, website, material): an absolute http or https
 * URL with a host. Anything else (javascript:, mailto:, a relative path, text) is never rendered as a link.
 */
public final class WebAddresses {

    private WebAddresses() {
    }

    /** The address as a URI when it is a web address, else empty. */
    public static Optional<URI> parse(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(address.strip());
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null && !uri.getHost().isBlank() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static boolean isWebAddress(String address) {
        return parse(address).isPresent();
    }
}
