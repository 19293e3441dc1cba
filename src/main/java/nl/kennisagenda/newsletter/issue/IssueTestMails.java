package nl.kennisagenda.newsletter.issue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import nl.kennisagenda.mail.MailFrame;
import nl.kennisagenda.mail.MailHeaders;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.MailOutbox;
import nl.kennisagenda.mail.MailRenderer;
import nl.kennisagenda.mail.MailTemplates;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.OutgoingMail;

/**
 * The test mail of an issue to the organiser's own address (kind NEWSLETTER_TEST): the edition as it would go out,
 * in the shared mail layout, rendered when it is asked for and written to the outbox. Its footer says it is a test:
 * it has no subscriber, so no real preferences or unsubscribe link and no List-Unsubscribe header.
 */
@ApplicationScoped
public class IssueTestMails implements MailRenderer {

    /** The edition's HTML fragment and text, and the line that marks the mail as a test. */
    public record TestView(String banner, String editionHtml, String editionText) {
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance testMail(TestView m, MailFrame frame);
    }

    @Inject
    MailOutbox outbox;

    @Override
    public boolean renders(MailKind kind) {
        return kind == MailKind.NEWSLETTER_TEST;
    }

    /** Always enqueued rendered; a row without content (written by hand) is not sent. */
    @Override
    public Optional<String> render(OutboxMail mail) {
        return mail.isRendered() ? Optional.empty()
                : Optional.of("Superseded: newsletter test mails are rendered when they are asked for");
    }

    @Transactional(TxType.MANDATORY)
    public OutboxMail enqueue(String recipient, String organisationName, IssueEditions.Edition edition,
            boolean english) {
        Locale locale = english ? Locale.ENGLISH : IssueEditions.DUTCH;
        NewsIssueMessages m = NewsIssueTexts.in(locale);
        String subject = MailHeaders.subject(m.test_subject(edition.subject()));
        MailFrame frame = new MailFrame(locale.getLanguage(), subject, edition.subject(), null,
                List.of(organisationName), List.of(m.test_footer()));
        MailTemplates.Rendered body = MailTemplates.render(
                Templates.testMail(new TestView(m.test_banner(), edition.html(), edition.text()), frame), locale);
        return outbox.enqueue(new OutgoingMail(MailKind.NEWSLETTER_TEST, null, recipient, locale.getLanguage(),
                subject, body.text(), body.html(), List.of(), Map.of()));
    }
}
