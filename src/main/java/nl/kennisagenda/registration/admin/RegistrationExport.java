package nl.kennisagenda.registration.admin;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.admin.RegistrationQueries.Row;
import nl.kennisagenda.registration.service.SignupValidator;

/**
 * The registrations of an event as a table: one column per field of the event's sign-up form (in form order, the
 * breakout choice as one "sessions" column), then status, sign-up time and check-in. Written as CSV for Dutch Excel
 * (UTF-8 with BOM, semicolons, CRLF, every value quoted, formula injection neutralised) or as XLSX (fastexcel).
 */
public final class RegistrationExport {

    private RegistrationExport() {
    }

    public record Table(List<String> header, List<List<String>> rows) {
    }

    /**
     * The columns of an event's export, fixed before the first row is read: the header and how one row becomes its
     * cells. Holds no entities, so rows can be written after the transaction that read the form has ended.
     */
    public static final class Columns {

        private final List<String> header;
        private final List<FieldType> types;
        private final List<String> keys;
        private final AdmRegMessages m;

        private Columns(List<String> header, List<FieldType> types, List<String> keys, AdmRegMessages m) {
            this.header = header;
            this.types = types;
            this.keys = keys;
            this.m = m;
        }

        public List<String> header() {
            return header;
        }

        public List<String> cells(Row row) {
            List<String> cells = new ArrayList<>(header.size());
            for (int i = 0; i < keys.size(); i++) {
                FieldType type = types.get(i);
                cells.add(switch (type == FieldType.BREAKOUT_CHOICE ? FormField.SESSIONS : keys.get(i)) {
                    case FormField.FIRST_NAME -> row.firstName();
                    case FormField.LAST_NAME -> row.lastName();
                    case FormField.EMAIL -> row.email();
                    case FormField.ORGANISATION -> row.organisation();
                    case FormField.ROLE -> row.role();
                    case FormField.SESSIONS -> String.join("; ", row.sessions());
                    case SignupValidator.ATTENDANCE_MODE -> AdmRegTexts.mode(m, row.mode());
                    default -> answer(type, row.answers().get(keys.get(i)), m);
                });
            }
            cells.add(row.newsletter() ? m.yes() : m.no());
            cells.add(AdmRegTexts.status(m, row.status()));
            cells.add(dateTime(row.createdAt()));
            cells.add(row.checkedInAt() == null ? "" : dateTime(row.checkedInAt()));
            return cells;
        }
    }

    /** The columns for the event's sign-up form, in form order, headed in the given language. */
    public static Columns columns(Event event, Locale locale) {
        AdmRegMessages m = AdmRegTexts.messages(locale);
        List<FormField> fields = SignupValidator.effectiveFields(event);
        List<String> header = new ArrayList<>();
        List<FieldType> types = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (FormField field : fields) {
            header.add(field.type == FieldType.BREAKOUT_CHOICE ? m.col_sessions()
                    : field.fieldKey.equals(SignupValidator.ATTENDANCE_MODE) ? m.col_mode() : field.label(locale));
            types.add(field.type);
            keys.add(field.fieldKey);
        }
        header.add(m.col_newsletter());
        header.add(m.col_status());
        header.add(m.col_created());
        header.add(m.col_checked_in());
        return new Columns(List.copyOf(header), List.copyOf(types), List.copyOf(keys), m);
    }

    public static Table table(Event event, List<Row> rows, Locale locale) {
        Columns columns = columns(event, locale);
        return new Table(columns.header(), rows.stream().map(columns::cells).toList());
    }

    private static String answer(FieldType type, String value, AdmRegMessages m) {
        if (value == null) {
            return "";
        }
        if (type == FieldType.CHECKBOX) {
            return "true".equals(value) ? m.yes() : m.no();
        }
        return type == FieldType.MULTI_SELECT ? value.replace("\n", ", ") : value;
    }

    private static String dateTime(Instant instant) {
        return instant == null ? "" : Dates.local(instant).toLocalDateTime().withNano(0).toString().replace('T', ' ');
    }

    // ---------------------------------------------------------------- CSV

    /** UTF-8 byte order mark: Excel reads the file as UTF-8 only with it. */
    private static final String BOM = "\uFEFF";

    /** Where the rows of a streamed export come from: {@link RegistrationQueries#forEachRow}, for one actor and event. */
    @FunctionalInterface
    public interface RowSource {
        void forEach(RegistrationQueries.RowSink sink) throws IOException;
    }

    /** Writes the export as CSV to {@code out} while {@code rows} reads them: one row in memory at a time. */
    public static void csv(Columns columns, RowSource rows, OutputStream out) throws IOException {
        try (CsvWriter writer = new CsvWriter(out)) {
            writer.line(columns.header());
            rows.forEach(row -> writer.line(columns.cells(row)));
        }
    }

    /** Writes the export as one XLSX worksheet to {@code out} while {@code rows} reads them. */
    public static void xlsx(Columns columns, String sheetName, RowSource rows, OutputStream out) throws IOException {
        try (XlsxWriter writer = new XlsxWriter(out, sheetName, columns.header())) {
            rows.forEach(row -> writer.row(columns.cells(row)));
        }
    }

    public static byte[] csv(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter writer = new CsvWriter(bytes)) {
            writer.line(table.header());
            for (List<String> row : table.rows()) {
                writer.line(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes CSV lines to a stream as they come (the byte order mark first), through a small buffer: an export of
     * any size holds one line at a time, not the file.
     */
    public static final class CsvWriter implements Closeable {

        private final Writer out;
        private final StringBuilder line = new StringBuilder(256);

        public CsvWriter(OutputStream stream) throws IOException {
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
            out.write(BOM);
        }

        public void line(List<String> cells) throws IOException {
            line.setLength(0);
            RegistrationExport.line(line, cells);
            out.append(line);
        }

        /** Writes what is buffered; the stream stays open (it belongs to the caller). */
        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(csvCell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One value, quoted (inner quotes doubled) and neutralised against formula injection. */
    static String csvCell(String value) {
        String safe = neutralise(value == null ? "" : value);
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    /**
     * A cell that starts with {@code = + - @} (or a tab or carriage return, which some programs skip before looking)
     * would be read by a spreadsheet as a formula: it gets a leading apostrophe, so it stays text.
     */
    static String neutralise(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    // ---------------------------------------------------------------- XLSX

    public static byte[] xlsx(Table table, String sheetName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XlsxWriter writer = new XlsxWriter(bytes, sheetName, table.header())) {
            for (List<String> row : table.rows()) {
                writer.row(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes one worksheet to a stream as rows come: the header in bold, then the rows, handed to the stream every
     * {@value #XLSX_FLUSH_ROWS} rows (fastexcel keeps unflushed rows in memory).
     */
    public static final class XlsxWriter implements Closeable {

        static final int XLSX_FLUSH_ROWS = 500;

        private final Workbook workbook;
        private final Worksheet sheet;
        private int next = 1;

        public XlsxWriter(OutputStream stream, String sheetName, List<String> header) {
            workbook = new Workbook(stream, "Kennisagenda", "1.0");
            sheet = workbook.newWorksheet(sheetName(sheetName));
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
        }

        public void row(List<String> cells) throws IOException {
            for (int c = 0; c < cells.size(); c++) {
                // Written as strings: fastexcel never makes a formula of a string value.
                sheet.value(next, c, cells.get(c) == null ? "" : cells.get(c));
            }
            next++;
            if (next % XLSX_FLUSH_ROWS == 0) {
                sheet.flush();
            }
        }

        @Override
        public void close() throws IOException {
            workbook.finish();
        }
    }

    /** Excel allows at most 31 characters and none of {@code []:*?/\} in a sheet name. */
    private static String sheetName(String name) {
        String clean = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return clean.isEmpty() ? "Registrations" : clean.length() > 31 ? clean.substring(0, 31) : clean;
    }

    /** A file name safe for Content-Disposition: the event's slug. */
    public static String fileName(Event event, String extension) {
        return "aanmeldingen-" + event.slug.replaceAll("[^a-z0-9-]", "") + "." + extension;
    }
}
