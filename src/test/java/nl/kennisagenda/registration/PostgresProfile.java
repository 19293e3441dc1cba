package nl.kennisagenda.registration;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the application on the local PostgreSQL, database kennisagenda_test (created fresh by {@link PostgresTestDatabase}). */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", PostgresTestDatabase.url(PostgresTestDatabase.DATABASE),
                "quarkus.datasource.username", PostgresTestDatabase.user(),
                "quarkus.datasource.password", PostgresTestDatabase.password());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestDatabase.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
