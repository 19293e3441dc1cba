package nl.kennisagenda.newsletter.subscription;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Newsletter subscribing settings under {@code kennisagenda.newsletter.subscription} (docs/operations.md). */
@ConfigMapping(prefix = "kennisagenda.newsletter.subscription")
public interface SubscriptionConfig {

    /** How long the link in a confirmation or re-permission mail works. */
    @WithDefault("72h")
    Duration confirmLinkValidity();

    /**
     * At most one confirmation or "already subscribed" mail per address within this period, however often the form
     * is sent for it: nobody can flood someone's mailbox through the form.
     */
    @WithDefault("10m")
    Duration mailQuietPeriod();

    /** Rows of one CSV import at most (a bigger list is split into several uploads). */
    @WithDefault("5000")
    int maxImportRows();
}
