package nl.kennisagenda.newsletter.issue;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.NotFoundException;

import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.mail.InvalidMailAddressException;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.NewsletterIssue;

/**
 * Every organiser action on a newsletter: settings, issues (create, edit texts, schedule, send now, cancel) and the
 * test mail. Takes the acting user and checks it with {@link AccessPolicy}: reading needs access to the
 * organisation, changing needs an organiser (or administrator) of it. Each change is audited in its transaction.
 */
@ApplicationScoped
@Transactional
public class IssueEditing {

    public static final String SETTINGS_CHANGED = "NEWSLETTER_SETTINGS_CHANGED";
    public static final String ISSUE_CREATED = "NEWSLETTER_ISSUE_CREATED";
    public static final String ISSUE_EDITED = "NEWSLETTER_ISSUE_EDITED";
    public static final String ISSUE_SCHEDULED = "NEWSLETTER_ISSUE_SCHEDULED";
    public static final String ISSUE_CANCELLED = "NEWSLETTER_ISSUE_CANCELLED";
    public static final String TEST_MAIL_SENT = "NEWSLETTER_TEST_MAIL";

    static final int MAX_SUBJECT = 300;
    static final int MAX_TEXT = 20000;

    @Inject
    AuditLog audit;

    @Inject
    IssueEditions editions;

    @Inject
    IssueComposer composer;

    @Inject
    IssueTestMails testMails;

    /** An organisation's newsletter page: its settings, its issues (newest first) and the last draft check. */
    public record Overview(Organisation organisation, NewsletterSettings settings, boolean configured,
            List<NewsletterIssue> issues, boolean canChange, DraftOutcome lastOutcome,
            LocalDate nextPeriod) {
    }

    /** One issue in the editor, with what the calendar gives it now (for a draft) and the settings it uses. */
    public record Detail(NewsletterIssue issue, NewsletterSettings settings, Composition composition,
            boolean canChange) {
    }

    @Transactional(TxType.SUPPORTS)
    public Overview overview(Actor actor, String slug) {
        Organisation organisation = readable(actor, slug);
        NewsletterSettings settings = NewsletterSettings.of(organisation.id);
        List<NewsletterIssue> issues = NewsletterIssue.list("organisation = ?1 order by createdAt desc, id desc",
                organisation);
        return new Overview(organisation, settings, settings.updatedAt != null, issues,
                AccessPolicy.canChange(actor, organisation), DraftOutcome.parse(settings.lastCheckOutcome).orElse(null),
                settings.nextPeriodAfter(Instant.now()));
    }

    public void saveSettings(Actor actor, String slug, SettingsInput input) {
        Organisation organisation = changeable(actor, slug);
        NewsIssueMessages m = NewsIssueTexts.current();
        Map<String, String> errors = new LinkedHashMap<>();
        Integer weekday = number(input.weekday(), 1, 7);
        if (weekday == null) {
            errors.put("weekday", m.error_weekday());
        }
        LocalTime time = null;
        try {
            time = input.timeOfDay() == null ? null : LocalTime.parse(input.timeOfDay().strip());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (time == null) {
            errors.put("timeOfDay", m.error_time());
        }
        LocalDate anchor = null;
        try {
            anchor = input.anchorDate() == null ? null : LocalDate.parse(input.anchorDate().strip());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (anchor == null) {
            errors.put("anchorDate", m.error_date());
        }
        Integer weeksAhead = number(input.weeksAhead(), 1, 26);
        if (weeksAhead == null) {
            errors.put("weeksAhead", m.error_weeks());
        }
        Integer materialWeeks = number(input.materialWeeks(), 1, 26);
        if (materialWeeks == null) {
            errors.put("materialWeeks", m.error_weeks());
        }
        if (!errors.isEmpty()) {
            throw new InvalidIssueException(errors);
        }
        NewsletterSettings settings = NewsletterSettings.findById(organisation.id);
        boolean isNew = settings == null;
        if (isNew) {
            settings = new NewsletterSettings();
            settings.organisationId = organisation.id;
        }
        boolean rhythmChanged = isNew || settings.weekday != weekday || !time.equals(settings.timeOfDay)
                || settings.everyOtherWeek != input.everyOtherWeek() || !anchor.equals(settings.anchorDate);
        settings.enabled = input.enabled();
        settings.weekday = weekday;
        settings.timeOfDay = time;
        settings.everyOtherWeek = input.everyOtherWeek();
        settings.anchorDate = anchor;
        settings.weeksAhead = weeksAhead;
        settings.autoSend = input.autoSend();
        settings.includeMaterials = input.includeMaterials();
        settings.materialWeeks = materialWeeks;
        settings.updatedAt = Instant.now();
        if (rhythmChanged) {
            // A new or changed rhythm starts with its next draft day, not with one that already passed.
            settings.lastPeriod = settings.periodAt(settings.updatedAt).orElse(null);
        }
        if (isNew) {
            settings.persist();
        }
        audit.recordPlatform(ActedBy.of(actor), organisation.id, SETTINGS_CHANGED,
                (settings.enabled ? "aan" : "uit") + ", dag " + weekday + " " + time
                        + (settings.everyOtherWeek ? ", om de week vanaf " : ", elke week vanaf ") + anchor
                        + ", " + weeksAhead + " weken vooruit" + (settings.autoSend ? ", automatisch versturen" : ""));
    }

    /** A new draft started by an organiser (outside the rhythm), with default subjects. */
    public NewsletterIssue create(Actor actor, String slug) {
        Organisation organisation = changeable(actor, slug);
        NewsletterIssue issue = newDraft(organisation, Instant.now(), null);
        audit.recordPlatform(ActedBy.of(actor), organisation.id, ISSUE_CREATED, "#" + issue.id);
        return issue;
    }

    /** A draft with the default subjects ("Nieuwsbrief Platform31 – dinsdag 5 januari"), persisted. */
    @Transactional(TxType.MANDATORY)
    static NewsletterIssue newDraft(Organisation organisation, Instant now, LocalDate period) {
        Instant day = period == null ? now : period.atStartOfDay(Dates.AMSTERDAM).toInstant();
        NewsletterIssue issue = new NewsletterIssue();
        issue.organisation = organisation;
        issue.status = IssueStatus.DRAFT;
        issue.subjectNl = NewsIssueTexts.in(IssueEditions.DUTCH).default_subject(organisation.name,
                Dates.day(day, IssueEditions.DUTCH));
        issue.subjectEn = NewsIssueTexts.in(java.util.Locale.ENGLISH).default_subject(organisation.name,
                Dates.day(day, java.util.Locale.ENGLISH));
        issue.periodDate = period;
        issue.createdAt = now;
        issue.updatedAt = now;
        issue.persist();
        return issue;
    }

    @Transactional(TxType.SUPPORTS)
    public Detail detail(Actor actor, long issueId) {
        NewsletterIssue issue = find(issueId);
        AccessPolicy.requireCanRead(actor, issue.organisation);
        NewsletterSettings settings = NewsletterSettings.of(issue.organisation.id);
        Composition composition = issue.status == IssueStatus.DRAFT
                ? composer.compose(issue.organisation, settings, Instant.now())
                : new Composition(List.of(), List.of());
        return new Detail(issue, settings, composition, AccessPolicy.canChange(actor, issue.organisation));
    }

    public void update(Actor actor, long issueId, IssueInput input) {
        NewsletterIssue issue = changeableDraft(actor, issueId);
        NewsIssueMessages m = NewsIssueTexts.current();
        Map<String, String> errors = new LinkedHashMap<>();
        String subjectNl = trimmed(input.subjectNl());
        String subjectEn = trimmed(input.subjectEn());
        if (subjectNl == null) {
            errors.put("subjectNl", m.error_subject_required());
        } else if (subjectNl.length() > MAX_SUBJECT) {
            errors.put("subjectNl", m.error_too_long(MAX_SUBJECT));
        }
        if (subjectEn != null && subjectEn.length() > MAX_SUBJECT) {
            errors.put("subjectEn", m.error_too_long(MAX_SUBJECT));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("introNl", input.introNl());
        texts.put("freeNl", input.freeNl());
        texts.put("introEn", input.introEn());
        texts.put("freeEn", input.freeEn());
        texts.forEach((name, text) -> {
            if (text != null && text.length() > MAX_TEXT) {
                errors.put(name, m.error_too_long(MAX_TEXT));
            }
        });
        if (subjectEn == null && (trimmed(input.introEn()) != null || trimmed(input.freeEn()) != null)) {
            errors.put("subjectEn", m.error_english_subject());
        }
        if (!errors.isEmpty()) {
            throw new InvalidIssueException(errors);
        }
        issue.subjectNl = subjectNl;
        issue.introNl = trimmed(input.introNl());
        issue.freeNl = trimmed(input.freeNl());
        issue.subjectEn = subjectEn;
        issue.introEn = trimmed(input.introEn());
        issue.freeEn = trimmed(input.freeEn());
        issue.updatedAt = Instant.now();
        audit.recordPlatform(ActedBy.of(actor), issue.organisation.id, ISSUE_EDITED, "#" + issue.id + ": "
                + subjectNl);
    }

    /**
     * Freezes the draft and schedules it. {@code sendAt} as typed in the form (yyyy-MM-ddTHH:mm, Amsterdam), or
     * null for "send now".
     */
    public void schedule(Actor actor, long issueId, String sendAtText, boolean now) {
        NewsletterIssue issue = changeableDraft(actor, issueId);
        Instant at = Instant.now();
        Instant sendAt = at;
        if (!now) {
            NewsIssueMessages m = NewsIssueTexts.current();
            try {
                sendAt = LocalDateTime.parse(sendAtText == null ? "" : sendAtText.strip()).atZone(Dates.AMSTERDAM)
                        .toInstant();
            } catch (DateTimeException e) {
                throw new InvalidIssueException(Map.of("sendAt", m.error_send_at()));
            }
            if (sendAt.isBefore(at.minusSeconds(60))) {
                throw new InvalidIssueException(Map.of("sendAt", m.error_send_at_past()));
            }
        }
        if (issue.subjectNl == null || issue.subjectNl.isBlank()) {
            throw InvalidIssueException.refused(NewsIssueTexts.current().error_subject_required());
        }
        editions.freeze(issue, NewsletterSettings.of(issue.organisation.id), at, sendAt);
        audit.recordPlatform(ActedBy.of(actor), issue.organisation.id, ISSUE_SCHEDULED,
                "#" + issue.id + (now ? " nu" : " op " + Dates.iso(sendAt)));
    }

    /**
     * Takes a scheduled issue back to a draft (its frozen editions forgotten), only while it is still SCHEDULED: a
     * conditional update, because the sender may claim it at the same moment; whoever changes the row first wins.
     */
    public void cancel(Actor actor, long issueId) {
        NewsletterIssue found = find(issueId);
        AccessPolicy.requireCanChange(actor, found.organisation);
        long organisationId = found.organisation.id;
        int updated = NewsletterIssue.update("status = ?1, updatedAt = ?2 where id = ?3 and status = ?4",
                IssueStatus.DRAFT, Instant.now(), issueId, IssueStatus.SCHEDULED);
        if (updated != 1) {
            throw InvalidIssueException.refused(NewsIssueTexts.current().error_not_scheduled());
        }
        NewsletterIssue.getEntityManager().refresh(found);
        IssueEditions.thaw(found);
        found.themes.clear();
        composer.recordAnnounced(found, new Composition(List.of(), List.of()));
        audit.recordPlatform(ActedBy.of(actor), organisationId, ISSUE_CANCELLED, "#" + issueId);
    }

    /** The edition as it would go out now, in the browser (read access is enough). */
    @Transactional(TxType.SUPPORTS)
    public IssueEditions.Edition preview(Actor actor, long issueId, boolean english) {
        NewsletterIssue issue = find(issueId);
        AccessPolicy.requireCanRead(actor, issue.organisation);
        return editions.current(issue, NewsletterSettings.of(issue.organisation.id), english, Instant.now());
    }

    /** The edition as a test mail to the actor's own address, through the outbox. */
    public void sendTestMail(Actor actor, long issueId, boolean english) {
        NewsletterIssue issue = find(issueId);
        AccessPolicy.requireCanChange(actor, issue.organisation);
        IssueEditions.Edition edition = editions.current(issue, NewsletterSettings.of(issue.organisation.id),
                english, Instant.now());
        try {
            testMails.enqueue(actor.email(), issue.organisation.name, edition,
                    english && (issue.isFrozen() ? issue.hasEnglishEdition() : IssueEditions.hasEnglish(issue)));
        } catch (InvalidMailAddressException e) {
            throw InvalidIssueException.refused(NewsIssueTexts.current().error_own_address());
        }
        audit.recordPlatform(ActedBy.of(actor), issue.organisation.id, TEST_MAIL_SENT,
                "#" + issue.id + " (" + (english ? "en" : "nl") + ")");
    }

    private static NewsletterIssue find(long issueId) {
        return NewsletterIssue.<NewsletterIssue> findByIdOptional(issueId).orElseThrow(NotFoundException::new);
    }

    private static NewsletterIssue changeableDraft(Actor actor, long issueId) {
        NewsletterIssue issue = find(issueId);
        AccessPolicy.requireCanChange(actor, issue.organisation);
        if (issue.status != IssueStatus.DRAFT) {
            throw InvalidIssueException.refused(NewsIssueTexts.current().error_not_draft());
        }
        return issue;
    }

    private static Organisation readable(Actor actor, String slug) {
        Organisation organisation = Organisation.findBySlug(slug).orElseThrow(NotFoundException::new);
        AccessPolicy.requireCanRead(actor, organisation);
        return organisation;
    }

    private static Organisation changeable(Actor actor, String slug) {
        Organisation organisation = Organisation.findBySlug(slug).orElseThrow(NotFoundException::new);
        AccessPolicy.requireCanChange(actor, organisation);
        return organisation;
    }

    private static Integer number(String text, int min, int max) {
        if (text == null || !text.strip().matches("[0-9]{1,3}")) {
            return null;
        }
        int value = Integer.parseInt(text.strip());
        return value < min || value > max ? null : value;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
