package nl.kennisagenda.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import nl.kennisagenda.common.Tokens;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.mail.AccountMails;
import nl.kennisagenda.mail.MailKind;

/**
 * Password reset by a mailed link, and the first password of a new account by the same kind of link.
 * <ul>
 * <li>Asking for a link answers the same whether the address has an account or not; it is limited per address
 * and per client address (counted in the database by {@link LoginThrottle}, like failed log-ins).</li>
 * <li>The token is random (192 bits); only its SHA-256 is stored. A link works for
 * {@code kennisagenda.login.reset-link-validity} (1 hour; invitations {@code invitation-link-validity}), once.</li>
 * <li>Choosing a password closes every other open link of the account and sets
 * {@link Account#passwordChangedAt}, which ends every session opened before ({@link SessionIdentityProvider}).</li>
 * </ul>
 */
@ApplicationScoped
public class PasswordResets {

    private static final Logger LOG = Logger.getLogger(PasswordResets.class);

    static final String THROTTLE_ADDRESS = "reset-addr";
    static final String THROTTLE_CLIENT = "reset-ip";
    public static final String LINK_PATH = "/admin/password-reset/";

    @Inject
    LoginThrottle throttle;

    @Inject
    LoginConfig config;

    @Inject
    SiteConfig site;

    @Inject
    AccountMails mails;

    @Inject
    ManagedExecutor executor;

    /** Requests handed to the executor and not finished yet (see {@link #idle}). */
    private final AtomicInteger inFlight = new AtomicInteger();

    /** Too many requests for this address or from this client. */
    public static class ThrottledException extends RuntimeException {
        public ThrottledException() {
            super("too many password-reset requests", null, false, false);
        }
    }

    /** The link is unknown, expired, used, or its account is inactive. */
    public static class InvalidLinkException extends RuntimeException {
        public InvalidLinkException() {
            super("password link not usable", null, false, false);
        }
    }

    /**
     * Someone asks for a reset link for {@code email}: mailed when an active account has that address, nothing
     * otherwise; the caller shows the same answer either way.
     *
     * @throws ThrottledException when the address or the client asked too often
     */
    public void request(String email, String client, Locale locale) {
        String address = Account.normaliseEmail(email);
        // Both limits are counted on every request, whether the address has an account or not.
        boolean addressAdmitted = throttle.admit(THROTTLE_ADDRESS, address, config.maxResetRequestsPerAddress());
        boolean clientAdmitted = throttle.admit(THROTTLE_CLIENT, client, config.maxResetRequestsPerClient());
        if (!addressAdmitted || !clientAdmitted) {
            LOG.infof("Password-reset request refused: too many for this address or from %s", client);
            throw new ThrottledException();
        }
        // Looking the address up and writing the link happen after the answer, so the answer takes as long for an
        // address with an account as for one without: its timing tells nobody which addresses have an account.
        inFlight.incrementAndGet();
        try {
            executor.runAsync(() -> issueIfKnown(address, locale)).whenComplete((done, failure) -> {
                inFlight.decrementAndGet();
                if (failure != null) {
                    LOG.error("Password-reset request could not be handled", failure);
                }
            });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            throw e;
        }
    }

    private void issueIfKnown(String address, Locale locale) {
        QuarkusTransaction.requiringNew().run(() -> Account.findActiveByEmail(address).ifPresentOrElse(
                account -> issue(account, PasswordReset.Purpose.RESET, locale),
                () -> LOG.debugf("Password reset asked for an address without an active account")));
    }

    /** Whether every reset request answered so far has been handled (its link written, or found to need none). */
    public boolean idle() {
        return inFlight.get() == 0;
    }

    /** Creates a link for the account and mails it, in the caller's transaction; returns the token (tests). */
    @Transactional(TxType.MANDATORY)
    public String issue(Account account, PasswordReset.Purpose purpose, Locale locale) {
        String token = Tokens.newToken();
        Duration validity = purpose == PasswordReset.Purpose.INVITATION ? config.invitationLinkValidity()
                : config.resetLinkValidity();
        PasswordReset reset = new PasswordReset();
        reset.tokenHash = hash(token);
        reset.account = account;
        reset.purpose = purpose;
        reset.createdAt = Instant.now();
        reset.expiresAt = reset.createdAt.plus(validity);
        reset.persist();
        mails.passwordLink(purpose == PasswordReset.Purpose.INVITATION ? MailKind.ACCOUNT_INVITATION
                : MailKind.PASSWORD_RESET, account.email, account.name, site.url(LINK_PATH + token), validity,
                locale);
        LOG.infof("Password link (%s) mailed for account %d", purpose, account.id);
        return token;
    }

    /** The e-mail address whose password this link sets, while the link works. */
    @Transactional
    public Optional<String> emailFor(String token) {
        return usable(token, false).map(reset -> reset.account.email);
    }

    /**
     * Sets the password through the link: the link and every other open link of the account are closed, and
     * sessions opened before end. Password rules are checked by the caller ({@link #passwordProblem}).
     *
     * @throws InvalidLinkException when the link does not work (any more)
     */
    @Transactional
    public void choosePassword(String token, String password) {
        if (passwordProblem(password).isPresent()) {
            throw new IllegalArgumentException("password does not meet the rules");
        }
        PasswordReset reset = usable(token, true).orElseThrow(InvalidLinkException::new);
        Instant now = Instant.now();
        reset.account.changePassword(password);
        PasswordReset.closeAllOf(reset.account, now);
        LOG.infof("Password chosen through a %s link for account %d", reset.purpose, reset.account.id);
    }

    /** Why a chosen password is refused ("short", "long"), or empty when it is fine. */
    public static Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < Account.MIN_PASSWORD_LENGTH) {
            return Optional.of("short");
        }
        if (password.length() > Account.MAX_PASSWORD_LENGTH) {
            return Optional.of("long");
        }
        return Optional.empty();
    }

    private Optional<PasswordReset> usable(String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Optional<PasswordReset> found = PasswordReset.findByHash(hash(token));
        if (lock && found.isPresent()) {
            // Two submissions of one link at once: the second waits here and then finds it used.
            PasswordReset.getEntityManager().lock(found.get(), LockModeType.PESSIMISTIC_WRITE);
            PasswordReset.getEntityManager().refresh(found.get());
        }
        return found.filter(reset -> reset.usableAt(Instant.now()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
