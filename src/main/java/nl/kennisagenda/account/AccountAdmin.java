package nl.kennisagenda.account;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.common.Tokens;
import nl.kennisagenda.common.WebAddresses;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.mail.MailHeaders;

/**
 * Accounts and organisations, managed by administrators only ({@link AccessPolicy#requireCanManageAccounts}), and
 * each person's own name and password. A new account gets no password from the administrator: it gets a mailed link
 * to choose one ({@link PasswordResets}, purpose INVITATION), so no password ever passes through someone else.
 * Validation problems come back as field → problem code ({@link InvalidFormException}); the pages word them.
 */
@ApplicationScoped
public class AccountAdmin {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Inject
    AuditLog audit;

    @Inject
    PasswordResets resets;

    @Inject
    LoginThrottle throttle;

    /** What an administrator types for an account. */
    public record AccountForm(String name, String email, String role, Set<Long> organisationIds, boolean active) {
        public AccountForm {
            organisationIds = organisationIds == null ? Set.of() : Set.copyOf(organisationIds);
        }
    }

    /** What an administrator types for an organisation. */
    public record OrganisationForm(String name, String slug, String website) {
    }

    /** Field → problem code (e.g. "email" → "taken"); nothing was changed. */
    public static class InvalidFormException extends RuntimeException {
        public final Map<String, String> problems;

        public InvalidFormException(Map<String, String> problems) {
            super("invalid form " + problems, null, false, false);
            this.problems = Map.copyOf(problems);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Account> accounts(Actor actor) {
        AccessPolicy.requireCanManageAccounts(actor);
        List<Account> accounts = Account.listAll(Sort.by("email"));
        accounts.forEach(account -> account.organisations.size());
        return accounts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> account(Actor actor, long accountId) {
        AccessPolicy.requireCanManageAccounts(actor);
        Optional<Account> found = Account.findByIdOptional(accountId);
        found.ifPresent(account -> account.organisations.size());
        return found;
    }

    /** Creates the account and mails it the link to choose a password (in the given language). */
    @Transactional
    public Account create(Actor actor, AccountForm form, Locale locale) {
        AccessPolicy.requireCanManageAccounts(actor);
        Map<String, String> problems = check(form, null);
        Account account = new Account();
        account.email = Account.normaliseEmail(form.email());
        apply(account, form, problems);
        // A password nobody knows until the person chooses theirs through the mailed link.
        account.passwordHash = BcryptUtil.bcryptHash(Tokens.newToken());
        account.active = true;
        account.persist();
        resets.issue(account, PasswordReset.Purpose.INVITATION, locale);
        audit.recordPlatform(ActedBy.of(actor), null, AuditLog.ACCOUNT_CREATED, describe(account));
        return account;
    }

    /** Changes name, role, organisations and whether the account is active (not its address or password). */
    @Transactional
    public Account update(Actor actor, long accountId, AccountForm form) {
        AccessPolicy.requireCanManageAccounts(actor);
        Account account = Account.<Account>findByIdOptional(accountId)
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
        Map<String, String> problems = check(form, account);
        if (account.id == actor.accountId() && (!form.active() || !account.role.name().equals(form.role()))) {
            problems.put("role", "self");
        }
        String before = describe(account);
        apply(account, form, problems);
        account.active = form.active();
        String after = describe(account);
        if (!before.equals(after)) {
            audit.recordPlatform(ActedBy.of(actor), null, AuditLog.ACCOUNT_CHANGED, before + " -> " + after);
        }
        return account;
    }

    /** Mails the account a new link to choose a password (e.g. the first one expired). */
    @Transactional
    public void sendPasswordLink(Actor actor, long accountId, Locale locale) {
        AccessPolicy.requireCanManageAccounts(actor);
        Account account = Account.<Account>findByIdOptional(accountId)
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
        resets.issue(account, account.lastLoginAt == null ? PasswordReset.Purpose.INVITATION
                : PasswordReset.Purpose.RESET, locale);
        audit.recordPlatform(ActedBy.of(actor), null, AuditLog.PASSWORD_LINK_SENT, account.email);
    }

    /** The audited facts of an account: address, role, organisations (by slug), active or not. */
    private static String describe(Account account) {
        return account.email + " " + account.role + " [" + account.organisations.stream().map(o -> o.slug).sorted()
                .collect(java.util.stream.Collectors.joining(", ")) + "]" + (account.active ? "" : " inactive");
    }

    private static Map<String, String> check(AccountForm form, Account existing) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (form.name() == null || form.name().isBlank() || form.name().strip().length() > 200) {
            problems.put("name", "invalid");
        }
        if (existing == null) {
            if (!MailHeaders.isValidAddress(form.email())) {
                problems.put("email", "invalid");
            } else if (Account.findByEmail(form.email()).isPresent()) {
                problems.put("email", "taken");
            }
        }
        Role role = role(form.role());
        if (role == null) {
            problems.put("role", "invalid");
        } else if (role != Role.ADMINISTRATOR && form.organisationIds().isEmpty()) {
            problems.put("organisations", "missing");
        }
        return problems;
    }

    private static void apply(Account account, AccountForm form, Map<String, String> problems) {
        Set<Organisation> organisations = new HashSet<>();
        for (Long id : form.organisationIds()) {
            Organisation organisation = Organisation.findById(id);
            if (organisation == null) {
                problems.put("organisations", "missing");
            } else {
                organisations.add(organisation);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        account.name = form.name().strip();
        account.role = role(form.role());
        account.organisations.clear();
        account.organisations.addAll(organisations);
    }

    private static Role role(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }

    // Organisations

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Organisation> organisations(Actor actor) {
        AccessPolicy.requireCanManageAccounts(actor);
        return Organisation.allByName();
    }

    @Transactional
    public Organisation createOrganisation(Actor actor, OrganisationForm form) {
        AccessPolicy.requireCanManageAccounts(actor);
        Organisation organisation = new Organisation();
        applyOrganisation(organisation, form);
        organisation.persist();
        audit.recordPlatform(ActedBy.of(actor), organisation.id, AuditLog.ORGANISATION_CREATED,
                organisation.slug + ": " + organisation.name);
        return organisation;
    }

    @Transactional
    public Organisation updateOrganisation(Actor actor, String slug, OrganisationForm form) {
        AccessPolicy.requireCanManageAccounts(actor);
        Organisation organisation = Organisation.findBySlug(slug).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        String before = organisation.slug + ": " + organisation.name + " " + organisation.website;
        applyOrganisation(organisation, form);
        String after = organisation.slug + ": " + organisation.name + " " + organisation.website;
        if (!before.equals(after)) {
            audit.recordPlatform(ActedBy.of(actor), organisation.id, AuditLog.ORGANISATION_CHANGED, before + " -> " + after);
        }
        return organisation;
    }

    private static void applyOrganisation(Organisation organisation, OrganisationForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = form.name() == null ? "" : form.name().strip();
        String slug = form.slug() == null ? "" : form.slug().strip();
        String website = form.website() == null ? "" : form.website().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.put("name", "invalid");
        }
        if (slug.length() > 80 || !SLUG.matcher(slug).matches()) {
            problems.put("slug", "invalid");
        } else if (Organisation.findBySlug(slug).filter(other -> !other.id.equals(organisation.id)).isPresent()) {
            problems.put("slug", "taken");
        }
        if (!website.isEmpty() && (website.length() > 500 || !WebAddresses.isWebAddress(website))) {
            problems.put("website", "invalid");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        organisation.name = name;
        organisation.slug = slug;
        organisation.website = website.isEmpty() ? null : website;
    }

    // One's own account

    @Transactional
    public void changeOwnName(Actor actor, String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new InvalidFormException(Map.of("name", "invalid"));
        }
        Account.<Account>findByIdOptional(actor.accountId()).orElseThrow().name = name.strip();
    }

    /**
     * Changes one's own password; the current one is required. Every session of the account ends, this one too
     * (the person logs in again with the new password).
     */
    @Transactional
    public void changeOwnPassword(Actor actor, String current, String password, String confirm) {
        Account account = Account.<Account>findByIdOptional(actor.accountId()).orElseThrow();
        Map<String, String> problems = new LinkedHashMap<>();
        if (throttle.accountLockedFor(account.email).isPresent()) {
            problems.put("current", "locked");
        } else if (current == null || !BcryptUtil.matches(current, account.passwordHash)) {
            throttle.recordAccountFailure(account.email);
            problems.put("current", "wrong");
        }
        PasswordResets.passwordProblem(password).ifPresent(problem -> problems.put("password", problem));
        if (!problems.containsKey("password") && !password.equals(confirm)) {
            problems.put("confirm", "mismatch");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        account.changePassword(password);
        PasswordReset.closeAllOf(account, java.time.Instant.now());
    }

    static List<Long> ids(List<String> values) {
        List<Long> ids = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                try {
                    ids.add(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    ids.add(-1L);
                }
            }
        }
        return ids;
    }
}
