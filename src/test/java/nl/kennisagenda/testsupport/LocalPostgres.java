package nl.kennisagenda.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile.TestResourceEntry;

/**
 * A fresh database on the local PostgreSQL for a test profile: dropped and created before the application starts,
 * so every run begins empty, and handed to the application as its datasource. Each profile names its own database
 * (init argument {@code database}) so test classes never share data by accident. Host, port, user and password can
 * be changed with KENNISAGENDA_TEST_PG_HOST, _PORT, _USER and _PASSWORD (defaults: localhost, 5432, postgres,
 * empty: trust authentication).
 */
public class LocalPostgres implements QuarkusTestResourceLifecycleManager {

    private String database = "kennisagenda_test";

    /** The test resource entry for a profile that runs on its own database. */
    public static TestResourceEntry database(String name) {
        return new TestResourceEntry(LocalPostgres.class, Map.of("database", name));
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + env("KENNISAGENDA_TEST_PG_HOST", "localhost") + ":"
                + env("KENNISAGENDA_TEST_PG_PORT", "5432") + "/" + database;
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
        // Kept for inspection after a run; the next run drops it.
    }
}
