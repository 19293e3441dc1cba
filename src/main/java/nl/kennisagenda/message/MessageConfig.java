package nl.kennisagenda.message;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of organiser messages, under {@code kennisagenda.messages} (docs/messages.md, docs/operations.md). */
@ConfigMapping(prefix = "kennisagenda.messages")
public interface MessageConfig {

    /** How often the dispatcher looks for due messages, e.g. {@code 15s}; {@code off} stops it (the tests do). */
    @WithDefault("15s")
    String dispatchInterval();

    /** Registrations one dispatcher transaction turns into outbox mails. */
    @WithDefault("200")
    int batchSize();

    /** How long a claimed message belongs to its dispatcher; after that (a crash) another run continues it. */
    @WithDefault("5m")
    Duration lease();
}
