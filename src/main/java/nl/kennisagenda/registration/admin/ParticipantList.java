package nl.kennisagenda.registration.admin;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import nl.kennisagenda.registration.Attendee;

/**
 * A participant list as video-meeting tools and spreadsheets export it, read into the addresses of the people on it.
 * No CSV library is on the classpath (fastexcel reads only .xlsx), so this is a small RFC 4180 reader that is lenient
 * where real exports are sloppy.
 *
 * <p>What it copes with (docs/attendance.md has the list for organisers): UTF-8 with or without byte order mark,
 * UTF-16 LE/BE (Microsoft Teams) with or without mark, Windows-1252 when the bytes are not UTF-8; comma, semicolon
 * (Dutch Excel) or tab separated; quoted fields with separators, doubled quotes and line breaks inside; files in
 * several sections (Zoom's meeting summary above the participants, Zoom webinar reports with host, panelist and
 * attendee blocks, Teams' "1. Summary" / "2. Participants"). Every row under a header row with an e-mail column
 * counts, except in a section that describes the meeting itself (its header names the meeting id or topic). A column
 * "Attended" (Zoom webinars list registrants who never came with "No") is honoured.
 *
 * <p>The separator is the one of the three that finds the most addresses under an e-mail header; addresses are
 * trimmed and lower-cased like {@link Attendee#normalise} and each appears once, in file order.
 */
public final class ParticipantList {

    /** Why a file could not be read as a participant list. */
    public enum Problem {
        EMPTY, SPREADSHEET, NO_EMAIL_COLUMN
    }

    public static final class UnreadableListException extends RuntimeException {
        private final Problem problem;

        UnreadableListException(Problem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * One person on the list: the normalised address, a name if the file has one, the first data row they appear on
     * (1-based line count of records in the file), and whether the file says they attended.
     */
    public record Participant(String email, String name, int row, boolean attended) {
    }

    /** A row under an e-mail header with no usable address: its name (or what the cell held) and row. */
    public record RowWithoutAddress(String name, String value, int row) {
    }

    /** What the file held: one entry per distinct address, and the rows that named nobody we can match. */
    public record Result(List<Participant> participants, List<RowWithoutAddress> withoutAddress, char separator,
            String charset) {
    }

    private static final char[] SEPARATORS = { ',', ';', '\t' };
    private static final Pattern EMAIL_HEADER = Pattern
            .compile("(user|attendee|participant|registrant|guest|deelnemer)?e?mail(adres|address)?(deelnemer)?");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>\",;]+@[^\\s@<>\",;]+\\.[^\\s@<>\",;]+");
    private static final List<String> NAME_HEADERS = List.of("name", "naam", "nameoriginalname",
            "usernameoriginalname", "fullname", "volledigenaam", "displayname", "weergavenaam", "participantname",
            "attendeename", "deelnemer", "username", "gebruikersnaam");
    private static final List<String> FIRST_NAME_HEADERS = List.of("firstname", "voornaam", "givenname");
    private static final List<String> LAST_NAME_HEADERS = List.of("lastname", "achternaam", "surname", "familyname");
    private static final List<String> ATTENDED_HEADERS = List.of("attended", "aanwezig", "deelgenomen");
    /** Header cells of a section about the meeting itself rather than its participants (Zoom's summary block). */
    private static final List<String> MEETING_HEADERS = List.of("meetingid", "webinarid", "topic", "onderwerp",
            "vergaderingid", "meetingtitle", "vergadertitel");

    private ParticipantList() {
    }

    /** Reads the file. @throws UnreadableListException when it holds no e-mail column (or nothing at all) */
    public static Result read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableListException(Problem.EMPTY);
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            // An .xlsx (a zip archive): say "save it as CSV" rather than "no e-mail column".
            throw new UnreadableListException(Problem.SPREADSHEET);
        }
        Decoded decoded = decode(bytes);
        if (decoded.text().isBlank()) {
            throw new UnreadableListException(Problem.EMPTY);
        }
        Result best = null;
        int bestCount = -1;
        for (char separator : SEPARATORS) {
            Result result = read(decoded.text(), separator, decoded.charset());
            int count = result == null ? -1 : result.participants().size();
            if (count > bestCount) {
                best = result;
                bestCount = count;
            }
        }
        if (best == null) {
            throw new UnreadableListException(Problem.NO_EMAIL_COLUMN);
        }
        return best;
    }

    /** The list with this separator, or null when no header row with an e-mail column turns up. */
    private static Result read(String text, char separator, String charset) {
        List<List<String>> records = records(text, separator);
        Map<String, Participant> participants = new LinkedHashMap<>();
        List<RowWithoutAddress> withoutAddress = new ArrayList<>();
        Header header = null;
        boolean foundHeader = false;
        for (int i = 0; i < records.size(); i++) {
            List<String> record = records.get(i);
            int row = i + 1;
            if (isBlank(record)) {
                header = null;
                continue;
            }
            Header candidate = Header.of(record);
            if (candidate != null) {
                header = candidate;
                foundHeader = true;
                continue;
            }
            if (isTitle(record) && (header == null || header.email() != 0)) {
                // A section title ("Host Details", "2. Participants") ends a section.
                header = null;
                continue;
            }
            if (header == null || header.aboutTheMeeting()) {
                continue;
            }
            String cell = cell(record, header.email()).strip();
            String address = address(cell);
            String name = header.name(record);
            if (address == null) {
                // The same person without an address often appears once per join (Teams' activity section).
                boolean repeated = withoutAddress.stream()
                        .anyMatch(known -> known.name().equals(name) && known.value().equals(cell));
                if ((!cell.isEmpty() || !name.isEmpty()) && !repeated) {
                    withoutAddress.add(new RowWithoutAddress(name, cell, row));
                }
                continue;
            }
            boolean attended = header.attended(record);
            Participant known = participants.get(address);
            if (known == null) {
                participants.put(address, new Participant(address, name, row, attended));
            } else if (attended && !known.attended()) {
                participants.put(address, new Participant(address, known.name().isEmpty() ? name : known.name(),
                        known.row(), true));
            }
        }
        return foundHeader ? new Result(List.copyOf(participants.values()), List.copyOf(withoutAddress), separator,
                charset) : null;
    }

    /** The address in a cell ("Ann <ann@example.org>", "mailto:ann@example.org" too), normalised; else null. */
    static String address(String cell) {
        if (cell == null || cell.isBlank() || cell.length() > 320) {
            return null;
        }
        String value = cell.strip();
        if (value.regionMatches(true, 0, "mailto:", 0, 7)) {
            value = value.substring(7);
        }
        var matcher = ADDRESS.matcher(value);
        if (!matcher.find()) {
            return null;
        }
        String found = matcher.group();
        String rest = (value.substring(0, matcher.start()) + value.substring(matcher.end())).replaceAll("[<>]", "");
        // A cell with two addresses, or an address amid other words that are not a name, is not one address.
        if (matcher.find() || found.length() > 254 || (rest.contains("@"))) {
            return null;
        }
        return Attendee.normalise(found);
    }

    // ---------------------------------------------------------------- header rows

    private record Header(int email, int name, int firstName, int lastName, int attended, boolean aboutTheMeeting) {

        /** The header in this record, or null when it has no e-mail column (or holds an address: a data row). */
        static Header of(List<String> record) {
            int email = -1;
            int name = -1;
            int first = -1;
            int last = -1;
            int attended = -1;
            boolean meeting = false;
            for (int i = 0; i < record.size(); i++) {
                String raw = record.get(i);
                if (raw.contains("@")) {
                    return null;
                }
                String key = key(raw);
                if (email < 0 && EMAIL_HEADER.matcher(key).matches()) {
                    email = i;
                } else if (name < 0 && NAME_HEADERS.contains(key)) {
                    name = i;
                } else if (first < 0 && FIRST_NAME_HEADERS.contains(key)) {
                    first = i;
                } else if (last < 0 && LAST_NAME_HEADERS.contains(key)) {
                    last = i;
                } else if (attended < 0 && ATTENDED_HEADERS.contains(key)) {
                    attended = i;
                } else if (MEETING_HEADERS.contains(key)) {
                    meeting = true;
                }
            }
            return email < 0 ? null : new Header(email, name, first, last, attended, meeting);
        }

        String name(List<String> record) {
            if (name >= 0 && !cell(record, name).isBlank()) {
                return cell(record, name).strip();
            }
            return (cell(record, firstName).strip() + " " + cell(record, lastName).strip()).strip();
        }

        boolean attended(List<String> record) {
            if (attended < 0) {
                return true;
            }
            String value = key(cell(record, attended));
            return !(value.equals("no") || value.equals("nee") || value.equals("false") || value.equals("0"));
        }
    }

    /** A header cell reduced to its letters, lower case: "E-mailadres" → "emailadres", "User Email" → "useremail". */
    private static String key(String header) {
        StringBuilder key = new StringBuilder();
        header.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetter).forEach(key::appendCodePoint);
        return key.toString();
    }

    private static String cell(List<String> record, int index) {
        return index >= 0 && index < record.size() ? record.get(index) : "";
    }

    /** Only the first cell filled: a section title such as "Attendee Details", not a person. */
    private static boolean isTitle(List<String> record) {
        return !record.get(0).isBlank() && !record.get(0).contains("@")
                && record.stream().skip(1).allMatch(String::isBlank);
    }

    private static boolean isBlank(List<String> record) {
        return record.stream().allMatch(String::isBlank);
    }

    // ---------------------------------------------------------------- RFC 4180 records

    /**
     * The records of the text: fields split at the separator, quoted fields may hold separators, line breaks and
     * doubled quotes; a quote inside an unquoted field is kept as it is. Line ends: CRLF, LF or CR.
     */
    static List<List<String>> records(String text, char separator) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < length && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                if (!Character.isWhitespace(c)) {
                    fieldStarted = true;
                }
            }
        }
        if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    // ---------------------------------------------------------------- encodings

    record Decoded(String text, String charset) {
    }

    /** The text of the file: by byte order mark, else UTF-16 by its zero bytes, else UTF-8, else Windows-1252. */
    static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        int sample = Math.min(bytes.length, 4096) & ~1;
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < sample; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    zeroEven++;
                } else {
                    zeroOdd++;
                }
            }
        }
        // Text in UTF-16 has a zero in every other byte for ASCII; UTF-8 and Windows-1252 text has none.
        if (sample > 0 && zeroOdd > sample / 4 && zeroEven == 0) {
            return new Decoded(new String(bytes, 0, bytes.length & ~1, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (sample > 0 && zeroEven > sample / 4 && zeroOdd == 0) {
            return new Decoded(new String(bytes, 0, bytes.length & ~1, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(text, "UTF-8");
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, Charset.forName("windows-1252")), "windows-1252");
        }
    }
}
