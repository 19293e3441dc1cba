package nl.kennisagenda.mail;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The outbox on the local PostgreSQL (as in production, where several instances share it) with GreenMail. */
public class PostgresGreenMailProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "kennisagenda.mail.send-interval", "off",
                "kennisagenda.mail.batch-size", "5");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MailPostgresDatabase.class), new TestResourceEntry(GreenMailResource.class));
    }
}
