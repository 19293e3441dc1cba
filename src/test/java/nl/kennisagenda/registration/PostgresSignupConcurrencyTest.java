package nl.kennisagenda.registration;

import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.testsupport.PostgresAvailable;

/**
 * The overbooking proof on the local PostgreSQL (database {@code kennisagenda_test_<pid>}, created for the run), where
 * {@code SELECT … FOR UPDATE} is what would hold across several application instances. Runs in CI; skipped only on a
 * developer machine without PostgreSQL.
 */
@ExtendWith(PostgresAvailable.class)
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresSignupConcurrencyTest extends AbstractSignupConcurrencyTest {
}
