package nl.kennisagenda.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * The dummy hash that an unknown address is checked against is a constant (not hashed at start-up), so it must stay
 * a valid bcrypt hash of the same kind and cost as the hashes accounts get: otherwise a log-in with an unknown address
 * would answer faster than one with a wrong password and tell which addresses have an account.
 */
class DummyHashTest {

    @Test
    void theDummyHashHasTheSchemeAndCostOfRealHashesAndMatchesNoPassword() {
        String real = BcryptUtil.bcryptHash("some password");
        // "$2a$10$": scheme and cost; the rest is salt and hash.
        assertEquals(real.substring(0, 7), AccountIdentityProvider.DUMMY_HASH.substring(0, 7));
        assertEquals(real.length(), AccountIdentityProvider.DUMMY_HASH.length());
        assertFalse(BcryptUtil.matches("", AccountIdentityProvider.DUMMY_HASH));
        assertFalse(BcryptUtil.matches("some password", AccountIdentityProvider.DUMMY_HASH));
    }
}
