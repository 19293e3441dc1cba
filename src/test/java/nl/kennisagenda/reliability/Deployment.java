package nl.kennisagenda.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.kennisagenda.testsupport.LocalPostgres;

/**
 * One way of running the packaged application as an operator does: its jar, its database, and the configuration
 * production insists on (a base URL, a real SMTP server, a sender address); the test reads the database directly.
 */
final class Deployment {

    static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));

    private final Path jar;
    private final Map<String, String> databaseEnvironment;
    private final SignupRows.ConnectionFactory database;

    private Deployment(Path jar, Map<String, String> databaseEnvironment, SignupRows.ConnectionFactory database) {
        this.jar = jar;
        this.databaseEnvironment = databaseEnvironment;
        this.database = database;
    }

    /** The default build (embedded H2) with its files in {@code dataDir}. */
    static Deployment onH2(Path dataDir) {
        return new Deployment(TARGET.resolve("quarkus-app/quarkus-run.jar"),
                Map.of("KENNISAGENDA_DATA_DIR", dataDir.toString()),
                () -> DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("kennisagenda")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "kennisagenda", ""));
    }

    /** The PostgreSQL build on a database of the local server (testsupport/LocalPostgres). */
    static Deployment onPostgres(String database) {
        return onPostgres(database, LocalPostgres.url(database));
    }

    /** The same, with the application reaching the server through {@code proxy}; the test reads it directly. */
    static Deployment onPostgresThrough(CuttableProxy proxy, String database) {
        return onPostgres(database, "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database);
    }

    private static Deployment onPostgres(String database, String applicationUrl) {
        return new Deployment(TARGET.resolve("quarkus-app-postgres/quarkus-run.jar"),
                Map.of("KENNISAGENDA_DB_URL", applicationUrl,
                        "KENNISAGENDA_DB_USER", LocalPostgres.user(),
                        "KENNISAGENDA_DB_PASSWORD", LocalPostgres.password()),
                () -> DriverManager.getConnection(LocalPostgres.url(database), LocalPostgres.user(),
                        LocalPostgres.password()));
    }

    /**
     * The application on {@code port}, mailing through the SMTP server on {@code smtpPort}, with the settings of the
     * test on top ({@code -Dname=value}).
     */
    AppProcess process(int port, int smtpPort, List<String> settings, Path log) {
        List<String> properties = new ArrayList<>(List.of("-Xmx384m", "-Dquarkus.mailer.timeout=5s"));
        properties.addAll(settings);
        Map<String, String> environment = new HashMap<>(databaseEnvironment);
        environment.putAll(Map.of(
                "KENNISAGENDA_BASE_URL", "http://localhost:" + port,
                "KENNISAGENDA_DEMO_DATA", "true",
                // One client address for all the tests' clients: the per-address limit would refuse them.
                "KENNISAGENDA_SIGNUPS_PER_MINUTE", "0",
                "QUARKUS_MAILER_MOCK", "false",
                "QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", String.valueOf(smtpPort),
                "QUARKUS_MAILER_START_TLS", "DISABLED",
                "QUARKUS_MAILER_FROM", "Kennisagenda <agenda@example.org>"));
        return new AppProcess(jar, port, properties, environment, log);
    }

    Connection connect() throws SQLException {
        return database.open();
    }

    SignupRows signups() {
        return new SignupRows(database);
    }
}
