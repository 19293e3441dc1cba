package nl.kennisagenda.mail;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Real SMTP (GreenMail); the scheduled sender stays off so the tests drive it, with a short give-up limit. Five, not
 * four: the outage test succeeds on its fourth attempt, which should not also be the last one allowed.
 */
public class GreenMailProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "kennisagenda.mail.send-interval", "off",
                "kennisagenda.mail.retry-backoff", "30s,2m,10m",
                "kennisagenda.mail.max-attempts", "5");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }
}
