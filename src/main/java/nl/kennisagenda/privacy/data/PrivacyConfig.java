package nl.kennisagenda.privacy.data;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Retention of personal data under {@code kennisagenda.privacy} (see docs/privacy.md). */
@ConfigMapping(prefix = "kennisagenda.privacy")
public interface PrivacyConfig {

    /**
     * Months after an event's end that its registrations keep their personal data, for organisations that set no
     * period of their own; also how long an ended newsletter subscription keeps its consent proof.
     */
    @WithDefault("12")
    int retentionMonths();

    /**
     * How often an instance checks whether today's retention run is still to do ("off" in tests, which call the job
     * themselves). The run itself happens once a day across all instances.
     */
    @WithDefault("1h")
    String retentionInterval();

    /** How long a running retention job holds its claim; another instance takes over a run whose lease ran out. */
    @WithDefault("30m")
    Duration retentionLease();
}
