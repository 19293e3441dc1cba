package nl.kennisagenda.newsletter;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import nl.kennisagenda.common.IdentifiedEntity;
import nl.kennisagenda.event.Organisation;

/**
 * One address on the newsletter list, with the organisations and themes it chose. One row per address
 * ({@link #emailKey}); consent is recorded separately, per opt-in.
 */
@Entity
@Table(name = "newsletter_subscribers")
public class Subscriber extends IdentifiedEntity {

    /** As typed (validated by mail/MailHeaders#address before it is stored). */
    @Column(nullable = false)
    public String email;

    /** The address in lower case: the key that makes one row per address. */
    @Column(name = "email_key", nullable = false, unique = true)
    public String emailKey;

    public String name;

    /** "nl" or "en": the edition this subscriber receives. */
    @Column(name = "mail_locale", nullable = false)
    public String locale = "nl";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubscriberStatus status = SubscriberStatus.PENDING;

    /** Secret of the preferences and unsubscribe links in every mail ({@link NewsletterLinks}). */
    @Column(nullable = false, unique = true)
    public String token;

    @ManyToMany
    @JoinTable(name = "newsletter_subscriber_organisations", joinColumns = @JoinColumn(name = "subscriber_id"),
            inverseJoinColumns = @JoinColumn(name = "organisation_id"))
    public Set<Organisation> organisations = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "newsletter_subscriber_themes", joinColumns = @JoinColumn(name = "subscriber_id"))
    @Column(name = "theme")
    public Set<String> themes = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    /** LINK, ONE_CLICK, MAILTO, ORGANISER or BOUNCE. */
    @Column(name = "unsubscribe_method")
    public String unsubscribeMethod;

    @Column(name = "bounced_at")
    public Instant bouncedAt;

    @Column(name = "bounce_reason")
    public String bounceReason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When the last confirmation or "already subscribed" mail went out (subscription/Subscriptions throttles). */
    @Column(name = "last_mailed_at")
    public Instant lastMailedAt;

    /** When this imported address got its one re-permission mail; never a second one. */
    @Column(name = "repermission_sent_at")
    public Instant repermissionSentAt;

    public static String keyOf(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<Subscriber> findByEmail(String email) {
        return find("emailKey", keyOf(email)).firstResultOptional();
    }

    public static Optional<Subscriber> findByToken(String token) {
        return find("token", token).firstResultOptional();
    }

    /** Whether an issue may be sent to this address now. */
    public boolean receivesIssues() {
        return status == SubscriberStatus.CONFIRMED;
    }

    public Locale mailLocale() {
        return "en".equals(locale) ? Locale.ENGLISH : Locale.forLanguageTag("nl");
    }
}
