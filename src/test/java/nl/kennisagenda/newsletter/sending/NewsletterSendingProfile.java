package nl.kennisagenda.newsletter.sending;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import nl.kennisagenda.mail.GreenMailResource;

/**
 * Real SMTP (GreenMail); the tests drive the newsletter sender themselves. Small batches and expansion steps, so a
 * dozen subscribers take several of each; a low rate (20 per second), so the rate test can measure it.
 */
public class NewsletterSendingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "kennisagenda.mail.send-interval", "off",
                "kennisagenda.newsletter.send-interval", "off",
                "kennisagenda.newsletter.rate-per-second", "20",
                "kennisagenda.newsletter.batch-size", "4",
                "kennisagenda.newsletter.expand-batch-size", "5",
                "kennisagenda.newsletter.connections", "3",
                "kennisagenda.mail.max-attempts", "5");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }
}
