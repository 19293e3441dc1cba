package nl.kennisagenda.newsletter.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.mail.MailFrame;
import nl.kennisagenda.mail.MailHeaders;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.MailOutbox;
import nl.kennisagenda.mail.MailRenderer;
import nl.kennisagenda.mail.MailTemplates;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.OutgoingMail;
import nl.kennisagenda.newsletter.NewsletterLinks;
import nl.kennisagenda.newsletter.Subscriber;

/**
 * The mails of subscribing: the double opt-in link, "this address is already subscribed", and the one re-permission
 * request to an imported address. In the subscriber's language, on the general mail layout, through the outbox.
 * <p>
 * Rendered when enqueued, like the account mails: the confirmation link's token exists only in the request that made
 * it (the consent record keeps its SHA-256), so the sender could not render it later. The mail log shows the stored
 * content; the link works once, for {@code confirm-link-validity}.
 */
@ApplicationScoped
public class NewsletterMails implements MailRenderer {

    @Inject
    MailOutbox outbox;

    @Inject
    SiteConfig site;

    @Inject
    NewsletterLinks links;

    @Inject
    SubscriptionConfig config;

    /**
     * What the subscribing mails show.
     *
     * @param scope the organisations and themes asked for, in words
     * @param link the button's address (confirmation or preferences)
     * @param unsubscribeLink only in the "already subscribed" mail
     */
    public record SubscriptionMailView(String email, String scope, String organisation, String link,
            long validHours, String unsubscribeLink) {
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance confirmation(SubscriptionMailView m, MailFrame frame);

        static native MailTemplateInstance alreadySubscribed(SubscriptionMailView m, MailFrame frame);

        static native MailTemplateInstance repermission(SubscriptionMailView m, MailFrame frame);
    }

    @Override
    public boolean renders(MailKind kind) {
        return kind == MailKind.NEWSLETTER_CONFIRMATION || kind == MailKind.NEWSLETTER_ALREADY_SUBSCRIBED
                || kind == MailKind.NEWSLETTER_REPERMISSION;
    }

    /** Always enqueued rendered; a row without content cannot be rendered later (its link's token is gone). */
    @Override
    public Optional<String> render(OutboxMail mail) {
        return mail.isRendered() ? Optional.empty()
                : Optional.of("Superseded: a newsletter confirmation link is rendered when it is made; its token is"
                        + " not kept");
    }

    @Transactional(TxType.MANDATORY)
    public OutboxMail confirmation(Subscriber subscriber, Consent consent, String token) {
        NewsMessages m = ConsentTexts.messages(subscriber.mailLocale());
        SubscriptionMailView view = new SubscriptionMailView(subscriber.email, consent.scope, null,
                confirmLink(token), validHours(), null);
        String subject = m.mail_confirm_subject();
        return enqueue(MailKind.NEWSLETTER_CONFIRMATION, subscriber, subject, Templates.confirmation(view,
                frame(subscriber, subject, m, m.mail_confirm_footer())));
    }

    @Transactional(TxType.MANDATORY)
    public OutboxMail alreadySubscribed(Subscriber subscriber) {
        NewsMessages m = ConsentTexts.messages(subscriber.mailLocale());
        SubscriptionMailView view = new SubscriptionMailView(subscriber.email,
                Subscriptions.scope(subscriber.organisations, subscriber.themes), null,
                links.preferences(subscriber).toString(), 0, links.unsubscribe(subscriber).toString());
        String subject = m.mail_already_subject();
        return enqueue(MailKind.NEWSLETTER_ALREADY_SUBSCRIBED, subscriber, subject, Templates.alreadySubscribed(view,
                frame(subscriber, subject, m, m.mail_already_footer())));
    }

    @Transactional(TxType.MANDATORY)
    public OutboxMail repermission(Subscriber subscriber, Consent consent, String organisation, String token) {
        NewsMessages m = ConsentTexts.messages(subscriber.mailLocale());
        SubscriptionMailView view = new SubscriptionMailView(subscriber.email, consent.scope, organisation,
                confirmLink(token), validHours(), null);
        String subject = m.mail_repermission_subject(organisation);
        return enqueue(MailKind.NEWSLETTER_REPERMISSION, subscriber, subject, Templates.repermission(view,
                frame(subscriber, subject, m, m.mail_repermission_footer(organisation))));
    }

    private OutboxMail enqueue(MailKind kind, Subscriber subscriber, String subject, MailTemplateInstance template) {
        MailTemplates.Rendered body = MailTemplates.render(template, subscriber.mailLocale());
        return outbox.enqueue(new OutgoingMail(kind, null, subscriber.email, subscriber.locale,
                MailHeaders.subject(subject), body.text(), body.html(), List.of(), Map.of()));
    }

    private static MailFrame frame(Subscriber subscriber, String subject, NewsMessages m, String footer) {
        String greeting = subscriber.name == null || subscriber.name.isBlank() ? m.mail_greeting_anonymous()
                : m.mail_greeting(subscriber.name);
        return new MailFrame(subscriber.locale, subject, subject, greeting, List.of(m.mail_signature()),
                List.of(footer));
    }

    private String confirmLink(String token) {
        return site.url("/newsletter/confirm/" + token);
    }

    private long validHours() {
        Duration validity = config.confirmLinkValidity();
        return Math.max(1, validity.toHours());
    }
}
