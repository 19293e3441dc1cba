package nl.kennisagenda.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.StandardFormFields;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.TestEvents;

/**
 * The exports are written while the registrations are read (several cursor steps for a large event): every row is
 * there once, in name order, with its own answers and sessions, in CSV, XLSX and the admin API alike.
 */
@QuarkusTest
class RegistrationExportStreamTest {

    /** More than two steps of the export's cursor (500 registrations each), and not a multiple of one. */
    private static final int PEOPLE = 1_234;
    private static final String ORGANISER = "platform31@example.org";

    private static TestEvents.Created event;
    private static String tag;

    @BeforeAll
    static void aLargeEvent() {
        event = RegistrationAdminTest.platform31Event("groot-export", null, null, null);
        tag = Long.toString(System.nanoTime(), 36);
        QuarkusTransaction.requiringNew().run(() -> {
            Event found = Event.findById(event.id());
            StandardFormFields.field(found, 6, "dieet", "Dieetwensen", "Dietary needs", FieldType.TEXT, false, 200)
                    .persist();
        });
        QuarkusTransaction.requiringNew().run(() -> Registration.getEntityManager().unwrap(Session.class)
                .doWork(db -> {
                    Timestamp now = Timestamp.from(Instant.now());
                    try (PreparedStatement attendee = db.prepareStatement(
                            "insert into attendees (email, calendar_token, created_at) values (?, ?, ?)")) {
                        for (int i = 0; i < PEOPLE; i++) {
                            attendee.setString(1, email(i));
                            attendee.setString(2, UUID.randomUUID().toString());
                            attendee.setTimestamp(3, now);
                            attendee.addBatch();
                        }
                        attendee.executeBatch();
                    }
                    try (PreparedStatement registration = db.prepareStatement("insert into registrations (event_id,"
                            + " attendee_id, token, status, first_name, last_name, email, organisation_name, locale,"
                            + " created_at, updated_at) select ?, a.id, ?, 'CONFIRMED', ?, ?, a.email, ?, 'nl', ?, ?"
                            + " from attendees a where a.email = ?")) {
                        // Inserted in reverse name order: the export must sort, not follow the insertion.
                        for (int i = PEOPLE - 1; i >= 0; i--) {
                            registration.setLong(1, event.id());
                            registration.setString(2, UUID.randomUUID().toString());
                            registration.setString(3, "Persoon");
                            registration.setString(4, lastName(i));
                            registration.setString(5, "Organisatie " + i);
                            registration.setTimestamp(6, now);
                            registration.setTimestamp(7, now);
                            registration.setString(8, email(i));
                            registration.addBatch();
                        }
                        registration.executeBatch();
                    }
                    try (PreparedStatement answer = db.prepareStatement("insert into registration_answers"
                            + " (registration_id, field_key, answer) select r.id, 'dieet', ? from registrations r"
                            + " where r.email = ? and r.event_id = ?");
                            PreparedStatement session = db.prepareStatement("insert into registration_sessions"
                                    + " (registration_id, programme_item_id) select r.id, ? from registrations r"
                                    + " where r.email = ? and r.event_id = ?")) {
                        for (int i = 0; i < PEOPLE; i++) {
                            if (i % 7 == 0) {
                                answer.setString(1, "Vegetarisch " + i);
                                answer.setString(2, email(i));
                                answer.setLong(3, event.id());
                                answer.addBatch();
                            }
                            session.setLong(1, event.sessionIds().get(i % 2));
                            session.setString(2, email(i));
                            session.setLong(3, event.id());
                            session.addBatch();
                        }
                        answer.executeBatch();
                        session.executeBatch();
                    }
                }));
    }

    @Test
    void theCsvOfALargeEventHasEveryPersonOnceInNameOrderWithTheirOwnAnswersAndSessions() {
        Response response = organiser().request().get("/admin/events/" + event.id() + "/registrations.csv");
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("text/csv"), response.contentType());
        assertEquals("no-store", response.header("Cache-Control"));
        byte[] bytes = response.asByteArray();
        assertEquals((byte) 0xEF, bytes[0], "byte order mark first, once");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(!text.contains("\uFEFF"), "one byte order mark only");
        String[] lines = text.split("\r\n");
        assertEquals(PEOPLE + 1, lines.length);
        List<String> header = cells(lines[0]);
        int last = header.indexOf("Achternaam");
        int mail = header.indexOf("E-mailadres");
        int diet = header.indexOf("Dieetwensen");
        int sessions = header.indexOf("Sessies");
        assertTrue(last >= 0 && mail >= 0 && diet >= 0 && sessions >= 0, lines[0]);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < PEOPLE; i++) {
            List<String> row = cells(lines[i + 1]);
            assertEquals(header.size(), row.size(), lines[i + 1]);
            assertEquals(lastName(i), row.get(last), "row " + i + " in name order");
            assertEquals(email(i), row.get(mail));
            assertEquals(i % 7 == 0 ? "Vegetarisch " + i : "", row.get(diet), "row " + i + " has its own answer");
            assertEquals(i % 2 == 0 ? "Sessie A" : "Sessie B", row.get(sessions), "row " + i + " has its session");
            assertTrue(seen.add(row.get(mail)), "each person once");
        }
    }

    @Test
    void theXlsxOfALargeEventHasEveryPersonInNameOrder() throws Exception {
        Response response = organiser().request().get("/admin/events/" + event.id() + "/registrations.xlsx");
        assertEquals(200, response.statusCode());
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            List<List<String>> rows = new ArrayList<>();
            workbook.getFirstSheet().openStream().forEach(row -> {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell == null ? "" : cell.getRawValue()));
                rows.add(cells);
            });
            assertEquals(PEOPLE + 1, rows.size());
            int last = rows.get(0).indexOf("Achternaam");
            for (int i = 0; i < PEOPLE; i++) {
                assertEquals(lastName(i), rows.get(i + 1).get(last), "row " + i);
            }
        }
    }

    @Test
    void theAdminApiCsvAndListHaveEveryPerson() {
        String base = "/api/admin/events/" + event.id() + "/registrations";
        String csv = organiser().request().get(base + ".csv").then().statusCode(200).extract().asString();
        assertEquals(PEOPLE + 1, csv.split("\r\n").length);
        List<String> emails = organiser().request().get(base).then().statusCode(200).extract().jsonPath()
                .getList("email");
        assertEquals(PEOPLE, emails.size());
        assertEquals(PEOPLE, new HashSet<>(emails).size());
        assertEquals(email(0), emails.get(0));
    }

    private static String lastName(int i) {
        return String.format("Achternaam %05d", i);
    }

    private static String email(int i) {
        return "export-" + tag + "-" + i + "@example.org";
    }

    /** The cells of one CSV line as written (every value quoted, quotes doubled, no line breaks in these values). */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String quoted : line.substring(1, line.length() - 1).split("\";\"", -1)) {
            cells.add(quoted.replace("\"\"", "\""));
        }
        return cells;
    }

    private static AdminClient organiser() {
        return AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
    }
}
