package nl.kennisagenda.registration.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.kennisagenda.registration.admin.ParticipantList.Participant;
import nl.kennisagenda.registration.admin.ParticipantList.Problem;
import nl.kennisagenda.registration.admin.ParticipantList.Result;
import nl.kennisagenda.registration.admin.ParticipantList.RowWithoutAddress;
import nl.kennisagenda.registration.admin.ParticipantList.UnreadableListException;

/**
 * The participant lists organisers upload, in the shapes real tools export them (fixtures in
 * src/test/resources/attendance/, with example.org addresses): the addresses found, the rows without one, and the
 * files refused with a reason.
 */
class ParticipantListTest {

    @Test
    void aZoomMeetingExportSkipsTheMeetingSummaryAndListsEachPersonOnce() throws IOException {
        Result list = ParticipantList.read(fixture("zoom-meeting-participants.csv"));

        assertEquals(List.of("anna.de.vries@example.org", "bram@example.org"), addresses(list));
        assertEquals("Bakker, Bram (Gemeente Zwolle)", list.participants().get(1).name());
        assertEquals(List.of("iPhone van Cor"), names(list.withoutAddress()));
        assertEquals(',', list.separator());
        assertEquals("UTF-8", list.charset());
    }

    @Test
    void aZoomWebinarReportReadsEverySectionAndHonoursTheAttendedColumn() throws IOException {
        Result list = ParticipantList.read(fixture("zoom-webinar-attendees.csv"));

        assertEquals(List.of("host@example.org", "spreker@example.org", "dirk@example.org", "eva@example.org"),
                addresses(list));
        Participant dirk = list.participants().get(2);
        Participant eva = list.participants().get(3);
        assertEquals(true, dirk.attended());
        assertEquals("Dirk", dirk.name());
        assertEquals(false, eva.attended());
        assertEquals(List.of(), list.withoutAddress());
    }

    @Test
    void aTeamsAttendanceReportInUtf16WithTabsReadsTheParticipantSections() throws IOException {
        Result list = ParticipantList.read(fixture("teams-attendance-report.csv"));

        assertEquals(List.of("fenna@example.org", "gijs@example.org"), addresses(list));
        assertEquals("Gijs Gast", list.participants().get(1).name());
        assertEquals(List.of("Hanna Anoniem (Unverified)"), names(list.withoutAddress()));
        assertEquals('\t', list.separator());
        assertEquals("UTF-16LE", list.charset());
    }

    @Test
    void aTeamsReportWithoutByteOrderMarkIsStillRecognisedAsUtf16() throws IOException {
        byte[] withMark = fixture("teams-attendance-report.csv");
        byte[] withoutMark = java.util.Arrays.copyOfRange(withMark, 2, withMark.length);

        assertEquals(List.of("fenna@example.org", "gijs@example.org"),
                addresses(ParticipantList.read(withoutMark)));
    }

    @Test
    void aDutchExcelListWithSemicolonsQuotesAndLineBreaksInFieldsIsRead() throws IOException {
        Result list = ParticipantList.read(fixture("excel-semicolon-windows1252.csv"));

        assertEquals(List.of("jose@example.org", "ingrid@example.org"), addresses(list));
        assertEquals("José Müller", list.participants().get(0).name());
        assertEquals(List.of("Karel Zonder"), names(list.withoutAddress()));
        assertEquals(';', list.separator());
        assertEquals("windows-1252", list.charset());
    }

    @Test
    void aPlainCommaListWithTheAddressFirstAndAMailtoIsRead() throws IOException {
        Result list = ParticipantList.read(fixture("plain-comma-utf8.csv"));

        assertEquals(List.of("lotte@example.org", "mark@example.org"), addresses(list));
        assertEquals("Lotte, L.", list.participants().get(0).name());
        assertEquals(List.of(new RowWithoutAddress("Nora", "geen adres", 4)), list.withoutAddress());
    }

    @Test
    void commonHeaderNamesForTheAddressColumnAreRecognised() {
        for (String header : List.of("email", "E-mail", "E-mailadres", "Emailadres", "Email Address",
                "User Email", "Attendee email", "E-mailadres deelnemer")) {
            Result list = ParticipantList.read(utf8("Naam;" + header + "\nPiet;piet@example.org\n"));
            assertEquals(List.of("piet@example.org"), addresses(list), header);
        }
    }

    @Test
    void aQuotedFieldKeepsSeparatorsDoubledQuotesAndLineBreaks() {
        List<List<String>> records = ParticipantList.records("a,\"b, \"\"c\"\"\r\nd\",e\r\nf,g", ',');

        assertEquals(List.of(List.of("a", "b, \"c\"\r\nd", "e"), List.of("f", "g")), records);
    }

    @Test
    void anAddressIsTrimmedLowerCasedAndTakenFromNameAndBrackets() {
        assertEquals("ann@example.org", ParticipantList.address("  Ann@Example.ORG "));
        assertEquals("ann@example.org", ParticipantList.address("Ann Example <ann@example.org>"));
        assertEquals(null, ParticipantList.address("ann@example.org; bob@example.org"));
        assertEquals(null, ParticipantList.address("geen"));
        assertEquals(null, ParticipantList.address(""));
    }

    @Test
    void filesThatAreNoParticipantListAreRefusedWithTheReason() {
        assertEquals(Problem.EMPTY, problem(new byte[0]));
        assertEquals(Problem.EMPTY, problem(utf8(" \r\n\r\n")));
        assertEquals(Problem.SPREADSHEET, problem(new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0 }));
        assertEquals(Problem.NO_EMAIL_COLUMN, problem(utf8("Naam;Organisatie\nPiet;Vilans\n")));
    }

    private static Problem problem(byte[] bytes) {
        return assertThrows(UnreadableListException.class, () -> ParticipantList.read(bytes)).problem();
    }

    private static List<String> addresses(Result list) {
        return list.participants().stream().map(Participant::email).toList();
    }

    private static List<String> names(List<RowWithoutAddress> rows) {
        return rows.stream().map(RowWithoutAddress::name).toList();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = ParticipantListTest.class.getResourceAsStream("/attendance/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return in.readAllBytes();
        }
    }
}
