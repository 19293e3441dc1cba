package nl.kennisagenda.mail;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import nl.kennisagenda.testsupport.OwnH2;

/**
 * Real SMTP (GreenMail) with the scheduled sender switched on, running every second, on a database of its own: the
 * other test classes share one in-memory H2 database and leave outbox rows behind, which this sender would otherwise
 * pick up and send while the test runs.
 */
public class ScheduledGreenMailProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "kennisagenda.mail.send-interval", "1s",
                // The scheduler sends from its own thread, where the warm-up's pooled connection may not be used:
                // a lost greeting on a new connection (see MailClientWarmUp) is retried after a second, not 30 s.
                "kennisagenda.mail.retry-backoff", "1s",
                "quarkus.datasource.jdbc.url", OwnH2.url("kennisagenda-scheduled-mail-test"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }
}
