package nl.kennisagenda.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Behind a proxy the client is the address the trusted proxy appended to X-Forwarded-For, never a value the client
 * wrote itself; without forwarding, the header means nothing.
 */
class ClientAddressTest {

    private static ClientAddress resolver(boolean forwarding, String... trusted) {
        return new ClientAddress(forwarding, trusted.length == 0 ? Optional.empty() : Optional.of(List.of(trusted)),
                Optional.empty(), false);
    }

    @Test
    void withoutForwardingTheHeaderIsIgnored() {
        assertEquals("192.0.2.10", resolver(false).resolve("192.0.2.10", List.of("203.0.113.5")));
    }

    @Test
    void theValueTheClientWroteFirstIsNotBelieved() {
        ClientAddress clients = resolver(true, "10.0.0.0/8");
        // nginx: proxy_add_x_forwarded_for appends $remote_addr to what the client sent.
        assertEquals("198.51.100.7", clients.resolve("10.1.2.3", List.of("1.2.3.4, 198.51.100.7")));
        assertEquals("198.51.100.7", clients.resolve("10.1.2.3", List.of("5.6.7.8, 198.51.100.7")));
        assertEquals("198.51.100.7", clients.resolve("10.1.2.3", List.of("nonsense, 198.51.100.7")));
    }

    @Test
    void trustedProxiesInTheChainAreSkippedFromTheRight() {
        ClientAddress clients = resolver(true, "10.0.0.0/8", "192.168.1.1");
        // client → CDN-like proxy 192.168.1.1 → balancer 10.0.0.2 → us
        assertEquals("198.51.100.7",
                clients.resolve("10.0.0.2", List.of("6.6.6.6", "198.51.100.7, 192.168.1.1")));
    }

    @Test
    void aPeerThatIsNotATrustedProxyIsTheClientWhateverItSends() {
        assertEquals("203.0.113.9", resolver(true, "10.0.0.0/8").resolve("203.0.113.9", List.of("1.2.3.4")));
    }

    @Test
    void withoutATrustedListThePeerIsTheOneProxyAndTheRightMostEntryIsItsClient() {
        assertEquals("198.51.100.7", resolver(true).resolve("10.1.2.3", List.of("1.2.3.4, 198.51.100.7")));
    }

    @Test
    void aHopThatIsNotAnAddressEndsTheWalkAtTheLastTrustedOne() {
        // Only a misconfigured proxy passes such a value on; what it vouched for is its own peer.
        assertEquals("10.0.0.5",
                resolver(true, "10.0.0.0/8").resolve("10.0.0.2", List.of("1.2.3.4, evil.example, 10.0.0.5")));
    }

    @Test
    void noHeaderMeansThePeer() {
        assertEquals("10.1.2.3", resolver(true, "10.0.0.0/8").resolve("10.1.2.3", List.of()));
    }

    @Test
    void portsBracketsAndIpv6AreNormalised() {
        ClientAddress clients = resolver(true, "127.0.0.1", "::1");
        assertEquals("198.51.100.7", clients.resolve("::1", List.of("198.51.100.7:51234")));
        assertEquals("2001:db8:0:0:0:0:0:1", clients.resolve("127.0.0.1", List.of("[2001:db8::1]:443")));
        assertEquals("2001:db8:0:0:0:0:0:1", clients.resolve("127.0.0.1", List.of("2001:DB8::1")));
    }

    @Test
    void onlyXForwardedForAsQuarkusReadsIt() {
        // allow-forwarded on (RFC 7239 Forwarded) and X-Forwarded not allowed: the header is not the proxy's.
        ClientAddress clients = new ClientAddress(true, Optional.of(List.of("10.0.0.0/8")), Optional.of(false), true);
        assertEquals("10.1.2.3", clients.resolve("10.1.2.3", List.of("198.51.100.7")));
    }

    @Test
    void cidrRangesMatchByPrefix() {
        ClientAddress.Range range = ClientAddress.Range.parse("172.16.0.0/12").orElseThrow();
        assertEquals(true, range.contains(new byte[] { (byte) 172, 31, (byte) 255, 1 }));
        assertEquals(false, range.contains(new byte[] { (byte) 172, 32, 0, 1 }));
        assertEquals(Optional.empty(), ClientAddress.Range.parse("proxy.example.org"));
    }
}
