package nl.kennisagenda.registration.web;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Sign-up settings under {@code kennisagenda.signup}. */
@ConfigMapping(prefix = "kennisagenda.signup")
public interface SignupConfig {

    /**
     * Key (at least 32 characters) that signs CSRF tokens and result-page receipts. When unset, a random key is
     * created once and kept in the database table {@code app_secrets}, shared by all instances.
     */
    Optional<String> secret();
}
