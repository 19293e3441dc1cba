package nl.kennisagenda.web;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the site-wide CSRF protection ({@link CsrfGuard}, {@link OriginGuard}). */
@ConfigMapping(prefix = "kennisagenda.csrf")
public interface CsrfConfig {

    /**
     * How long a form's token is accepted after the page was shown. Afterwards the post is answered with the
     * "form expired" page, which keeps what was typed and offers to send it again with a fresh token.
     */
    @WithDefault("PT8H")
    Duration tokenLifetime();
}
