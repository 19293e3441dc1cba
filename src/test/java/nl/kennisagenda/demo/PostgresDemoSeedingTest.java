package nl.kennisagenda.demo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.testsupport.LocalPostgres;
import nl.kennisagenda.testsupport.PostgresAvailable;

@QuarkusTest
@TestProfile(PostgresDemoSeedingTest.EmptyPostgres.class)
@ExtendWith(PostgresAvailable.class)
class PostgresDemoSeedingTest extends AbstractDemoSeedingTest {

    /** A fresh database on the local PostgreSQL, left empty at start. */
    public static class EmptyPostgres implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.db-kind", "postgresql", "kennisagenda.site.demo-data", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(LocalPostgres.database("kennisagenda_demo_test"));
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }
}
