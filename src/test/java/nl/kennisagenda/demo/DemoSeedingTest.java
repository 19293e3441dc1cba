package nl.kennisagenda.demo;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.testsupport.OwnH2;

@QuarkusTest
@TestProfile(DemoSeedingTest.EmptyH2.class)
class DemoSeedingTest extends AbstractDemoSeedingTest {

    /**
     * An in-memory H2 database of its own, left empty at start. Its lock timeout is 200 ms, far shorter than
     * seeding takes, so the instance that waits always times out on the lock at least once and must ask again.
     */
    public static class EmptyH2 implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kennisagenda.site.demo-data", "false",
                    "quarkus.datasource.jdbc.url", OwnH2.url("demo-seeding").replace("LOCK_TIMEOUT=10000", "LOCK_TIMEOUT=200"));
        }
    }
}
