package nl.kennisagenda.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Abuse limits under {@code kennisagenda.rate-limit}. */
@ConfigMapping(prefix = "kennisagenda.rate-limit")
public interface RateLimitConfig {

    /** Sign-up attempts (form and API together) one client may make per minute; 0 turns the limit off. */
    @WithDefault("10")
    int signupsPerMinute();
}
