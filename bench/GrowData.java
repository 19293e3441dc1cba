import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Grows a migrated Kennisagenda database (demo data loaded) to a given size, with plain JDBC batch inserts (not
 * through HTTP): published events spread over the coming year, registrations spread over them, one large event with
 * a given number of registrations (the export case), and confirmed newsletter subscribers.
 *
 * <pre>
 * java -cp h2.jar bench/GrowData.java JDBC_URL USER PASSWORD EVENTS REGISTRATIONS SUBSCRIBERS BIG_EVENT_SIZE
 * e.g.  … 1000 200000 100000 5000   (the grown database of docs/performance.md)
 *       … 0 0 0 5000                (the demo database with only the 5,000-person event)
 * </pre>
 *
 * REGISTRATIONS includes the big event's. Everything it makes has a slug or address starting with "bench-", and the
 * events are listed (they count on the home page and in the back-office like real ones). Deterministic (fixed seed).
 */
public class GrowData {

    static final String BIG_SLUG = "bench-groot-evenement";
    static final Random RANDOM = new Random(12);
    static final String[] FIRST = { "Anna", "Bram", "Carla", "Daan", "Eva", "Femke", "Gijs", "Hanna", "Ilse", "Joost",
            "Karin", "Lars", "Maaike", "Niels", "Olga", "Pieter", "Roos", "Sander", "Tessa", "Wouter" };
    static final String[] LAST = { "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
            "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker", "Brouwer", "de Wit", "Dijkstra",
            "Smits", "van den Berg" };
    static final String[] FORMATS = { "ONLINE", "IN_PERSON", "HYBRID" };
    /** Themes of the grown events, two each, as the agenda's events have (its filter choices read them). */
    static final String[] THEMES = { "Eerstelijnszorg", "Wonen en zorg", "Jeugd", "Ouderen", "Digitale zorg",
            "Preventie", "Arbeidsmarkt", "Regionale samenwerking", "Mantelzorg", "GGZ", "Sociaal domein", "Dementie" };

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int events = Integer.parseInt(args[3]);
        int registrations = Integer.parseInt(args[4]);
        int subscribers = Integer.parseInt(args[5]);
        int big = Integer.parseInt(args[6]);
        long t0 = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, args[1], args[2])) {
            db.setAutoCommit(false);
            List<Long> organisations = ids(db, "select id from organisations order by id");
            Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);

            // Events: the big one (starts in 20 days, room for everyone), then the others over the coming year.
            long bigId = insertEvent(db, BIG_SLUG, "Groot benchmarkcongres", organisations.get(0), now.plus(
                    Duration.ofDays(20)), 100_000, "IN_PERSON");
            List<Long> eventIds = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                Instant start = now.plus(Duration.ofHours(6 + RANDOM.nextInt(365 * 24)));
                eventIds.add(insertEvent(db, "bench-event-" + i, "Benchmarkbijeenkomst " + i + " over "
                        + LAST[i % LAST.length], organisations.get(i % organisations.size()), start, 400,
                        FORMATS[i % FORMATS.length]));
            }
            addThemesAndPartners(db, eventIds, organisations);
            db.commit();

            // Attendees: as many as the largest event needs, at least a quarter of the registrations (people come
            // to several events).
            int attendees = Math.max(big, Math.max(1, registrations / 4));
            long firstAttendee = insertAttendees(db, attendees, now);
            db.commit();

            int rest = Math.max(0, registrations - big);
            insertRegistrations(db, bigId, big, firstAttendee, 0, attendees, now);
            for (int e = 0; e < eventIds.size(); e++) {
                int count = rest / eventIds.size() + (e < rest % eventIds.size() ? 1 : 0);
                insertRegistrations(db, eventIds.get(e), count, firstAttendee, (e * 7919L) % attendees, attendees,
                        now);
            }
            try (Statement s = db.createStatement()) {
                s.executeUpdate("update events e set confirmed_count = (select count(*) from registrations r"
                        + " where r.event_id = e.id and r.status = 'CONFIRMED'), waitlisted_count = (select count(*)"
                        + " from registrations r where r.event_id = e.id and r.status = 'WAITLISTED')"
                        + " where e.slug like 'bench-%'");
            }
            db.commit();

            insertSubscribers(db, subscribers, organisations, now);
            db.commit();
            System.out.printf("grown: %d events (+1 of %d registrations), %d registrations, %d attendees,"
                    + " %d subscribers in %.1f s%n", events, big, registrations, attendees, subscribers,
                    (System.nanoTime() - t0) / 1e9);
            System.out.println("big event id " + bigId);
        }
    }

    static List<Long> ids(Connection db, String sql) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    static long insertEvent(Connection db, String slug, String title, long organisation, Instant start,
            int capacity, String format) throws Exception {
        try (PreparedStatement p = db.prepareStatement("insert into events (slug, organisation_id, title, summary,"
                + " description, format, starts_at, ends_at, venue_name, venue_address, venue_city, online_platform,"
                + " capacity, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " 'PUBLISHED', ?, ?)", new String[] { "id" })) {
            p.setString(1, slug);
            p.setLong(2, organisation);
            p.setString(3, title);
            p.setString(4, "Een bijeenkomst om de benchmark te vullen: " + title + ".");
            p.setString(5, ("Wat we bespreken, wie er spreekt en wat je meeneemt. ").repeat(20));
            p.setString(6, format);
            p.setTimestamp(7, Timestamp.from(start));
            p.setTimestamp(8, Timestamp.from(start.plus(Duration.ofHours(3))));
            boolean onsite = !"ONLINE".equals(format);
            p.setString(9, onsite ? "Jaarbeurs" : null);
            p.setString(10, onsite ? "Jaarbeursplein 1" : null);
            p.setString(11, onsite ? "Utrecht" : null);
            p.setString(12, onsite && !"HYBRID".equals(format) ? null : "Zoom");
            p.setInt(13, capacity);
            Timestamp created = Timestamp.from(start.minus(Duration.ofDays(60)));
            p.setTimestamp(14, created);
            p.setTimestamp(15, created);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Two themes for every event and, for every third, a partner organisation. */
    static void addThemesAndPartners(Connection db, List<Long> eventIds, List<Long> organisations) throws Exception {
        try (PreparedStatement themes = db.prepareStatement(
                "insert into event_themes (event_id, theme, sort_order) values (?, ?, ?)");
                PreparedStatement partners = db.prepareStatement(
                        "insert into event_partners (event_id, organisation_id, sort_order) values (?, ?, 0)")) {
            for (int i = 0; i < eventIds.size(); i++) {
                for (int t = 0; t < 2; t++) {
                    themes.setLong(1, eventIds.get(i));
                    themes.setString(2, THEMES[(i + t * 5) % THEMES.length]);
                    themes.setInt(3, t);
                    themes.addBatch();
                }
                if (i % 3 == 0 && organisations.size() > 1) {
                    partners.setLong(1, eventIds.get(i));
                    partners.setLong(2, organisations.get((i + 1) % organisations.size()));
                    partners.addBatch();
                }
            }
            themes.executeBatch();
            partners.executeBatch();
        }
    }

    static long insertAttendees(Connection db, int count, Instant now) throws Exception {
        try (PreparedStatement p = db.prepareStatement(
                "insert into attendees (email, calendar_token, created_at) values (?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                p.setString(1, "bench-person-" + i + "@example.org");
                p.setString(2, token("cal", i));
                p.setTimestamp(3, Timestamp.from(now.minus(Duration.ofDays(90))));
                p.addBatch();
                if (i % 1000 == 999) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        return ids(db, "select min(id) from attendees where email like 'bench-person-%'").get(0);
    }

    static long registrationSequence;

    static void insertRegistrations(Connection db, long eventId, int count, long firstAttendee, long offset,
            int attendees, Instant now) throws Exception {
        try (PreparedStatement p = db.prepareStatement("insert into registrations (event_id, attendee_id, token,"
                + " status, first_name, last_name, email, organisation_name, job_role, locale, newsletter_opt_in,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                long person = (offset + i) % attendees;
                long n = registrationSequence++;
                int roll = RANDOM.nextInt(100);
                p.setLong(1, eventId);
                p.setLong(2, firstAttendee + person);
                p.setString(3, token("reg", n));
                p.setString(4, roll < 85 ? "CONFIRMED" : roll < 93 ? "CANCELLED" : "WAITLISTED");
                p.setString(5, FIRST[(int) (person % FIRST.length)]);
                p.setString(6, LAST[(int) ((person / FIRST.length) % LAST.length)]);
                p.setString(7, "bench-person-" + person + "@example.org");
                p.setString(8, "Organisatie " + (person % 500));
                p.setString(9, "Beleidsmedewerker");
                p.setString(10, roll % 5 == 0 ? "en" : "nl");
                p.setBoolean(11, roll % 3 == 0);
                Timestamp created = Timestamp.from(now.minus(Duration.ofMinutes(RANDOM.nextInt(60 * 24 * 50))));
                p.setTimestamp(12, created);
                p.setTimestamp(13, created);
                p.addBatch();
                if (i % 1000 == 999) {
                    p.executeBatch();
                }
                if (n % 20_000 == 19_999) {
                    db.commit();
                }
            }
            p.executeBatch();
        }
    }

    static void insertSubscribers(Connection db, int count, List<Long> organisations, Instant now)
            throws Exception {
        if (count == 0) {
            return;
        }
        try (PreparedStatement p = db.prepareStatement("insert into newsletter_subscribers (email, email_key, name,"
                + " mail_locale, status, token, created_at, confirmed_at, updated_at)"
                + " values (?, ?, ?, 'nl', 'CONFIRMED', ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String email = "bench-subscriber-" + i + "@example.org";
                p.setString(1, email);
                p.setString(2, email);
                p.setString(3, FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length]);
                p.setString(4, token("sub", i));
                Timestamp at = Timestamp.from(now.minus(Duration.ofDays(30)));
                p.setTimestamp(5, at);
                p.setTimestamp(6, at);
                p.setTimestamp(7, at);
                p.addBatch();
                if (i % 1000 == 999) {
                    p.executeBatch();
                    db.commit();
                }
            }
            p.executeBatch();
        }
        try (Statement s = db.createStatement()) {
            s.executeUpdate("insert into newsletter_subscriber_organisations (subscriber_id, organisation_id)"
                    + " select s.id, " + organisations.get(0) + " from newsletter_subscribers s"
                    + " where s.email like 'bench-subscriber-%'");
        }
    }

    static String token(String kind, long n) {
        return String.format("bench%s%011d%016x", kind, n, RANDOM.nextLong());
    }
}
