package nl.kennisagenda.mail;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import nl.kennisagenda.event.EventLines;

/**
 * The only way text reaches a mail header. Subjects are built from organiser text (event titles) and recipients
 * come from what visitors type; both are made safe here before a mail is written to the outbox.
 */
public final class MailHeaders {

    static final int MAX_SUBJECT = 250;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");

    private MailHeaders() {
    }

    /** One line: CR, LF and other control characters become a space; trimmed and at most 250 characters. */
    public static String subject(String text) {
        String line = EventLines.oneLine(text);
        if (line.length() > MAX_SUBJECT) {
            int end = MAX_SUBJECT - 1;
            if (Character.isHighSurrogate(line.charAt(end - 1))) {
                end--;
            }
            line = line.substring(0, end).trim() + "\u2026";
        }
        return line;
    }

    /**
     * The address itself when it is one plain address that strict RFC 822 parsing accepts: no display name, no
     * list, no control characters (so no header injection with CR/LF).
     *
     * @throws InvalidMailAddressException otherwise
     */
    public static String address(String address) {
        if (address == null || address.isBlank()) {
            throw new InvalidMailAddressException("No mail address");
        }
        if (CONTROL.matcher(address).find()) {
            throw new InvalidMailAddressException("Mail address contains control characters");
        }
        String trimmed = address.trim();
        if (trimmed.length() > 254) {
            throw new InvalidMailAddressException("Mail address is too long");
        }
        try {
            InternetAddress parsed = new InternetAddress(trimmed, true);
            parsed.validate();
            if (parsed.getPersonal() != null || !trimmed.equals(parsed.getAddress())
                    || parsed.isGroup() || !trimmed.contains("@")) {
                throw new InvalidMailAddressException("Not a single plain mail address");
            }
            return parsed.getAddress();
        } catch (AddressException e) {
            throw new InvalidMailAddressException("Not a valid mail address: " + e.getMessage());
        }
    }

    /** Whether {@link #address(String)} accepts the address. */
    public static boolean isValidAddress(String address) {
        try {
            address(address);
            return true;
        } catch (InvalidMailAddressException e) {
            return false;
        }
    }

    /** RFC 5322 field name: printable US-ASCII except the colon. */
    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]{1,76}");
    /** Set by the mailer from the outbox row itself, never from extra headers. */
    private static final Set<String> RESERVED = Set.of("from", "to", "cc", "bcc", "subject",
            "message-id", "date", "mime-version", "sender", "return-path", "content-type",
            "content-transfer-encoding", "content-disposition");
    /** RFC 5322 2.1.1: at most 998 characters a line; name, colon and space included. */
    private static final int MAX_HEADER_LINE = 998;

    /**
     * Extra header fields as they may go out: each name an RFC 5322 field name that the outbox does not set itself
     * (From, To, Subject, Message-ID, MIME and date fields are reserved), each value one non-empty line of
     * printable US-ASCII (encode a display name before) that fits the line limit.
     *
     * @throws IllegalArgumentException for the first field that breaks a rule
     */
    public static Map<String, String> extraHeaders(Map<String, String> headers) {
        Map<String, String> checked = new LinkedHashMap<>();
        if (headers == null) {
            return checked;
        }
        headers.forEach((name, value) -> {
            if (name == null || !FIELD_NAME.matcher(name).matches()
                    || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Header field not allowed: " + name);
            }
            if (value == null || value.isBlank() || CONTROL.matcher(value).find()
                    || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                    || name.length() + 2 + value.length() > MAX_HEADER_LINE) {
                throw new IllegalArgumentException("Header value not allowed for " + name);
            }
            checked.put(name, value.strip());
        });
        return checked;
    }
}
