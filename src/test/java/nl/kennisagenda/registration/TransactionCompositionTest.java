package nl.kennisagenda.registration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The composition proof on the embedded H2 database (see {@link AbstractTransactionCompositionTest}). */
@QuarkusTest
class TransactionCompositionTest extends AbstractTransactionCompositionTest {

    /** H2 takes its lock timeout from the JDBC URL, not from the SQL the locks run: the two must agree. */
    @Test
    void h2WaitsForALockAsLongAsTheConfiguredLockTimeout() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        assertTrue(url.contains(";LOCK_TIMEOUT=" + locks.lockTimeout().toMillis()), url);
    }
}
