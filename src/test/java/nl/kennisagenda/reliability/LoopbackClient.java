package nl.kennisagenda.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A visitor with an address of its own: an HTTP/1.0 client whose connection comes from a chosen loopback address
 * (Linux routes all of 127.0.0.0/8 to this host), so that nginx sees, and appends to {@code X-Forwarded-For}, a
 * different client for every visitor, as it would for visitors on the internet. Java's HttpClient cannot choose its
 * local address before Java 19. One request per connection; the answer is read to the end.
 */
final class LoopbackClient {

    /** A status, the headers (names in lower case, last value wins) and the body as text. */
    record Answer(int status, Map<String, String> headers, String body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final String localAddress;

    LoopbackClient(String localAddress) {
        this.localAddress = localAddress;
    }

    /** The {@code n}-th visitor (1 to 65,000): 127.1.x.y, never an address of the proxy or of the test itself. */
    static LoopbackClient visitor(int n) {
        return new LoopbackClient("127.1." + (n / 250) + "." + (1 + n % 250));
    }

    String address() {
        return localAddress;
    }

    Answer postJson(URI uri, String json, Map<String, String> extraHeaders) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(120_000);
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder()
                    .append("POST ").append(uri.getRawPath()).append(" HTTP/1.0\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Accept: application/json\r\n")
                    .append("Accept-Language: nl\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
            extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(localAddress + " → " + uri, e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new Answer(status, headers, text.substring(end + 4));
    }
}
