package nl.kennisagenda.mail;

import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The only way text reaches a mail header. Subjects are built from organiser text (event titles) and recipients
 * come from what visitors type; both are made safe here before a mail is written to the outbox.
 */
public final class MailHeaders {

    static final int MAX_SUBJECT = 250;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    private MailHeaders() {
    }

    /** One line: CR, LF and other control characters become a space; trimmed and at most 250 characters. */
    public static String subject(String text) {
        String line = CONTROL.matcher(text == null ? "" : text).replaceAll(" ");
        line = SPACES.matcher(line).replaceAll(" ").trim();
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
}
