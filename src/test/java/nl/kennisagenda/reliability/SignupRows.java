package nl.kennisagenda.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the database holds of one event's sign-ups, read with plain JDBC behind the application's back: the
 * registrations by address with their outbox rows, and whether the event's counters agree with its rows. The tests
 * that crash the application or take its database away judge what was written by these.
 */
final class SignupRows {

    /** One stored registration: its status, its outbox rows, and how many of those are not sent (or skipped) yet. */
    record Stored(String status, int outboxRows, int unsentOutboxRows) {
    }

    @FunctionalInterface
    interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    private final ConnectionFactory database;

    SignupRows(ConnectionFactory database) {
        this.database = database;
    }

    Map<String, Stored> registrations(String eventSlug) throws SQLException {
        try (Connection connection = database.open();
                PreparedStatement query = connection.prepareStatement("""
                        select r.email, r.status,
                               (select count(*) from outbox_mails m where m.registration_id = r.id),
                               (select count(*) from outbox_mails m
                                 where m.registration_id = r.id and m.status not in ('SENT', 'SUPERSEDED'))
                        from registrations r join events e on e.id = r.event_id
                        where e.slug = ?""")) {
            query.setString(1, eventSlug);
            Map<String, Stored> rows = new HashMap<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), new Stored(result.getString(2), result.getInt(3),
                            result.getInt(4)));
                }
            }
            return rows;
        }
    }

    /** Outbox rows addressed to each recipient, whether or not a registration points to them. */
    Map<String, Integer> outboxRowsByRecipient() throws SQLException {
        try (Connection connection = database.open();
                PreparedStatement query = connection.prepareStatement(
                        "select recipient, count(*) from outbox_mails group by recipient");
                ResultSet result = query.executeQuery()) {
            Map<String, Integer> rows = new HashMap<>();
            while (result.next()) {
                rows.put(result.getString(1), result.getInt(2));
            }
            return rows;
        }
    }

    /** The event's confirmed and waiting-list counters equal its rows, and it is not overbooked. */
    void assertCountersMatchRows(String eventSlug) throws SQLException {
        try (Connection connection = database.open();
                PreparedStatement query = connection.prepareStatement("""
                        select e.capacity, e.confirmed_count, e.waitlisted_count,
                               (select count(*) from registrations r
                                 where r.event_id = e.id and r.status = 'CONFIRMED'),
                               (select count(*) from registrations r
                                 where r.event_id = e.id and r.status = 'WAITLISTED')
                        from events e where e.slug = ?""")) {
            query.setString(1, eventSlug);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next(), "event " + eventSlug);
                int capacity = result.getInt(1);
                assertEquals(result.getInt(4), result.getInt(2), "confirmed counter against rows");
                assertEquals(result.getInt(5), result.getInt(3), "waiting-list counter against rows");
                assertTrue(result.getInt(2) <= capacity, "overbooked: " + result.getInt(2) + " > " + capacity);
            }
        }
    }
}
