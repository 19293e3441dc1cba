package nl.kennisagenda.mail;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import nl.kennisagenda.testsupport.Await;

/**
 * Gets the application's mail client a working pooled connection to GreenMail before a test counts sends.
 * <p>
 * Why: the Vert.x mail client (4.5.25) sometimes loses the server's greeting on a <em>new</em> connection (bytes that
 * arrive before it registers its socket handler are dropped), so that send hangs until {@code quarkus.mailer.timeout}
 * or fails with a garbled greeting ("got error response: 7.0.0.1 GreenMail SMTP Service ... ready"). Reused pooled
 * connections start with RSET and are not affected. After GreenMail (re)starts every connection is new, so a test
 * that asserts exact attempt counts first waits here until one send has gone through; the following sends reuse
 * that connection. See docs/mail.md, "Tests".
 */
@ApplicationScoped
public class MailClientWarmUp {

    private static final Logger LOG = Logger.getLogger(MailClientWarmUp.class);
    private static final String PROBE_RECIPIENT = "warm-up@example.org";
    /** A healthy send to GreenMail takes milliseconds; a lost greeting never completes. */
    private static final Duration TRY_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    ReactiveMailer mailer;

    /** Returns once a probe mail was delivered to {@code smtp}; the probe is removed from its mailbox again. */
    public void awaitDelivery(SmtpServer smtp) {
        Await.until("the mail client delivers to GreenMail", Duration.ofSeconds(30), this::trySend);
        smtp.purge();
    }

    private boolean trySend() {
        try {
            mailer.send(Mail.withText(PROBE_RECIPIENT, "warm-up", "warm-up")).await().atMost(TRY_TIMEOUT);
            return true;
        } catch (RuntimeException e) {
            LOG.infof("Warm-up send to GreenMail failed, trying again: %s", e);
            return false;
        }
    }
}
