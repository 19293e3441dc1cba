package nl.kennisagenda.mail;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.LaunchMode;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.mail.MailClient;

/**
 * Hands one stored mail to the SMTP server: exactly the header fields the mail has, and no empty ones.
 * <p>
 * Why not {@link Mailer} for real SMTP: quarkus-mailer 3.34 copies its {@code Mail}'s recipient lists into the Vert.x
 * message as they are, and a {@code Mail} never has a null Cc list (setting null gives an empty list), while the
 * Vert.x encoder writes a {@code Cc:} field for every non-null list. So every mail went out with an empty
 * {@code Cc:}, which RFC 5322 does not allow (an address list needs at least one address). Here the Vert.x message
 * is built directly on the same client quarkus-mailer configured (host, TLS, login, pool, DKIM), with only To set.
 * In mock mode ({@code quarkus.mailer.mock}, by default on in dev and test as in quarkus-mailer) nothing leaves the
 * machine, so the mock {@link Mailer} keeps receiving the mail as before.
 */
@ApplicationScoped
public class MailDelivery {

    @Inject
    Mailer mockMailer;

    @Inject
    MailClient client;

    @ConfigProperty(name = "quarkus.mailer.from")
    Optional<String> from;

    @ConfigProperty(name = "quarkus.mailer.bounce-address")
    Optional<String> bounceAddress;

    @ConfigProperty(name = "quarkus.mailer.mock")
    Optional<Boolean> mock;

    /** As quarkus-mailer's blocking mailer: how long one send may take. */
    @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "10s")
    Duration timeout;

    /** Whether quarkus-mailer is in mock mode (its own rule: unset means on in dev and test). */
    boolean isMock() {
        return mock.orElse(LaunchMode.current().isDevOrTest());
    }

    /** Sends and waits for the server's answer; throws when the server refuses or does not answer in time. */
    void send(String recipient, String subject, String text, String html, String messageId,
            Map<String, String> headers, List<MailAttachment> attachments) {
        // Checked when the mail was enqueued or rendered (MailHeaders.extraHeaders); checked again, as they go out.
        Map<String, String> extra = MailHeaders.extraHeaders(headers);
        if (isMock()) {
            mockMailer.send(quarkusMail(recipient, subject, text, html, messageId, extra, attachments));
            return;
        }
        MailMessage message = message(recipient, subject, text, html, messageId, extra, attachments);
        if (timeout.isZero()) {
            client.sendMailAndAwait(message);
        } else {
            client.sendMail(message).await().atMost(timeout);
        }
    }

    /**
     * Sends a prepared mail (one recipient, its Message-ID and other header fields among its headers) without
     * waiting: for senders that keep several mails in flight over the pooled connections (the newsletter). The same
     * rules as {@link #send}: no empty header fields, the mock mailer in mock mode.
     */
    public CompletionStage<Void> sendAsync(Mail mail) {
        if (mail.getTo().size() != 1 || !mail.getCc().isEmpty() || !mail.getBcc().isEmpty()) {
            throw new IllegalArgumentException("one recipient, no Cc or Bcc");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        mail.getHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        String messageId = headers.remove("Message-ID");
        Map<String, String> extra = MailHeaders.extraHeaders(headers);
        if (isMock()) {
            mockMailer.send(quarkusMail(mail.getTo().get(0), mail.getSubject(), mail.getText(), mail.getHtml(),
                    messageId, extra, List.of()));
            return CompletableFuture.completedFuture(null);
        }
        return client.sendMail(message(mail.getTo().get(0), mail.getSubject(), mail.getText(), mail.getHtml(),
                messageId, extra, List.of())).subscribeAsCompletionStage().thenApply(result -> null);
    }

    /** The Vert.x message: From, To, Subject, Message-ID, the extra fields; no Cc or Bcc at all. */
    MailMessage message(String recipient, String subject, String text, String html, String messageId,
            Map<String, String> headers, List<MailAttachment> attachments) {
        MailMessage message = new MailMessage();
        message.setFrom(from.orElseThrow(() -> new IllegalStateException("quarkus.mailer.from is not set")));
        bounceAddress.ifPresent(message::setBounceAddress);
        message.setTo(List.of(recipient));
        message.setSubject(subject);
        message.setText(text);
        if (html != null) {
            message.setHtml(html);
        }
        message.addHeader("Message-ID", messageId);
        headers.forEach(message::addHeader);
        if (!attachments.isEmpty()) {
            message.setAttachment(attachments.stream()
                    .map(attachment -> io.vertx.ext.mail.MailAttachment.create()
                            .setName(attachment.fileName)
                            .setContentType(attachment.contentType)
                            .setDisposition("attachment")
                            .setData(Buffer.buffer(attachment.content).getDelegate()))
                    .toList());
        }
        return message;
    }

    private static Mail quarkusMail(String recipient, String subject, String text, String html, String messageId,
            Map<String, String> headers, List<MailAttachment> attachments) {
        Mail mail = Mail.withText(recipient, subject, text);
        if (html != null) {
            mail.setHtml(html);
        }
        mail.addHeader("Message-ID", messageId);
        headers.forEach(mail::addHeader);
        for (MailAttachment attachment : attachments) {
            mail.addAttachment(attachment.fileName,
                    attachment.content.getBytes(java.nio.charset.StandardCharsets.UTF_8), attachment.contentType);
        }
        return mail;
    }
}
