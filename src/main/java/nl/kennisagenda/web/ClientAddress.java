package nl.kennisagenda.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The address a request comes from, for rate limits, the log-in throttle and the audit log. Without proxy forwarding
 * ({@code quarkus.http.proxy.proxy-address-forwarding} off, the default) it is the connection's peer. With it on, it is
 * the right-most {@code X-Forwarded-For} entry that is not one of our trusted proxies: the address that the last
 * trusted proxy saw and appended. Never the left-most value, which the client writes itself (Quarkus' own forwarding
 * takes that one, so a client that changes it on every request would never be limited).
 *
 * <p>Trusted proxies come from {@code quarkus.http.proxy.trusted-proxies} (addresses and CIDR ranges; host names are
 * not resolved here and are ignored with a warning). When that list is empty, the connection's peer is taken to be the
 * one proxy in front of us: the right-most entry is the one it appended. Headers from a peer that is not trusted are
 * ignored when the list is set: such a client reached us without the proxy, and its header is its own.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class);

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    static final String UNKNOWN = "unknown";

    private final boolean forwarding;
    private final List<Range> trusted;

    @Inject
    public ClientAddress(
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
            boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies,
            @ConfigProperty(name = "quarkus.http.proxy.allow-x-forwarded") Optional<Boolean> allowXForwarded,
            @ConfigProperty(name = "quarkus.http.proxy.allow-forwarded", defaultValue = "false")
            boolean allowForwarded) {
        // X-Forwarded-For is read when Quarkus reads it: allowed explicitly, or by default unless RFC 7239's
        // Forwarded header is chosen instead (then a proxy that sets only Forwarded leaves X-Forwarded-For to the
        // client, and it must not be believed).
        this.forwarding = forwarding && allowXForwarded.orElse(!allowForwarded);
        this.trusted = parseRanges(trustedProxies.orElse(List.of()));
    }

    /** The client of this request ("unknown" without one). */
    public String of(HttpServerRequest request) {
        if (request == null) {
            return UNKNOWN;
        }
        SocketAddress peer = request.connection() != null ? request.connection().remoteAddress()
                : request.remoteAddress();
        String peerAddress = peer == null ? null : (peer.hostAddress() != null ? peer.hostAddress() : peer.host());
        return resolve(peerAddress, forwarding ? request.headers().getAll("X-Forwarded-For") : List.of());
    }

    /**
     * From the connection's peer and the X-Forwarded-For header lines (in order): the client address. The header
     * lines are one comma-separated list, oldest hop first; every proxy appends the address it received from.
     */
    String resolve(String peer, List<String> forwardedFor) {
        String peerAddress = normalise(peer).orElse(UNKNOWN);
        if (!forwarding || forwardedFor == null || forwardedFor.isEmpty()) {
            return peerAddress;
        }
        if (!trusted.isEmpty() && !isTrusted(peerAddress)) {
            return peerAddress;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String entry : line.split(",")) {
                if (!entry.isBlank()) {
                    hops.add(entry.trim());
                }
            }
        }
        String nearest = peerAddress;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> hop = normalise(hops.get(i));
            if (hop.isEmpty()) {
                // Not an address: written by whoever is beyond the last trusted proxy, so not to be believed. The
                // last address a trusted party vouched for is what we know.
                return nearest;
            }
            nearest = hop.get();
            if (trusted.isEmpty() || !isTrusted(nearest)) {
                return nearest;
            }
        }
        return nearest;
    }

    private boolean isTrusted(String address) {
        Optional<byte[]> bytes = bytes(address);
        return bytes.isPresent() && trusted.stream().anyMatch(range -> range.contains(bytes.get()));
    }

    /** An IP address literal in canonical form (port, brackets and quotes removed); empty when it is not one. */
    static Optional<String> normalise(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.length() > 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.startsWith("[")) {
            int end = v.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            v = v.substring(1, end);
        } else if (v.indexOf(':') > 0 && v.indexOf(':') == v.lastIndexOf(':') && v.indexOf('.') > 0) {
            v = v.substring(0, v.indexOf(':')); // 192.0.2.1:4711
        }
        return bytes(v).map(ClientAddress::text);
    }

    private static Optional<byte[]> bytes(String literal) {
        if (literal == null || literal.length() > 45
                || !(IPV4.matcher(literal).matches() || IPV6.matcher(literal).matches())) {
            return Optional.empty(); // never a host name: no DNS look-up for what a client wrote
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Range> parseRanges(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (e.equalsIgnoreCase("localhost")) {
                ranges.add(Range.parse("127.0.0.0/8").orElseThrow());
                ranges.add(Range.parse("::1/128").orElseThrow());
                continue;
            }
            Optional<Range> range = Range.parse(e);
            if (range.isPresent()) {
                ranges.add(range.get());
            } else {
                LOG.warnf("Trusted proxy '%s' is not an IP address or CIDR range: the client-address resolver ignores"
                        + " it (see docs/operations.md, \"Behind a proxy\")", e);
            }
        }
        return List.copyOf(ranges);
    }

    /** An address range: an address with a prefix length (a single address has the full length). */
    record Range(byte[] network, int prefix) {

        static Optional<Range> parse(String text) {
            String address = text;
            int prefix = -1;
            int slash = text.indexOf('/');
            if (slash >= 0) {
                address = text.substring(0, slash);
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            Optional<byte[]> bytes = normalise(address).flatMap(ClientAddress::bytes);
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            int bits = bytes.get().length * 8;
            if (prefix < 0) {
                prefix = bits;
            }
            return prefix > bits ? Optional.empty() : Optional.of(new Range(bytes.get(), prefix));
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
