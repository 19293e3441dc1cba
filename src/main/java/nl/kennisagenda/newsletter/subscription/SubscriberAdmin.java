package nl.kennisagenda.newsletter.subscription;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.panache.common.Parameters;
import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.mail.MailHeaders;
import nl.kennisagenda.newsletter.Subscriber;
import nl.kennisagenda.newsletter.SubscriberStatus;
import nl.kennisagenda.registration.admin.RegistrationExport;

/**
 * The subscribers of an organisation's newsletter in the back-office: the list, one subscriber with their consent
 * records, the CSV export of the consent records, taking someone off the list by hand, and importing an existing
 * list. Every method checks the acting user first ({@link AccessPolicy}): organisers see their own organisations'
 * subscribers, administrators all; a subscriber is "of" an organisation when they chose its newsletter.
 */
@ApplicationScoped
public class SubscriberAdmin {

    /** Audit actions. */
    public static final String EXPORTED = AuditLog.EXPORTED;
    public static final String IMPORTED = "NEWSLETTER_IMPORTED";
    public static final String UNSUBSCRIBED = "NEWSLETTER_UNSUBSCRIBED";

    public static final int PAGE_SIZE = 50;
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    SubscriptionConfig config;

    @Inject
    NewsletterMails mails;

    @Inject
    Subscriptions subscriptions;

    @Inject
    AuditLog audit;

    /** One line of the list. */
    public record Row(long id, String email, String name, SubscriberStatus status, String locale, Instant createdAt,
            Instant confirmedAt, Instant unsubscribedAt, String unsubscribeMethod) {
    }

    public record Page(Organisation organisation, boolean canChange, List<Row> rows, long total, int page, int pages,
            Map<SubscriberStatus, Long> counts) {
    }

    public record Detail(Organisation organisation, boolean canChange, Subscriber subscriber, List<Consent> consents) {

        /** Whether the organiser can still take this subscriber off the list. */
        public boolean canUnsubscribe() {
            return canChange && subscriber.status != SubscriberStatus.UNSUBSCRIBED;
        }
    }

    /** What an import did, row by row counted. */
    public record ImportResult(long importId, int added, int alreadySubscribed, int skippedUnsubscribed,
            int invalid, int repermissionMails, List<String> invalidLines) {
    }

    /** An import that cannot start: no legal basis, no reference, no file, too many rows. Keys: field → problem. */
    public static class InvalidImportException extends RuntimeException {
        public final Map<String, String> problems;

        public InvalidImportException(Map<String, String> problems) {
            super("invalid import " + problems, null, false, false);
            this.problems = Map.copyOf(problems);
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Organisation readable(Actor actor, String slug) {
        Organisation organisation = Organisation.findBySlug(slug).orElseThrow(NotFoundException::new);
        AccessPolicy.requireCanRead(actor, organisation);
        return organisation;
    }

    @Transactional(TxType.SUPPORTS)
    public Page list(Actor actor, String slug, SubscriberStatus status, String query, int page) {
        Organisation organisation = readable(actor, slug);
        StringBuilder where = new StringBuilder("from Subscriber s join s.organisations o where o = :organisation");
        Parameters parameters = Parameters.with("organisation", organisation);
        if (status != null) {
            where.append(" and s.status = :status");
            parameters.and("status", status);
        }
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (!q.isEmpty()) {
            where.append(" and (s.emailKey like :q or lower(coalesce(s.name, '')) like :q)");
            parameters.and("q", "%" + q.replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
        var em = Subscriber.getEntityManager();
        var count = em.createQuery("select count(s) " + where, Long.class);
        parameters.map().forEach(count::setParameter);
        long total = count.getSingleResult();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        var select = em.createQuery("select s " + where + " order by s.emailKey", Subscriber.class);
        parameters.map().forEach(select::setParameter);
        List<Row> rows = select.setFirstResult((current - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList()
                .stream().map(s -> new Row(s.id, s.email, s.name, s.status, s.locale, s.createdAt, s.confirmedAt,
                        s.unsubscribedAt, s.unsubscribeMethod)).toList();
        Map<SubscriberStatus, Long> counts = new LinkedHashMap<>();
        for (SubscriberStatus each : SubscriberStatus.values()) {
            counts.put(each, 0L);
        }
        em.createQuery("select s.status, count(s) from Subscriber s join s.organisations o where o = :organisation"
                + " group by s.status", Object[].class).setParameter("organisation", organisation).getResultList()
                .forEach(line -> counts.put((SubscriberStatus) line[0], (Long) line[1]));
        return new Page(organisation, AccessPolicy.canChange(actor, organisation), rows, total, current, pages,
                counts);
    }

    @Transactional(TxType.SUPPORTS)
    public Detail detail(Actor actor, String slug, String subscriberId) {
        Organisation organisation = readable(actor, slug);
        Subscriber subscriber = subscriberOf(organisation, subscriberId);
        subscriber.themes.size();
        subscriber.organisations.size();
        return new Detail(organisation, AccessPolicy.canChange(actor, organisation), subscriber,
                Consent.of(subscriber));
    }

    /** Takes a subscriber off the list by hand (method ORGANISER), recorded in the audit log. */
    @Transactional
    public void unsubscribe(Actor actor, String slug, String subscriberId) {
        Organisation organisation = Organisation.findBySlug(slug).orElseThrow(NotFoundException::new);
        AccessPolicy.requireCanChange(actor, organisation);
        Subscriber subscriber = subscriberOf(organisation, subscriberId);
        Subscriber.getEntityManager().lock(subscriber, LockModeType.PESSIMISTIC_WRITE);
        if (subscriber.status == SubscriberStatus.UNSUBSCRIBED) {
            return;
        }
        subscriptions.leave(subscriber, Subscriptions.ORGANISER, Instant.now());
        audit.recordPlatform(ActedBy.of(actor), organisation.id, UNSUBSCRIBED, subscriber.email);
    }

    /**
     * The consent records of the organisation's subscribers as CSV (UTF-8 with BOM, semicolons, formulas
     * neutralised), one line per record; the download is recorded in the audit log.
     */
    @Transactional
    public byte[] consentCsv(Actor actor, String slug, Locale locale) {
        Organisation organisation = readable(actor, slug);
        NewsMessages m = ConsentTexts.messages(locale);
        List<String> header = List.of(m.csv_email(), m.csv_name(), m.csv_status(), m.csv_language(),
                m.csv_requested(), m.csv_source(), m.csv_source_detail(), m.csv_scope(), m.csv_text(),
                m.csv_version(), m.csv_privacy_version(), m.csv_legal_basis(), m.csv_confirmed(), m.csv_withdrawn(),
                m.csv_withdrawn_method(), m.csv_unsubscribed(), m.csv_unsubscribe_method());
        List<List<String>> rows = new ArrayList<>();
        Consent.<Consent>find("select c from Consent c join fetch c.subscriber s where exists (select 1 from"
                + " Subscriber t join t.organisations o where t = s and o = ?1) order by s.emailKey, c.requestedAt",
                organisation).stream().forEach(c -> {
                    Subscriber s = c.subscriber;
                    rows.add(java.util.Arrays.asList(s.email, s.name, s.status.name(), c.locale, time(c.requestedAt),
                            c.source.name(), c.sourceDetail, c.scope, c.consentText, c.consentVersion,
                            c.privacyVersion, c.legalBasis, time(c.confirmedAt), time(c.withdrawnAt), c.withdrawnMethod, time(s.unsubscribedAt),
                            s.unsubscribeMethod));
                });
        audit.recordPlatform(ActedBy.of(actor), organisation.id, EXPORTED,
                "newsletter consent records (" + rows.size() + ")");
        return RegistrationExport.csv(new RegistrationExport.Table(header, rows));
    }

    public static String fileName(Organisation organisation) {
        return "nieuwsbrief-toestemmingen-" + organisation.slug + ".csv";
    }

    /**
     * Imports a CSV list (columns email, optionally name and language; a header line is recognised by its "email"
     * cell; comma or semicolon). Every row of the upload carries the stated legal basis. New addresses become PENDING
     * with source IMPORT and get the one re-permission mail; addresses that never confirmed and never had that mail
     * get it now; confirmed addresses are left as they are; unsubscribed (and bouncing) ones are skipped and not
     * mailed.
     * <p>
     * One transaction for the whole file (all or nothing), in which every re-permission mail is rendered (its token
     * exists only here): a few ms per address, hence the longer transaction timeout and the row limit
     * ({@code max-import-rows}).
     *
     * @throws InvalidImportException nothing is imported
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public ImportResult importList(Actor actor, String slug, String legalBasis, String reference, byte[] csv) {
        Organisation organisation = Organisation.findBySlug(slug).orElseThrow(NotFoundException::new);
        AccessPolicy.requireCanChange(actor, organisation);
        Map<String, String> problems = new LinkedHashMap<>();
        LegalBasis basis = null;
        try {
            basis = legalBasis == null ? null : LegalBasis.valueOf(legalBasis);
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        if (basis == null) {
            problems.put("basis", "required");
        }
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty()) {
            problems.put("reference", "required");
        } else if (ref.length() > 1000) {
            problems.put("reference", "long");
        }
        List<String[]> lines = csv == null || csv.length == 0 ? List.of() : parse(csv);
        if (lines.isEmpty()) {
            problems.put("file", "empty");
        } else if (lines.size() > config.maxImportRows()) {
            problems.put("file", "long");
        }
        if (!problems.isEmpty()) {
            throw new InvalidImportException(problems);
        }

        Instant now = Instant.now();
        ListImport batch = new ListImport();
        batch.organisation = organisation;
        batch.accountId = actor.accountId();
        batch.importedBy = actor.name();
        batch.importedAt = now;
        batch.legalBasis = basis.name();
        batch.reference = ref;
        batch.persist();
        String basisText = basis.name() + ": " + ref;
        String detail = "import #" + batch.id;

        int added = 0;
        int subscribed = 0;
        int skipped = 0;
        int invalid = 0;
        int mailed = 0;
        List<String> invalidLines = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int lineNumber = 0;
        for (String[] cells : lines) {
            lineNumber++;
            String email = cells.length > 0 ? cells[0].strip() : "";
            if (lineNumber == 1 && (email.equalsIgnoreCase("email") || email.equalsIgnoreCase("e-mail"))) {
                continue;
            }
            if (email.isEmpty() && cells.length <= 1) {
                continue;
            }
            if (!MailHeaders.isValidAddress(email)) {
                invalid++;
                if (invalidLines.size() < 20) {
                    invalidLines.add(lineNumber + ": " + (email.length() > 80 ? email.substring(0, 80) : email));
                }
                continue;
            }
            if (!seen.add(Subscriber.keyOf(email))) {
                continue;
            }
            String name = cells.length > 1 && !cells[1].isBlank() ? cells[1].strip() : null;
            if (name != null && name.length() > 200) {
                name = name.substring(0, 200);
            }
            Locale locale = cells.length > 2 && cells[2].strip().equalsIgnoreCase("en") ? Locale.ENGLISH
                    : Locale.forLanguageTag("nl");
            Subscriber subscriber = Subscriptions.lockedByEmail(email).orElse(null);
            if (subscriber == null) {
                subscriber = Subscriptions.newSubscriber(email, name, locale, now);
                subscriber.organisations.add(organisation);
                subscriber.persist();
                added++;
            } else if (subscriber.status == SubscriberStatus.CONFIRMED) {
                subscribed++;
                continue;
            } else if (subscriber.status != SubscriberStatus.PENDING) {
                // Unsubscribed (or bouncing): their choice stands; an import does not bring them back.
                skipped++;
                continue;
            } else {
                subscriber.organisations.add(organisation);
                subscriber.updatedAt = now;
                added++;
            }
            Consent consent = Subscriptions.consent(subscriber, ConsentSource.IMPORT, detail,
                    ConsentTexts.repermission(subscriber.mailLocale()), subscriber.mailLocale(), now);
            consent.legalBasis = basisText;
            if (subscriber.repermissionSentAt == null) {
                String token = subscriptions.withLink(consent, now);
                consent.persist();
                subscriber.repermissionSentAt = now;
                subscriber.lastMailedAt = now;
                mails.repermission(subscriber, consent, organisation.name, token);
                mailed++;
            } else {
                consent.persist();
            }
        }
        batch.rowsAdded = added;
        batch.rowsSubscribed = subscribed;
        batch.rowsUnsubscribed = skipped;
        batch.rowsInvalid = invalid;
        audit.recordPlatform(ActedBy.of(actor), organisation.id, IMPORTED, detail + " (" + basisText + "): " + added
                + " new or pending, " + subscribed + " already subscribed, " + skipped + " unsubscribed, " + invalid
                + " invalid, " + mailed + " re-permission mails");
        return new ImportResult(batch.id, added, subscribed, skipped, invalid, mailed, invalidLines);
    }

    /** Lines of a CSV upload: UTF-8 (a BOM is dropped), separated by semicolons or commas, simple quotes allowed. */
    static List<String[]> parse(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String[]> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(split(line, line.indexOf(';') >= 0 ? ';' : ','));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static String[] split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == separator && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }

    private static Subscriber subscriberOf(Organisation organisation, String subscriberId) {
        long id;
        try {
            id = Long.parseLong(subscriberId);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        return Subscriber.<Subscriber>find("select s from Subscriber s join s.organisations o where s.id = ?1"
                + " and o = ?2", id, organisation).firstResultOptional().orElseThrow(NotFoundException::new);
    }

    private static String time(Instant instant) {
        return instant == null ? "" : STAMP.format(instant.atZone(AMSTERDAM));
    }

    static Optional<LegalBasis> basis(String value) {
        try {
            return Optional.ofNullable(value).map(LegalBasis::valueOf);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
