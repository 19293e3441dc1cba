package nl.kennisagenda.registration;

import io.quarkus.test.junit.QuarkusTest;

/** The overbooking proof on the embedded H2 database (see {@link AbstractSignupConcurrencyTest}). */
@QuarkusTest
class SignupConcurrencyTest extends AbstractSignupConcurrencyTest {
}
