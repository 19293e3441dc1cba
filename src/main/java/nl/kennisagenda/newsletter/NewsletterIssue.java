package nl.kennisagenda.newsletter;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import nl.kennisagenda.common.IdentifiedEntity;
import nl.kennisagenda.event.Organisation;

/**
 * One issue of an organisation's newsletter. The organiser edits the {@code subject/intro/free} texts while it is a
 * DRAFT; scheduling freezes the composed editions ({@code edition*}), which the sender mails (with each subscriber's
 * footer added) and the web archive shows, unchanged.
 */
@Entity
@Table(name = "newsletter_issues")
public class NewsletterIssue extends IdentifiedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IssueStatus status = IssueStatus.DRAFT;

    @Column(name = "subject_nl")
    public String subjectNl;

    /** Markdown. */
    @Column(name = "intro_nl")
    public String introNl;

    /** Markdown, optional free section after the events. */
    @Column(name = "free_nl")
    public String freeNl;

    @Column(name = "subject_en")
    public String subjectEn;

    @Column(name = "intro_en")
    public String introEn;

    @Column(name = "free_en")
    public String freeEn;

    @Column(name = "edition_subject_nl")
    public String editionSubjectNl;

    @Column(name = "edition_html_nl")
    public String editionHtmlNl;

    @Column(name = "edition_text_nl")
    public String editionTextNl;

    /** Null when there is no English edition: English subscribers then receive the Dutch one. */
    @Column(name = "edition_subject_en")
    public String editionSubjectEn;

    @Column(name = "edition_html_en")
    public String editionHtmlEn;

    @Column(name = "edition_text_en")
    public String editionTextEn;

    /** Themes of the announced events; subscribers who chose one of them receive the issue too. */
    @ElementCollection
    @CollectionTable(name = "newsletter_issue_themes", joinColumns = @JoinColumn(name = "issue_id"))
    @Column(name = "theme")
    public Set<String> themes = new LinkedHashSet<>();

    @Column(name = "send_at")
    public Instant sendAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The draft day of the biweekly rhythm this issue was prepared for; null when an organiser started it. */
    @Column(name = "period_date")
    public java.time.LocalDate periodDate;

    public boolean isFrozen() {
        return editionHtmlNl != null;
    }

    /** The edition a subscriber with this locale receives: English when there is one, else Dutch. */
    public boolean hasEnglishEdition() {
        return editionHtmlEn != null;
    }
}
