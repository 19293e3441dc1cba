package nl.kennisagenda.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile.TestResourceEntry;

/**
 * A fresh database on the local PostgreSQL for a test profile: created empty before the application starts, handed
 * to the application as its datasource, and dropped when the profile's application stops. Each profile names its own
 * database (init argument {@code database}) so test classes never share data by accident, and the name carries the
 * test JVM's process id ({@link #forThisRun}), so two test runs on one machine (two checkouts, a developer and CI)
 * never drop each other's database in the middle of a test. Host, port, user and password can
 * be changed with KENNISAGENDA_TEST_PG_HOST, _PORT, _USER and _PASSWORD (defaults: localhost, 5432, postgres,
 * empty: trust authentication).
 */
public class LocalPostgres implements QuarkusTestResourceLifecycleManager {

    private static final String RUN = Long.toString(ProcessHandle.current().pid());

    private String database = forThisRun("kennisagenda_test");

    /** The test resource entry for a profile that runs on its own database. */
    public static TestResourceEntry database(String name) {
        return new TestResourceEntry(LocalPostgres.class, Map.of("database", name));
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = forThisRun(initArgs.getOrDefault("database", "kennisagenda_test"));
    }

    /** The database name for this test JVM: {@code kennisagenda_test} becomes {@code kennisagenda_test_12345}. */
    public static String forThisRun(String name) {
        return name + "_" + RUN;
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public static String host() {
        return env("KENNISAGENDA_TEST_PG_HOST", "localhost");
    }

    public static int port() {
        return Integer.parseInt(env("KENNISAGENDA_TEST_PG_PORT", "5432"));
    }

    public static String user() {
        return env("KENNISAGENDA_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return env("KENNISAGENDA_TEST_PG_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Whether the server answers at all. */
    public static boolean reachable() {
        try (Connection ignored = DriverManager.getConnection(url("postgres"), user(), password())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Drops the database if it exists and creates it empty. */
    public static void recreate(String database) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the PostgreSQL test database " + database
                    + " at " + url("postgres") + " as " + user(), e);
        }
    }

    @Override
    public Map<String, String> start() {
        recreate(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", url(database),
                "quarkus.datasource.username", user(),
                "quarkus.datasource.password", password());
    }

    @Override
    public void stop() {
        drop(database);
    }

    /** Drops the database, ending any session still connected to it. */
    public static void drop(String database) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the PostgreSQL test database " + database, e);
        }
    }
}
