package nl.kennisagenda.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.event.Markdown;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.Dates;

/**
 * Privacy statements: the current one of an organisation (its latest version, or the platform's default when it has
 * none), any earlier version, the short notice for forms, and saving a new version from the back-office.
 * <p>
 * Version labels, as recorded on registrations ({@link #currentVersion}): {@code "3"} is version 3 of the
 * organisation's own statement; {@value #PLATFORM_VERSION} is the platform default as written in the {@code privacy}
 * bundle. Change that label whenever the default text in the bundle changes, so older registrations keep pointing
 * at what they were shown (the old text then lives in version control).
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class PrivacyStatements {

    public static final String PLATFORM_VERSION = "platform-1";
    public static final int MAX_TEXT = 20000;

    /** A statement ready to show, in one language. */
    public record Statement(String organisationSlug, String organisationName, String versionLabel, int number,
            boolean platformDefault, String textHtml, String contact, String retention, Instant createdAt,
            String hash) {

        public boolean hasNumber() {
            return number > 0;
        }
    }

    /** One line of the version history. */
    public record VersionRow(int number, Instant createdAt, String createdBy, String hash) {
    }

    /** What the back-office form sends. */
    public record StatementInput(String textNl, String textEn, String contact, String retentionNl,
            String retentionEn) {
    }

    /**
     * The short notice above a form's submit button: who, what, why, how long, and where to read more.
     *
     * @param platformWide a form of the platform rather than of one organisation (the general newsletter form and
     *        the preferences page): the organisations the visitor chooses are the ones who process, and the link
     *        goes to the platform's statement
     */
    public record Notice(String organisationName, String data, String purpose, String retention,
            String statementUrl, String version, boolean platformWide) {

        public Notice(String organisationName, String data, String purpose, String retention, String statementUrl,
                String version) {
            this(organisationName, data, purpose, retention, statementUrl, version, false);
        }
    }

    /** Thrown by {@link #save} with problem keys per field. */
    public static class InvalidStatementException extends RuntimeException {
        public final Map<String, String> problems;

        InvalidStatementException(Map<String, String> problems) {
            super("invalid privacy statement: " + problems);
            this.problems = problems;
        }
    }

    @Inject
    AuditLog audit;

    /** The version label in force for the organisation now: what a registration records. */
    public String currentVersion(Organisation organisation) {
        return PrivacyStatement.latestOf(organisation).map(s -> Integer.toString(s.version)).orElse(PLATFORM_VERSION);
    }

    public Statement current(Organisation organisation, Locale locale) {
        return PrivacyStatement.latestOf(organisation).map(s -> view(s, locale))
                .orElseGet(() -> platformDefault(organisation, locale));
    }

    /** An earlier (or the current) version of the organisation's own statement. */
    public Optional<Statement> version(Organisation organisation, int number, Locale locale) {
        return PrivacyStatement.versionOf(organisation, number).map(s -> view(s, locale));
    }

    public List<VersionRow> history(Organisation organisation) {
        return PrivacyStatement.historyOf(organisation).stream()
                .map(s -> new VersionRow(s.version, s.createdAt, s.createdByName, s.textHash)).toList();
    }

    /** The platform default as it applies to this organisation (for registrations that recorded it). */
    public Statement platformFor(Organisation organisation, Locale locale) {
        return platformDefault(organisation, locale);
    }

    public static Optional<Organisation> organisation(String slug) {
        return Organisation.findBySlug(slug);
    }

    /** The platform's own statement, for {@code /privacy}: the default, naming no organisation. */
    public Statement platform(Locale locale) {
        return platformDefault(null, locale);
    }

    /**
     * The notice for a form of this organisation.
     *
     * @param data    what the form asks, in words (e.g. the field labels)
     * @param purpose why, in words
     */
    public Notice notice(Organisation organisation, Locale locale, String data, String purpose) {
        Statement statement = current(organisation, locale);
        return new Notice(organisation.name, data, purpose, statement.retention(),
                "/organisations/" + organisation.slug + "/privacy", statement.versionLabel());
    }

    /** The notice of an event's sign-up form: the organisation, the form's fields, to organise the event. */
    public Notice signupNotice(Organisation organisation, Locale locale, List<String> fieldLabels) {
        return notice(organisation, locale, String.join(", ", fieldLabels).toLowerCase(locale),
                messages(locale).notice_signup_purpose());
    }

    /**
     * The notice of a newsletter form. With an organisation: its own subscribe form, linking to its statement in
     * force. Without ({@code null}): the general form and the preferences page, where the visitor chooses the
     * organisations, linking to the platform's statement {@code /privacy}. The retention is the newsletter's own
     * (until unsubscribing), not the statement's, which is about events.
     */
    public Notice newsletterNotice(Organisation organisation, Locale locale) {
        PrivacyMessages m = messages(locale);
        if (organisation == null) {
            return new Notice(null, m.notice_newsletter_data(), m.notice_newsletter_purpose(),
                    m.notice_newsletter_retention(), "/privacy", PLATFORM_VERSION, true);
        }
        return new Notice(organisation.name, m.notice_newsletter_data(), m.notice_newsletter_purpose(),
                m.notice_newsletter_retention(), "/organisations/" + organisation.slug + "/privacy",
                currentVersion(organisation), false);
    }

    /**
     * The version a newsletter form showed, as it came back in the form's hidden field, checked against the version
     * in force for that form now ({@code organisation} null: the platform's). Only a version the server itself would
     * show now is answered, so what is stored never comes from the visitor: an absent, altered or outdated value
     * (the statement changed while the form was open) is empty, and the caller shows the form again with the notice
     * in force.
     */
    public Optional<String> shownVersion(Organisation organisation, String posted) {
        String inForce = organisation == null ? PLATFORM_VERSION : currentVersion(organisation);
        return inForce.equals(posted) ? Optional.of(inForce) : Optional.empty();
    }

    /** What the back-office form starts from: the organisation, its latest version's texts (blank without one). */
    public record Editing(String organisationSlug, String organisationName, StatementInput current,
            Optional<VersionRow> latest, List<VersionRow> history) {
    }

    /** The form's starting point; organisers of the organisation and administrators only. */
    public Editing editing(Actor actor, String organisationSlug) {
        Organisation organisation = Organisation.findBySlug(organisationSlug)
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
        AccessPolicy.requireCanChange(actor, organisation);
        Optional<PrivacyStatement> latest = PrivacyStatement.latestOf(organisation);
        StatementInput current = latest.map(s -> new StatementInput(s.textNl, s.textEn, s.contact, s.retentionNl,
                s.retentionEn)).orElse(new StatementInput("", "", "", "", ""));
        List<VersionRow> history = history(organisation);
        return new Editing(organisation.slug, organisation.name, current,
                history.isEmpty() ? Optional.empty() : Optional.of(history.get(0)), history);
    }

    /** Adds a new version; organisers of the organisation and administrators only. */
    @Transactional(TxType.REQUIRED)
    public PrivacyStatement save(Actor actor, String organisationSlug, StatementInput input) {
        Organisation organisation = Organisation.findBySlug(organisationSlug)
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
        AccessPolicy.requireCanChange(actor, organisation);
        Map<String, String> problems = new LinkedHashMap<>();
        String textNl = clean(input.textNl());
        String textEn = clean(input.textEn());
        String contact = clean(input.contact());
        String retentionNl = clean(input.retentionNl());
        String retentionEn = clean(input.retentionEn());
        if (textNl == null) {
            problems.put("textNl", "required");
        } else if (textNl.length() > MAX_TEXT) {
            problems.put("textNl", "tooLong");
        }
        if (textEn != null && textEn.length() > MAX_TEXT) {
            problems.put("textEn", "tooLong");
        }
        if (contact == null || contact.length() > 300) {
            problems.put("contact", contact == null ? "required" : "tooLong");
        }
        if (retentionNl == null || retentionNl.length() > 1000) {
            problems.put("retentionNl", retentionNl == null ? "required" : "tooLong");
        }
        if (retentionEn != null && retentionEn.length() > 1000) {
            problems.put("retentionEn", "tooLong");
        }
        if (!problems.isEmpty()) {
            throw new InvalidStatementException(problems);
        }
        // Versions of one organisation are numbered under its row lock, so two saves at once cannot take one number
        // (the unique key would refuse the second anyway).
        Organisation.getEntityManager().lock(organisation, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        PrivacyStatement statement = new PrivacyStatement();
        statement.organisation = organisation;
        statement.version = PrivacyStatement.latestOf(organisation).map(s -> s.version + 1).orElse(1);
        statement.textNl = textNl;
        statement.textEn = textEn;
        statement.contact = contact;
        statement.retentionNl = retentionNl;
        statement.retentionEn = retentionEn;
        statement.textHash = hash(textNl, textEn, contact, retentionNl, retentionEn);
        statement.createdAt = Instant.now();
        statement.createdByAccountId = actor.accountId();
        statement.createdByName = actor.name();
        statement.persist();
        audit.recordPlatform(ActedBy.of(actor), organisation.id, AuditLog.PRIVACY_STATEMENT_SAVED,
                organisation.slug + " v" + statement.version + " " + statement.textHash.substring(0, 12));
        return statement;
    }

    /** SHA-256 over the texts, each preceded by its length, so moving text between fields changes the hash. */
    static String hash(String... texts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String text : texts) {
                byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private Statement view(PrivacyStatement s, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        String text = english && s.textEn != null ? s.textEn : s.textNl;
        String retention = english && s.retentionEn != null ? s.retentionEn : s.retentionNl;
        return new Statement(s.organisation.slug, s.organisation.name, Integer.toString(s.version), s.version, false,
                Markdown.toHtml(text), s.contact, retention, s.createdAt, s.textHash);
    }

    private Statement platformDefault(Organisation organisation, Locale locale) {
        PrivacyMessages m = messages(locale);
        String name = organisation == null ? m.default_organiser() : organisation.name;
        String contact = m.default_contact();
        String text = m.default_text(name, contact);
        return new Statement(organisation == null ? null : organisation.slug, name, PLATFORM_VERSION, 0, true,
                Markdown.toHtml(text), contact, m.default_retention(), null,
                hash(text, null, contact, m.default_retention(), null));
    }

    public static PrivacyMessages messages(Locale locale) {
        return MessageBundles.get(PrivacyMessages.class, Localized.Literal.of(locale.getLanguage()));
    }

    /** Dates as the pages show them. */
    public static String day(Instant instant, Locale locale) {
        return instant == null ? "" : Dates.day(instant, locale);
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.replace("\r\n", "\n").strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
