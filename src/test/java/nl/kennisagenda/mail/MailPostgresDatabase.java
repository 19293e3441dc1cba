package nl.kennisagenda.mail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh database {@code kennisagenda_mail_test} on the local PostgreSQL for the mail tests (its own name, so it
 * never collides with other test databases on the same server). Host, port, user and password through
 * KENNISAGENDA_TEST_PG_HOST, _PORT, _USER, _PASSWORD (defaults localhost, 5432, postgres, empty).
 */
public class MailPostgresDatabase implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "kennisagenda_mail_test";

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

    @Override
    public Map<String, String> start() {
        try (Connection connection = DriverManager.getConnection(url("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the PostgreSQL test database " + DATABASE + " at "
                    + url("postgres") + " as " + user(), e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url(DATABASE),
                "quarkus.datasource.username", user(),
                "quarkus.datasource.password", password());
    }

    @Override
    public void stop() {
        // Kept for inspection after a run; the next run drops it.
    }
}
