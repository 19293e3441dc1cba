package nl.kennisagenda.newsletter.sending;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import nl.kennisagenda.mail.GreenMailResource;
import nl.kennisagenda.testsupport.LocalPostgres;

/** The newsletter sender on the local PostgreSQL (as several instances share it in production), with GreenMail. */
public class NewsletterPostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(new NewsletterSendingProfile().getConfigOverrides());
        overrides.put("quarkus.datasource.db-kind", "postgresql");
        return overrides;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(LocalPostgres.database("kennisagenda_newsletter_test"),
                new TestResourceEntry(GreenMailResource.class));
    }
}
