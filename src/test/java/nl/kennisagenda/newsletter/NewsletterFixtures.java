package nl.kennisagenda.newsletter;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.newsletter.subscription.Consent;
import nl.kennisagenda.newsletter.subscription.ConsentSource;
import nl.kennisagenda.newsletter.subscription.ConsentTexts;
import nl.kennisagenda.newsletter.subscription.Subscriptions;

/** Subscribers of platform31 in the states the pages show, made through the service (for page checks). */
public final class NewsletterFixtures {

    private static final Pattern CONFIRM_LINK = Pattern.compile("/newsletter/confirm/([A-Za-z0-9_-]+)");

    private NewsletterFixtures() {
    }

    /** A new pending subscriber; returns the token of its confirmation link (read from its mail). */
    public static String pendingConfirmToken(String name) {
        String email = name + "-" + System.nanoTime() + "@example.org";
        Locale dutch = Locale.forLanguageTag("nl");
        QuarkusTransaction.requiringNew().run(() -> subscriptions().request(new Subscriptions.Request(email,
                "Anna de Vries", dutch, Set.of(Organisation.findBySlug("platform31").orElseThrow()), Set.of(),
                ConsentSource.FORM, null, ConsentTexts.form(dutch))));
        String text = QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>find(
                "recipient = ?1 and kind = ?2", email, MailKind.NEWSLETTER_CONFIRMATION).firstResult().textBody);
        Matcher matcher = CONFIRM_LINK.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no confirmation link in " + text);
        }
        return matcher.group(1);
    }

    /** The token of a confirmation link that has expired. */
    public static String expiredConfirmToken(String name) {
        String token = pendingConfirmToken(name);
        QuarkusTransaction.requiringNew().run(() -> Consent.update("confirmExpiresAt = ?1 where confirmTokenHash ="
                + " ?2", Instant.now().minusSeconds(60), ConsentTexts.sha256(token)));
        return token;
    }

    /** A confirmed subscriber's own token (preferences and unsubscribe links). */
    public static String confirmedSubscriberToken(String name) {
        return subscriptions().confirm(pendingConfirmToken(name));
    }

    /** A confirmed subscriber's id. */
    public static long confirmedSubscriberId(String name) {
        String token = confirmedSubscriberToken(name);
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.findByToken(token).orElseThrow().id);
    }

    private static Subscriptions subscriptions() {
        return Arc.container().instance(Subscriptions.class).get();
    }
}
