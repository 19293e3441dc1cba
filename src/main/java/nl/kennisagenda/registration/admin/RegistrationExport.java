package nl.kennisagenda.registration.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    public static Table table(Event event, List<Row> rows, Locale locale) {
        AdmRegMessages m = AdmRegTexts.messages(locale);
        List<FormField> fields = SignupValidator.effectiveFields(event);
        List<String> header = new ArrayList<>();
        for (FormField field : fields) {
            header.add(field.type == FieldType.BREAKOUT_CHOICE ? m.col_sessions() : field.label(locale));
        }
        header.add(m.col_newsletter());
        header.add(m.col_status());
        header.add(m.col_created());
        header.add(m.col_checked_in());
        List<List<String>> body = new ArrayList<>();
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            for (FormField field : fields) {
                cells.add(switch (field.type == FieldType.BREAKOUT_CHOICE ? FormField.SESSIONS : field.fieldKey) {
                    case FormField.FIRST_NAME -> row.firstName();
                    case FormField.LAST_NAME -> row.lastName();
                    case FormField.EMAIL -> row.email();
                    case FormField.ORGANISATION -> row.organisation();
                    case FormField.ROLE -> row.role();
                    case FormField.SESSIONS -> String.join("; ", row.sessions());
                    default -> answer(field, row.answers().get(field.fieldKey), m);
                });
            }
            cells.add(row.newsletter() ? m.yes() : m.no());
            cells.add(AdmRegTexts.status(m, row.status()));
            cells.add(dateTime(row.createdAt()));
            cells.add(row.checkedInAt() == null ? "" : dateTime(row.checkedInAt()));
            body.add(cells);
        }
        return new Table(header, body);
    }

    private static String answer(FormField field, String value, AdmRegMessages m) {
        if (value == null) {
            return "";
        }
        if (field.type == FieldType.CHECKBOX) {
            return "true".equals(value) ? m.yes() : m.no();
        }
        return field.type == FieldType.MULTI_SELECT ? value.replace("\n", ", ") : value;
    }

    private static String dateTime(Instant instant) {
        return instant == null ? "" : Dates.local(instant).toLocalDateTime().withNano(0).toString().replace('T', ' ');
    }

    // ---------------------------------------------------------------- CSV

    /** UTF-8 byte order mark: Excel reads the file as UTF-8 only with it. */
    private static final String BOM = "\uFEFF";

    public static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, table.header());
        table.rows().forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
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
        try {
            Workbook workbook = new Workbook(bytes, "Kennisagenda", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName(sheetName));
            for (int c = 0; c < table.header().size(); c++) {
                sheet.value(0, c, table.header().get(c));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<String> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    // Written as strings: fastexcel never makes a formula of a string value.
                    sheet.value(r + 1, c, row.get(c) == null ? "" : row.get(c));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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
