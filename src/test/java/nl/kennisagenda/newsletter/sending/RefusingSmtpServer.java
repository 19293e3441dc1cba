package nl.kennisagenda.newsletter.sending;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A minimal SMTP server for the bounce test, because GreenMail cannot refuse a recipient: it accepts every message
 * except that RCPT TO answers {@code 550} for addresses starting with "weigert" (a permanent refusal) and {@code 451}
 * for addresses starting with "later" (a transient one). It remembers the recipients of the messages it accepted.
 * Started before the application, which sends to it (quarkus.mailer.*); tests get it injected.
 */
public class RefusingSmtpServer implements QuarkusTestResourceLifecycleManager {

    private ServerSocket socket;
    private final List<String> accepted = new CopyOnWriteArrayList<>();

    /** Recipients of the messages that were accepted, one entry per message. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public Map<String, String> start() {
        try {
            socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptConnections, "refusing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(socket.getLocalPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.timeout", "10s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.MatchesType(RefusingSmtpServer.class));
    }

    @Override
    public void stop() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void acceptConnections() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread session = new Thread(() -> converse(client), "refusing-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client; BufferedReader in = new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 refusing-smtp ready");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 refusing-smtp");
                } else if (command.startsWith("MAIL FROM")) {
                    recipient = null;
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    if (address.startsWith("weigert")) {
                        reply(out, "550 5.1.1 No such user here");
                    } else if (address.startsWith("later")) {
                        reply(out, "451 4.3.0 Try again later");
                    } else {
                        recipient = address;
                        reply(out, "250 OK");
                    }
                } else if (command.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message itself is not needed
                    }
                    if (recipient != null) {
                        accepted.add(recipient);
                    }
                    reply(out, "250 OK queued");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else {
                    // RSET, NOOP and anything else
                    recipient = command.startsWith("RSET") ? null : recipient;
                    reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
