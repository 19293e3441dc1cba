package nl.kennisagenda.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * A production start (the packaged jar) without the settings that have no sensible default refuses to start and
 * names every missing one, instead of running with links to localhost in its mails or a mail server that is not
 * there. The dev run and the tests are not production and keep their defaults.
 */
public class ProductionSettings {

    private static final Logger LOG = Logger.getLogger(ProductionSettings.class);

    /** A setting an operator must give: the property, the environment variable the docs name, and what it is. */
    record Required(String property, String variable, String meaning) {
    }

    static final List<Required> REQUIRED = List.of(
            new Required("kennisagenda.site.base-url", "KENNISAGENDA_BASE_URL",
                    "the public address of the site, for links in mails, calendars and the API"),
            new Required("quarkus.mailer.host", "QUARKUS_MAILER_HOST",
                    "the SMTP server that delivers the mails (or QUARKUS_MAILER_MOCK=true for a server that sends none)"),
            new Required("quarkus.mailer.from", "QUARKUS_MAILER_FROM",
                    "the sender of every mail, an address of your own domain"));

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> missing = missing(ConfigProvider.getConfig());
        if (!missing.isEmpty()) {
            String message = "Kennisagenda (profiles " + String.join(",", ConfigUtils.getProfiles())
                    + ") does not start in production without these settings (see docs/operations.md):\n  "
                    + String.join("\n  ", missing);
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    static List<String> missing(Config config) {
        boolean mailerMock = config.getOptionalValue("quarkus.mailer.mock", Boolean.class).orElse(false);
        List<String> missing = new ArrayList<>();
        for (Required setting : REQUIRED) {
            if (mailerMock && setting.property().equals("quarkus.mailer.host")) {
                continue;
            }
            if (!given(config, setting)) {
                missing.add(setting.variable() + " (" + setting.property() + "): " + setting.meaning());
            }
        }
        return missing;
    }

    /**
     * Given by the operator: the documented variable is set, or the property itself comes from somewhere else than
     * the defaults in the application's own application.properties (a system property, its own variable, a config
     * file next to the jar).
     */
    private static boolean given(Config config, Required setting) {
        Optional<String> variable = config.getOptionalValue(setting.variable(), String.class);
        if (variable.isPresent() && !variable.get().isBlank()) {
            return true;
        }
        ConfigValue value = config.getConfigValue(setting.property());
        if (value.getValue() == null || value.getValue().isBlank()) {
            return false;
        }
        String source = value.getSourceName() == null ? "" : value.getSourceName();
        return !(source.contains("application.properties") && source.contains("jar"))
                && !source.contains("BuildTime") && !source.contains("DefaultValues");
    }
}
