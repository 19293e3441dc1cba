package nl.kennisagenda.newsletter.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.newsletter.Subscriber;
import nl.kennisagenda.newsletter.SubscriberStatus;

/**
 * A few example newsletter subscribers for the demo data (confirmed, pending, unsubscribed), each with its consent
 * record, so the organiser's subscriber pages have something to show. No mails are written.
 */
public final class DemoSubscribers {

    private DemoSubscribers() {
    }

    @Transactional(TxType.MANDATORY)
    public static void seed(Organisation platform31, Organisation vilans, Instant now) {
        add("marieke.jansen@example.org", "Marieke Jansen", "nl", SubscriberStatus.CONFIRMED, platform31, now,
                Duration.ofDays(40));
        add("pieter.devries@example.org", "Pieter de Vries", "nl", SubscriberStatus.CONFIRMED, platform31, now,
                Duration.ofDays(12));
        add("sarah.obrien@example.org", "Sarah O'Brien", "en", SubscriberStatus.CONFIRMED, vilans, now,
                Duration.ofDays(30));
        add("nog.niet.bevestigd@example.org", null, "nl", SubscriberStatus.PENDING, platform31, now,
                Duration.ofHours(5));
        add("oud.lid@example.org", "Oud Lid", "nl", SubscriberStatus.UNSUBSCRIBED, platform31, now,
                Duration.ofDays(90));
    }

    private static void add(String email, String name, String language, SubscriberStatus status,
            Organisation organisation, Instant now, Duration ago) {
        Instant asked = now.minus(ago);
        Locale locale = "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("nl");
        Subscriber subscriber = Subscriptions.newSubscriber(email, name, locale, asked);
        subscriber.organisations.add(organisation);
        subscriber.status = status;
        if (status != SubscriberStatus.PENDING) {
            subscriber.confirmedAt = asked.plus(Duration.ofMinutes(7));
        }
        if (status == SubscriberStatus.UNSUBSCRIBED) {
            subscriber.unsubscribedAt = asked.plus(Duration.ofDays(30));
            subscriber.unsubscribeMethod = Subscriptions.ONE_CLICK;
        }
        subscriber.persist();
        Consent consent = Subscriptions.consent(subscriber, ConsentSource.FORM, null, ConsentTexts.form(locale),
                locale, asked);
        consent.confirmedAt = subscriber.confirmedAt;
        consent.withdrawnAt = subscriber.unsubscribedAt;
        consent.withdrawnMethod = subscriber.unsubscribeMethod;
        consent.persist();
    }
}
