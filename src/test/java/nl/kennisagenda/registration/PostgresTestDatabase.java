package nl.kennisagenda.registration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Drops and creates the database {@code kennisagenda_test} on the local PostgreSQL before the application starts,
 * so every run begins empty. Host, port, user and password can be changed with KENNISAGENDA_TEST_PG_HOST,
 * _PORT, _USER and _PASSWORD (defaults: localhost, 5432, postgres, empty: trust authentication).
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "kennisagenda_test";

    static String url(String database) {
        return "jdbc:postgresql://" + env("KENNISAGENDA_TEST_PG_HOST", "localhost") + ":"
                + env("KENNISAGENDA_TEST_PG_PORT", "5432") + "/" + database;
    }

    static String user() {
        return env("KENNISAGENDA_TEST_PG_USER", "postgres");
    }

    static String password() {
        return env("KENNISAGENDA_TEST_PG_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Whether the server answers at all. */
    static boolean reachable() {
        try (Connection ignored = DriverManager.getConnection(url("postgres"), user(), password())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public Map<String, String> start() {
        try (Connection connection = DriverManager.getConnection(url("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the PostgreSQL test database " + DATABASE
                    + " at " + url("postgres") + " as " + user(), e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // Kept for inspection after a run; the next run drops it.
    }
}
