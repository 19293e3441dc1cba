package nl.kennisagenda.newsletter.issue.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.NewsletterIssue;
import nl.kennisagenda.newsletter.issue.DraftOutcome;
import nl.kennisagenda.newsletter.issue.NewsIssueMessages;
import nl.kennisagenda.newsletter.issue.NewsIssueTexts;

/** Display values of the newsletter pages, in the page's language. */
@TemplateExtension
public class IssueExtensions {

    private static NewsIssueMessages texts(Object locale) {
        return NewsIssueTexts.in(CurrentLocale.from(locale));
    }

    static String statusLabel(NewsletterIssue issue, @TemplateAttribute("locale") Object locale) {
        NewsIssueMessages m = texts(locale);
        return switch (issue.status) {
            case DRAFT -> m.status_draft();
            case SCHEDULED -> m.status_scheduled();
            case SENDING -> m.status_sending();
            case PAUSED -> m.status_paused();
            case SENT -> m.status_sent();
            case CANCELLED -> m.status_cancelled();
        };
    }

    static boolean draft(NewsletterIssue issue) {
        return issue.status == IssueStatus.DRAFT;
    }

    static boolean scheduled(NewsletterIssue issue) {
        return issue.status == IssueStatus.SCHEDULED;
    }

    /** SENDING, PAUSED and SENT issues have a progress page (the sending part, /sending). */
    static boolean hasSendingPage(NewsletterIssue issue) {
        return issue.status == IssueStatus.SENDING || issue.status == IssueStatus.PAUSED
                || issue.status == IssueStatus.SENT;
    }

    /** The subject to list it by: the frozen one when there is one. */
    static String title(NewsletterIssue issue) {
        String subject = issue.editionSubjectNl != null ? issue.editionSubjectNl : issue.subjectNl;
        return subject == null || subject.isBlank() ? "#" + issue.id : subject;
    }

    /** "dinsdag 5 januari, 09:00", or "–". */
    static String moment(Instant instant, @TemplateAttribute("locale") Object locale) {
        if (instant == null) {
            return "\u2013";
        }
        Locale language = CurrentLocale.from(locale);
        return Dates.day(instant, language) + ", " + Dates.time(instant);
    }

    static String dayText(LocalDate day, @TemplateAttribute("locale") Object locale) {
        return day == null ? "\u2013" : Dates.day(day.atStartOfDay(Dates.AMSTERDAM).toInstant(),
                CurrentLocale.from(locale));
    }

    static String weekdayName(DayOfWeek day, @TemplateAttribute("locale") Object locale) {
        return day.getDisplayName(TextStyle.FULL, CurrentLocale.from(locale));
    }

    static String text(DraftOutcome outcome, @TemplateAttribute("locale") Object locale) {
        NewsIssueMessages m = texts(locale);
        return switch (outcome.kind()) {
            case DRAFT -> m.outcome_draft(outcome.issueId());
            case SCHEDULED -> m.outcome_scheduled(outcome.issueId());
            case NOTHING_NEW -> m.outcome_nothing_new(outcome.issueId());
            case NOTHING_UPCOMING -> m.outcome_nothing_upcoming();
        };
    }
}
