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
 * (the check constraint still refers to the first application's closed session).
 */
public class BackofficeMailProfile extends GreenMailProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("quarkus.datasource.jdbc.url", OwnH2.url("backoffice-mail-" + UUID.randomUUID()));
        return config;
    }
}
