package nl.kennisagenda.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads the parts of a received mail. */
final class Mime {

    private Mime() {
    }

    /** The decoded text of every part whose content type starts with {@code type} (e.g. "text/plain"). */
    static List<String> parts(Part part, String type) {
        List<String> found = new ArrayList<>();
        collect(part, type.toLowerCase(Locale.ROOT), found);
        return found;
    }

    static String part(Part part, String type) {
        List<String> found = parts(part, type);
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + type + " part, found " + found.size());
        }
        return found.get(0);
    }

    static List<String> contentTypes(Part part) {
        List<String> types = new ArrayList<>();
        try {
            types.add(part.getContentType());
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    types.addAll(contentTypes(multipart.getBodyPart(i)));
                }
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    private static void collect(Part part, String type, List<String> found) {
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, type, found);
                }
            } else if (part.getContentType().toLowerCase(Locale.ROOT).startsWith(type)) {
                found.add(new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
