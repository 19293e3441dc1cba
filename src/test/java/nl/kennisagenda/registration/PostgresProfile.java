package nl.kennisagenda.registration;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import nl.kennisagenda.testsupport.LocalPostgres;

/** Runs the application on the local PostgreSQL, database kennisagenda_test_<pid> (created fresh by {@link LocalPostgres}). */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.db-kind", "postgresql");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(LocalPostgres.database("kennisagenda_test"));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
