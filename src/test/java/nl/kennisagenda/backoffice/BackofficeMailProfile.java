package nl.kennisagenda.backoffice;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import nl.kennisagenda.mail.GreenMailProfile;
import nl.kennisagenda.testsupport.OwnH2;

/**
 * GreenMail for the back-office mail tests (password links, mail log, accounts), on a fresh in-memory database each
 * time the application starts with this profile. Why not the shared test database: these classes log in, which
 * updates {@code accounts}; on an H2 database that an earlier application in the same JVM (another profile) had
 * migrated, that update failed with "Check constraint invalid: accounts_role … The database has been closed"
 * (seen when BackofficeAccessTest and BackofficeLoginTest ran first; root cause not found, our guess is that H2 keeps
 * something of the first application's closed session in the constraint). Alone, each class passed either way.
 */
public class BackofficeMailProfile extends GreenMailProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("quarkus.datasource.jdbc.url", OwnH2.url("backoffice-mail-" + UUID.randomUUID()));
        return config;
    }
}
