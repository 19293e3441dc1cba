package nl.kennisagenda.web;

import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.registration.PostgresProfile;
import nl.kennisagenda.testsupport.PostgresAvailable;

/**
 * The shared limiter's proofs on the local PostgreSQL, where several application instances share the count: two
 * limiter instances hit at the same moment admit no more than the limit.
 */
@ExtendWith(PostgresAvailable.class)
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresRateLimiterTest extends RateLimiterTest {
}
