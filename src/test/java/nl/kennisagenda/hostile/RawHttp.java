package nl.kennisagenda.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: HTTP clients refuse to send most of what a hostile client
 * sends (CR/LF in a header, a request target with broken escapes, a Content-Type with an unknown charset, two
 * Host headers). One connection per request ({@code Connection: close}); chunked answers are de-chunked.
 */
final class RawHttp {

    /** One answer. {@code status} 0 when the server closed the connection without answering. */
    record Reply(String version, int status, String reason, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type.toLowerCase(Locale.ROOT);
        }
    }

    /** A request under construction: start line, header lines and body, nothing checked or encoded. */
    static final class Request {
        final String method;
        final String target;
        final List<String> headers = new ArrayList<>();
        byte[] body = new byte[0];

        Request(String method, String target) {
            this.method = method;
            this.target = target;
        }

        Request header(String name, String value) {
            headers.add(name + ": " + value);
            return this;
        }

        Request body(String contentType, byte[] bytes) {
            if (contentType != null) {
                header("Content-Type", contentType);
            }
            body = bytes;
            return this;
        }

        byte[] bytes(int port) {
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: localhost:").append(port).append("\r\n");
            for (String line : headers) {
                head.append(line).append("\r\n");
            }
            if (body.length > 0 || !method.equals("GET")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            // Header text goes out as ISO-8859-1: one octet per char, so tests can send any byte they like.
            byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[start.length + body.length];
            System.arraycopy(start, 0, all, 0, start.length);
            System.arraycopy(body, 0, all, start.length, body.length);
            return all;
        }

        @Override
        public String toString() {
            String shown = method + " " + abbreviate(target, 160) + headers.stream()
                    .filter(line -> !line.startsWith("Cookie:") && !line.startsWith("Accept-Language: nl")
                            && !line.startsWith("Content-Type: application/x-www-form-urlencoded; charset=UTF-8"))
                    .map(line -> " {" + abbreviate(line, 80) + "}").reduce("", String::concat);
            return body.length == 0 ? shown
                    : shown + " [" + body.length + " bytes: "
                            + abbreviate(new String(body, StandardCharsets.ISO_8859_1), 160) + "]";
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    Reply send(Request request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.bytes(port));
                out.flush();
            } catch (SocketException e) {
                // The server may answer (413, 431) and close before it has read all of a large request.
            }
            return read(socket.getInputStream());
        }
    }

    private static Reply read(InputStream in) throws IOException {
        byte[] all;
        try {
            all = in.readAllBytes();
        } catch (SocketException e) {
            all = new byte[0];
        }
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            return new Reply("", 0, "no answer", Map.of(), text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] start = lines[0].split(" ", 3);
        int status = Integer.parseInt(start[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        if (encoding.stream().anyMatch(value -> value.equalsIgnoreCase("chunked"))) {
            body = dechunk(body);
        }
        return new Reply(start[0], status, start.length > 2 ? start[2] : "", headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrLf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length;
            try {
                length = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (length == 0) {
                break;
            }
            int from = lineEnd + 2;
            out.write(chunked, from, Math.min(length, chunked.length - from));
            at = from + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    static String abbreviate(String text, int max) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…(" + oneLine.length() + ")";
    }
}
