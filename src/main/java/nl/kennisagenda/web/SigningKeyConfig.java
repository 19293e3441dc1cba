package nl.kennisagenda.web;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The signing key setting, under {@code kennisagenda.signup} (its first user) so existing configurations keep working. */
@ConfigMapping(prefix = "kennisagenda.signup")
public interface SigningKeyConfig {

    /**
     * Key (at least 32 characters) that signs CSRF tokens and result-page receipts. When unset, a random key is
     * created once and kept in the database table {@code app_secrets}, shared by all instances.
     */
    Optional<String> secret();
}
