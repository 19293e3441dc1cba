package nl.kennisagenda.newsletter;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import nl.kennisagenda.config.SiteConfig;

/**
 * The public addresses of a subscriber's own newsletter pages, as every newsletter mail carries them: the
 * preferences page and the unsubscribe address (a page for the footer link, and the RFC 8058 one-click POST target
 * of the {@code List-Unsubscribe} header).
 */
@ApplicationScoped
public class NewsletterLinks {

    @Inject
    SiteConfig site;

    public URI preferences(Subscriber subscriber) {
        return URI.create(site.url("/newsletter/preferences/" + subscriber.token));
    }

    public URI unsubscribe(Subscriber subscriber) {
        return URI.create(site.url("/newsletter/unsubscribe/" + subscriber.token));
    }
}
