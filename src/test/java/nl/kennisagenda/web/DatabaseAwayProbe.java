package nl.kennisagenda.web;

import java.sql.SQLException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.hibernate.exception.JDBCConnectionException;

/**
 * A route of the tests only (not in the packaged application): it fails as a page does when the database refuses
 * connections, so the page checks can see the 503 notice without taking the shared test database away.
 * reliability/DatabaseOutageIT gets the same page from a real outage.
 */
@Path("/test-only/database-away")
public class DatabaseAwayProbe {

    @GET
    public String page() {
        throw new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"));
    }
}
