package nl.kennisagenda.newsletter.issue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the biweekly draft job ({@link DraftJob}). A mapping of its own: every key under
 * {@code kennisagenda.newsletter} must belong to a mapping root (the sender's settings are the root
 * {@code kennisagenda.newsletter}, subscribing {@code kennisagenda.newsletter.subscription}).
 */
@ConfigMapping(prefix = "kennisagenda.newsletter.drafts")
public interface DraftConfig {

    /** How often the job checks whether an organisation's draft day and time have come; "off" stops it. */
    @WithDefault("15m")
    String interval();
}
