package nl.kennisagenda.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.registration.PostgresProfile;
import nl.kennisagenda.testsupport.Await;
import nl.kennisagenda.testsupport.LocalPostgres;
import nl.kennisagenda.testsupport.PostgresAvailable;

/**
 * Readiness follows the database: while the application's PostgreSQL database refuses connections (and the ones it
 * had are ended), /q/health/ready answers 503 DOWN, so a load balancer stops sending requests to the instance; once
 * the database is back, it is UP again by itself. Liveness stays UP throughout: the instance needs no restart.
 */
@ExtendWith(PostgresAvailable.class)
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresReadinessTest {

    private static final String DATABASE = LocalPostgres.forThisRun("kennisagenda_test");

    private static void onServer(String sql) {
        try (Connection connection = DriverManager.getConnection(LocalPostgres.url("postgres"), LocalPostgres.user(),
                LocalPostgres.password()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static int readiness() {
        return given().get("/q/health/ready").statusCode();
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndUpWhenItIsBack() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        try {
            onServer("alter database " + DATABASE + " allow_connections false");
            onServer("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + DATABASE + "'");
            Await.until("readiness 503", Duration.ofSeconds(60), () -> readiness() == 503);
            given().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            onServer("alter database " + DATABASE + " allow_connections true");
        }
        Await.until("readiness 200 again", Duration.ofSeconds(60), () -> readiness() == 200);
    }
}
