package nl.kennisagenda.testsupport;

/**
 * An in-memory H2 database of a test profile's own, with the application's H2 settings: for test classes whose
 * work must not see, or be seen by, the rows that other classes leave in the shared test database.
 */
public final class OwnH2 {

    private OwnH2() {
    }

    public static String url(String name) {
        return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    }
}
