package nl.kennisagenda.registration.admin;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Participant-list uploads ({@code kennisagenda.attendance.*}); see docs/attendance.md. */
@ConfigMapping(prefix = "kennisagenda.attendance")
public interface AttendanceConfig {

    /** Largest participant list in bytes (below quarkus.http.limits.max-body-size). */
    @WithDefault("2097152")
    int maxBytes();

    /** How long the checked list may wait for the organiser's confirmation. */
    @WithDefault("PT1H")
    Duration previewValidity();
}
