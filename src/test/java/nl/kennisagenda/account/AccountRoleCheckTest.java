package nl.kennisagenda.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The role check on accounts works from every connection. With H2 2.4.240 a check that compares a text column with
 * literals fails ("Check constraint invalid") on connections opened after the one that created it was closed, as a
 * pool does when it renews connections: log-ins failed at random until V9_1 wrote the check another way.
 */
class AccountRoleCheckTest {

    @Test
    void anAccountCanBeChangedFromALaterConnectionAndAnUnknownRoleIsStillRefused() throws SQLException {
        String url = "jdbc:h2:mem:role-check-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        // Flyway migrates through its own connection and closes it, as at start-up.
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").load().migrate();

        try (Connection later = DriverManager.getConnection(url, "", "");
                Statement statement = later.createStatement()) {
            statement.executeUpdate("insert into accounts (email, name, password_hash, role, active, created_at) "
                    + "values ('rol@example.org', 'Rol', 'x', 'OBSERVER', true, current_timestamp)");
            assertEquals(1, statement.executeUpdate(
                    "update accounts set role = 'ORGANISER', last_login_at = current_timestamp "
                            + "where email = 'rol@example.org'"));
            SQLException refused = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "update accounts set role = 'SUPERUSER' where email = 'rol@example.org'"));
            assertEquals("23513", refused.getSQLState(), "a violation, not an invalid check: " + refused);
            statement.execute("shutdown");
        }
    }
}
