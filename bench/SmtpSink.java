import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast local SMTP sink for the newsletter bench: speaks enough SMTP for one message per MAIL/RCPT/DATA round on
 * kept-alive connections (one thread per connection), accepts everything, keeps nothing. Every 200 ms it writes the
 * number of messages accepted for recipients starting with {@code PREFIX} to {@code COUNT_FILE}.
 *
 * <pre>java bench/SmtpSink.java PORT PREFIX COUNT_FILE</pre>
 */
public class SmtpSink {

    static final AtomicLong MATCHED = new AtomicLong();
    static final AtomicLong ALL = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String prefix = args[1];
        Path countFile = Path.of(args[2]);
        Thread reporter = new Thread(() -> {
            while (true) {
                try {
                    Files.writeString(countFile, MATCHED.get() + " " + ALL.get() + "\n");
                    Thread.sleep(200);
                } catch (Exception e) {
                    return;
                }
            }
        });
        reporter.setDaemon(true);
        reporter.start();
        try (ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress())) {
            System.out.println("SMTP sink listening on " + port);
            while (true) {
                Socket client = server.accept();
                Thread session = new Thread(() -> converse(client, prefix));
                session.setDaemon(true);
                session.start();
            }
        }
    }

    static void converse(Socket client, String prefix) {
        try (client; BufferedReader in = new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1), 65536);
                OutputStream out = client.getOutputStream()) {
            client.setTcpNoDelay(true);
            reply(out, "220 sink ready");
            boolean matched = false;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() > 10 ? line.substring(0, 10).toUpperCase(Locale.ROOT)
                        : line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 sink");
                } else if (command.startsWith("MAIL FROM")) {
                    matched = false;
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO")) {
                    matched |= line.substring(line.indexOf('<') + 1).startsWith(prefix);
                    reply(out, "250 OK");
                } else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // discarded
                    }
                    ALL.incrementAndGet();
                    if (matched) {
                        MATCHED.incrementAndGet();
                    }
                    reply(out, "250 OK");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // client gone
        }
    }

    static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
