package nl.kennisagenda.newsletter.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import nl.kennisagenda.common.Tokens;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.mail.MailHeaders;
import nl.kennisagenda.newsletter.Subscriber;
import nl.kennisagenda.newsletter.SubscriberStatus;
import nl.kennisagenda.newsletter.subscription.ConsentTexts.ConsentText;

/**
 * Subscribing to the newsletter with double opt-in, and leaving it. The rules:
 * <ul>
 * <li>A request never subscribes anyone directly: the address becomes (or stays) PENDING, a consent record is written
 * and the owner gets a confirmation link; only following it makes the subscription CONFIRMED.</li>
 * <li>The caller shows the same answer whatever the address's state (no enumeration); the owner of a confirmed address
 * gets a mail that says so, with the link to their preferences, and their choices are not changed by someone who only
 * knows the address.</li>
 * <li>At most one confirmation or "already subscribed" mail per address per {@code mail-quiet-period}.</li>
 * <li>An unsubscribe is immediate and final for every later send; only a new confirmed opt-in undoes it.</li>
 * </ul>
 * Each request locks the subscriber row (SELECT … FOR UPDATE), so two requests for one address are handled one after
 * the other; two that create the same new address at once collide on the unique {@code email_key}, and the losing
 * transaction fails (the event sign-up retries it through {@code TransactionRetry}).
 */
@ApplicationScoped
public class Subscriptions {

    private static final Logger LOG = Logger.getLogger(Subscriptions.class);

    /** How someone left the list ({@link Subscriber#unsubscribeMethod}). */
    public static final String LINK = "LINK";
    public static final String ONE_CLICK = "ONE_CLICK";
    public static final String MAILTO = "MAILTO";
    public static final String ORGANISER = "ORGANISER";
    public static final String BOUNCE = "BOUNCE";

    @Inject
    SubscriptionConfig config;

    @Inject
    NewsletterMails mails;

    /**
     * An opt-in request as it came in.
     *
     * @param organisations the organisations whose newsletter is asked for
     * @param themes the themes asked for
     * @param consent the exact text shown next to the request
     * @param privacyVersion the privacy statement version shown with it (checked by the caller against the version
     *        in force, see privacy/PrivacyStatements#shownVersion); null when no notice was shown
     */
    public record Request(String email, String name, Locale locale, Set<Organisation> organisations,
            Set<String> themes, ConsentSource source, String sourceDetail, ConsentText consent,
            String privacyVersion) {

        /** A request without a privacy notice shown by us (an import, a test fixture). */
        public Request(String email, String name, Locale locale, Set<Organisation> organisations, Set<String> themes,
                ConsentSource source, String sourceDetail, ConsentText consent) {
            this(email, name, locale, organisations, themes, source, sourceDetail, consent, null);
        }
    }

    /** What happened, for logs and tests; never shown to the visitor. */
    public enum Outcome {
        CONFIRMATION_MAILED, ALREADY_SUBSCRIBED_MAILED, QUIET
    }

    /** Where a confirmation link stands. */
    public enum LinkState {
        OPEN, USED, EXPIRED, UNKNOWN
    }

    /** The link of a confirmation or re-permission mail does not work (any more). */
    public static class LinkNotUsableException extends RuntimeException {
        public final LinkState state;

        public LinkNotUsableException(LinkState state) {
            super("confirmation link " + state, null, false, false);
            this.state = state;
        }
    }

    /**
     * Handles an opt-in request in the caller's transaction (or a new one).
     *
     * @throws nl.kennisagenda.mail.InvalidMailAddressException when the address is not one valid address; nothing is
     *         written
     */
    @Transactional
    public Outcome request(Request request) {
        String address = MailHeaders.address(request.email() == null ? "" : request.email().strip());
        Instant now = Instant.now();
        Subscriber subscriber = lockedByEmail(address).orElse(null);
        if (subscriber == null) {
            subscriber = newSubscriber(address, request.name(), request.locale(), now);
            subscriber.organisations.addAll(request.organisations());
            subscriber.themes.addAll(request.themes());
            subscriber.persist();
            return askToConfirm(subscriber, request, now);
        }
        switch (subscriber.status) {
            case CONFIRMED -> {
                // Someone who only knows the address may not change its choices: the owner is told, with the link
                // to the preferences page where they can add what was asked for.
                if (quiet(subscriber, now)) {
                    return Outcome.QUIET;
                }
                subscriber.lastMailedAt = now;
                mails.alreadySubscribed(subscriber);
                return Outcome.ALREADY_SUBSCRIBED_MAILED;
            }
            case PENDING -> {
                subscriber.organisations.addAll(request.organisations());
                subscriber.themes.addAll(request.themes());
            }
            case UNSUBSCRIBED, BOUNCING -> {
                // A new opt-in after leaving: the old choices no longer count, the new ones wait for confirmation.
                subscriber.status = SubscriberStatus.PENDING;
                subscriber.organisations.clear();
                subscriber.organisations.addAll(request.organisations());
                subscriber.themes.clear();
                subscriber.themes.addAll(request.themes());
            }
        }
        if (request.name() != null && !request.name().isBlank()) {
            subscriber.name = request.name().strip();
        }
        subscriber.locale = request.locale().getLanguage();
        subscriber.updatedAt = now;
        return askToConfirm(subscriber, request, now);
    }

    /** The consent record of this request, and the confirmation mail unless one went out just now. */
    private Outcome askToConfirm(Subscriber subscriber, Request request, Instant now) {
        Consent consent = consent(subscriber, request.source(), request.sourceDetail(), request.consent(),
                request.locale(), now);
        consent.privacyVersion = request.privacyVersion();
        // What this request asked for (the subscriber's choices may hold earlier ones too).
        consent.scope = scope(request.organisations(), request.themes());
        if (quiet(subscriber, now)) {
            // Recorded, but no second mail within the quiet period: the link of the earlier mail still works.
            consent.persist();
            LOG.debugf("Newsletter opt-in for subscriber %d recorded without mail (quiet period)", subscriber.id);
            return Outcome.QUIET;
        }
        String token = withLink(consent, now);
        consent.persist();
        subscriber.lastMailedAt = now;
        mails.confirmation(subscriber, consent, token);
        LOG.infof("Newsletter opt-in (%s) for subscriber %d: confirmation mailed", request.source(), subscriber.id);
        return Outcome.CONFIRMATION_MAILED;
    }

    /** Where the link with this token stands (for the page the link opens). */
    @Transactional(TxType.SUPPORTS)
    public LinkState linkState(String token) {
        return usableConsent(token).map(consent -> state(consent, Instant.now())).orElse(LinkState.UNKNOWN);
    }

    /**
     * Confirms the opt-in of the link: the subscriber becomes CONFIRMED (again following an old link changes
     * nothing).
     *
     * @return the subscriber's own token, for the preferences page
     * @throws LinkNotUsableException when the link is unknown or expired, or the address left the list after asking
     */
    @Transactional
    public String confirm(String token) {
        Consent consent = usableConsent(token).orElseThrow(() -> new LinkNotUsableException(LinkState.UNKNOWN));
        Subscriber subscriber = lock(consent.subscriber);
        Instant now = Instant.now();
        LinkState state = state(consent, now);
        if (state == LinkState.USED) {
            return subscriber.token;
        }
        if (state != LinkState.OPEN) {
            throw new LinkNotUsableException(state);
        }
        consent.confirmedAt = now;
        if (subscriber.status != SubscriberStatus.CONFIRMED) {
            subscriber.status = SubscriberStatus.CONFIRMED;
            subscriber.confirmedAt = now;
            subscriber.unsubscribedAt = null;
            subscriber.unsubscribeMethod = null;
            subscriber.updatedAt = now;
        }
        LOG.infof("Newsletter subscription %d confirmed (%s)", subscriber.id, consent.source);
        return subscriber.token;
    }

    /**
     * The owner of an expired link asks for a new one (the button on the "link expired" page): a new consent record
     * for the same request and a fresh confirmation mail, unless the address is no longer waiting for confirmation
     * (confirmed meanwhile, or unsubscribed after asking) or was mailed within the quiet period. The page answers the
     * same either way.
     *
     * @throws LinkNotUsableException when the link is unknown
     */
    @Transactional
    public void askAgain(String token) {
        Consent expired = usableConsent(token).orElseThrow(() -> new LinkNotUsableException(LinkState.UNKNOWN));
        Subscriber subscriber = lock(expired.subscriber);
        Instant now = Instant.now();
        if (state(expired, now) != LinkState.EXPIRED || subscriber.status != SubscriberStatus.PENDING
                || quiet(subscriber, now)) {
            return;
        }
        Consent again = new Consent();
        again.subscriber = subscriber;
        again.requestedAt = now;
        again.source = expired.source;
        again.sourceDetail = expired.sourceDetail;
        again.scope = expired.scope;
        again.consentText = expired.consentText;
        again.consentVersion = expired.consentVersion;
        again.privacyVersion = expired.privacyVersion;
        again.locale = expired.locale;
        again.legalBasis = expired.legalBasis;
        String newToken = withLink(again, now);
        again.persist();
        subscriber.lastMailedAt = now;
        mails.confirmation(subscriber, again, newToken);
        LOG.infof("Newsletter subscriber %d asked for a new confirmation link", subscriber.id);
    }

    /**
     * Leaves the list at once: every later send skips the address. Unknown tokens change nothing; an address that
     * already left keeps its first time and way of leaving.
     *
     * @return whether the token belongs to a subscriber
     */
    @Transactional
    public boolean unsubscribe(String token, String method) {
        Optional<Subscriber> found = token == null || token.length() > 100 ? Optional.empty()
                : Subscriber.find("token", token).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        found.ifPresent(subscriber -> leave(subscriber, method, Instant.now()));
        return found.isPresent();
    }

    /** Takes the subscriber off the list (also used by organisers), in the caller's transaction. */
    @Transactional(TxType.MANDATORY)
    void leave(Subscriber subscriber, String method, Instant now) {
        if (subscriber.status == SubscriberStatus.UNSUBSCRIBED) {
            return;
        }
        subscriber.status = SubscriberStatus.UNSUBSCRIBED;
        subscriber.unsubscribedAt = now;
        subscriber.unsubscribeMethod = method;
        subscriber.updatedAt = now;
        Consent.withdrawAll(subscriber, now, method);
        LOG.infof("Newsletter subscriber %d unsubscribed (%s)", subscriber.id, method);
    }

    /**
     * The mail server refused the address permanently (5xx): no further sends to it. An address that had already left
     * the list stays UNSUBSCRIBED; the bounce is recorded either way.
     */
    @Transactional
    public void markBouncing(long subscriberId, String reason) {
        Subscriber subscriber = Subscriber.findById(subscriberId, LockModeType.PESSIMISTIC_WRITE);
        if (subscriber == null) {
            return;
        }
        Instant now = Instant.now();
        subscriber.bouncedAt = now;
        subscriber.bounceReason = reason == null ? null : reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        if (subscriber.status != SubscriberStatus.UNSUBSCRIBED) {
            subscriber.status = SubscriberStatus.BOUNCING;
        }
        subscriber.updatedAt = now;
        LOG.infof("Newsletter subscriber %d marked as bouncing", subscriber.id);
    }

    /** The subscriber of a preferences or unsubscribe link. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Subscriber> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Subscriber> found = Subscriber.findByToken(token);
        found.ifPresent(subscriber -> {
            subscriber.organisations.size();
            subscriber.themes.size();
        });
        return found;
    }

    /**
     * Saves the choices made on the preferences page. The link came by mail to the address, so saving is a confirmed
     * opt-in for the chosen organisations and themes (recorded with the page's consent text): also for an address that
     * had left the list and comes back through its old link.
     *
     * @return false when the token is unknown
     * @throws IllegalArgumentException when nothing is chosen (the page asks to choose or unsubscribe)
     */
    @Transactional
    public boolean savePreferences(String token, Locale locale, Set<Organisation> organisations, Set<String> themes,
            String privacyVersion) {
        if (organisations.isEmpty() && themes.isEmpty()) {
            throw new IllegalArgumentException("nothing chosen");
        }
        Optional<Subscriber> found = token == null || token.length() > 100 ? Optional.empty()
                : Subscriber.find("token", token).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (found.isEmpty()) {
            return false;
        }
        Subscriber subscriber = found.get();
        Instant now = Instant.now();
        subscriber.organisations.clear();
        subscriber.organisations.addAll(organisations);
        subscriber.themes.clear();
        subscriber.themes.addAll(themes);
        subscriber.locale = locale.getLanguage();
        Consent consent = consent(subscriber, ConsentSource.PREFERENCES, null, ConsentTexts.preferences(locale),
                locale, now);
        consent.privacyVersion = privacyVersion;
        consent.confirmedAt = now;
        consent.persist();
        if (subscriber.status != SubscriberStatus.CONFIRMED) {
            subscriber.status = SubscriberStatus.CONFIRMED;
            subscriber.confirmedAt = now;
            subscriber.unsubscribedAt = null;
            subscriber.unsubscribeMethod = null;
        }
        subscriber.updatedAt = now;
        return true;
    }

    // ---------------------------------------------------------------- shared with the import

    static Subscriber newSubscriber(String address, String name, Locale locale, Instant now) {
        Subscriber subscriber = new Subscriber();
        subscriber.email = address;
        subscriber.emailKey = Subscriber.keyOf(address);
        subscriber.name = name == null || name.isBlank() ? null : name.strip();
        subscriber.locale = locale.getLanguage();
        subscriber.status = SubscriberStatus.PENDING;
        subscriber.token = Tokens.newToken();
        subscriber.createdAt = now;
        subscriber.updatedAt = now;
        return subscriber;
    }

    static Consent consent(Subscriber subscriber, ConsentSource source, String detail, ConsentText text,
            Locale locale, Instant now) {
        Consent consent = new Consent();
        consent.subscriber = subscriber;
        consent.requestedAt = now;
        consent.source = source;
        consent.sourceDetail = detail;
        consent.scope = scope(subscriber.organisations, subscriber.themes);
        consent.consentText = text.text();
        consent.consentVersion = text.version();
        consent.locale = locale.getLanguage();
        return consent;
    }

    /** Gives the consent a confirmation link; returns its token (only the hash is stored). */
    String withLink(Consent consent, Instant now) {
        String token = Tokens.newToken();
        consent.confirmTokenHash = ConsentTexts.sha256(token);
        consent.confirmExpiresAt = now.plus(config.confirmLinkValidity());
        return token;
    }

    static String scope(Collection<Organisation> organisations, Collection<String> themes) {
        Set<String> parts = new LinkedHashSet<>();
        organisations.forEach(organisation -> parts.add(organisation.name));
        themes.forEach(theme -> parts.add("#" + theme));
        String scope = parts.stream().collect(Collectors.joining(", "));
        return scope.length() <= 2000 ? scope : scope.substring(0, 2000);
    }

    static Optional<Subscriber> lockedByEmail(String address) {
        return Subscriber.find("emailKey", Subscriber.keyOf(address)).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    private static Subscriber lock(Subscriber subscriber) {
        Subscriber.getEntityManager().lock(subscriber, LockModeType.PESSIMISTIC_WRITE);
        Subscriber.getEntityManager().refresh(subscriber);
        return subscriber;
    }

    private boolean quiet(Subscriber subscriber, Instant now) {
        return subscriber.lastMailedAt != null && subscriber.lastMailedAt.plus(config.mailQuietPeriod()).isAfter(now);
    }

    private static Optional<Consent> usableConsent(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return Consent.findByTokenHash(ConsentTexts.sha256(token));
    }

    private static LinkState state(Consent consent, Instant now) {
        if (consent.confirmedAt != null) {
            return LinkState.USED;
        }
        Subscriber subscriber = consent.subscriber;
        boolean leftAfterAsking = subscriber.unsubscribedAt != null
                && subscriber.status == SubscriberStatus.UNSUBSCRIBED
                && !subscriber.unsubscribedAt.isBefore(consent.requestedAt);
        if (consent.isExpiredAt(now) || leftAfterAsking) {
            return LinkState.EXPIRED;
        }
        return LinkState.OPEN;
    }
}
