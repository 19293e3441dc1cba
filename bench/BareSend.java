import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

/**
 * The bare loop of the newsletter bench: the same messages (edition, footer with personal links, the list headers,
 * a Message-ID) to the same SMTP sink with the same client the platform uses (Vert.x mail client, pool of POOL
 * connections, keep-alive, at most CONCURRENCY in flight), but without the platform: no database, no claims, no
 * status, no rate. Run with the application's libraries on the class path:
 *
 * <pre>java -cp "target/quarkus-app/lib/main/*" bench/BareSend.java PORT COUNT CONCURRENCY POOL EDITION_FILE</pre>
 */
public class BareSend {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        int pool = Integer.parseInt(args[3]);
        String edition = Files.readString(Path.of(args[4]));
        String text = edition.replaceAll("<[^>]+>", "");
        Vertx vertx = Vertx.vertx();
        MailClient client = MailClient.create(vertx, new MailConfig().setHostname("127.0.0.1").setPort(port)
                .setStarttls(StartTLSOptions.DISABLED).setKeepAlive(true).setMaxPoolSize(pool));
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(count);
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            String token = "benchtoken" + i;
            String unsubscribe = "http://localhost:18095/newsletter/unsubscribe/" + token;
            String footer = "<hr><p>U ontvangt deze nieuwsbrief van Platform31 omdat u zich op 24 november 2026 hebt"
                    + " aangemeld.</p><p><a href=\"http://localhost:18095/newsletter/preferences/" + token
                    + "\">Voorkeuren wijzigen</a> &middot; <a href=\"" + unsubscribe + "\">Afmelden</a></p>";
            MailMessage message = new MailMessage().setFrom("Kennisagenda <noreply@example.org>")
                    .setTo("bench-" + i + "@example.org").setSubject("Nieuwsbrief: bench")
                    .setText(text + "\n--\nAfmelden: " + unsubscribe)
                    .setHtml("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Nieuwsbrief</title>"
                            + "</head><body><div>" + edition + footer + "</div></body></html>")
                    .setHeaders(MultiMap.caseInsensitiveMultiMap()
                            .add("Message-ID", "<bare." + i + "@localhost>")
                            .add("List-Unsubscribe", "<" + unsubscribe
                                    + ">, <mailto:unsubscribe@example.org?subject=unsubscribe%20" + token + ">")
                            .add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
            inFlight.acquireUninterruptibly();
            client.sendMail(message).onComplete(result -> {
                if (result.failed()) {
                    failed.incrementAndGet();
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("bare loop: %d messages in %.1f s = %.0f messages/s, %d failed%n", count, seconds,
                count / seconds, failed.get());
        client.close();
        vertx.close();
    }
}
