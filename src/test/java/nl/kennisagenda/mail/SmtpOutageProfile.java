package nl.kennisagenda.mail;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import nl.kennisagenda.testsupport.OwnH2;

/**
 * The outbox as it runs in production (the scheduled sender, every second here, and the production limit of
 * attempts), with a short back-off so an outage of seconds already shows several attempts: 1 s, 2 s, then 4 s
 * between attempts instead of 30 s, 2 min, 10 min. GreenMail as the SMTP server; a database of its own, so the
 * scheduled sender and the outbox gauges see only this class's mails.
 */
public class SmtpOutageProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "kennisagenda.mail.send-interval", "1s",
                "kennisagenda.mail.retry-backoff", "1s,2s,4s",
                "quarkus.datasource.jdbc.url", OwnH2.url("kennisagenda-smtp-outage-test"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }
}
