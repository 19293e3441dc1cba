package nl.kennisagenda.privacy;

import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.mail.PostgresGreenMailProfile;
import nl.kennisagenda.testsupport.PostgresAvailable;

/**
 * The same retention, access and erasure behaviour on the local PostgreSQL (production's database): the native
 * statements of the anonymiser, the job's lease claim and the V33 migration run there too.
 */
@QuarkusTest
@ExtendWith(PostgresAvailable.class)
@TestProfile(PostgresGreenMailProfile.class)
class PersonalDataOnPostgresTest extends PersonalDataTest {
}
