package nl.kennisagenda.image;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits for uploaded images ({@code kennisagenda.images.*}). */
@ConfigMapping(prefix = "kennisagenda.images")
public interface ImageConfig {

    /** Largest upload in bytes (the HTTP body limit, quarkus.http.limits.max-body-size, must be a bit above it). */
    @WithDefault("5242880")
    int maxBytes();

    /** Widest and tallest image accepted, in pixels; read from the header before anything is decoded. */
    @WithDefault("6000")
    int maxDimension();
}
