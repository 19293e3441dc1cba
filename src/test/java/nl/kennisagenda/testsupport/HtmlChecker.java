package nl.kennisagenda.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import nu.validator.validation.SimpleDocumentValidator;

/**
 * The Nu Html Checker (the checker behind validator.w3.org/nu), in-process and offline: its HTML5 schema comes from
 * the jar, nothing is fetched. One instance reads its schema once and then checks many documents; not thread-safe.
 */
public final class HtmlChecker {

    private static final String HTML5_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    /** One message of the checker: "error" (invalid HTML) or "warning" (valid but worth a look). */
    public record Message(String type, int line, int column, String text) {
        @Override
        public String toString() {
            return type + " at " + line + ":" + column + ": " + text;
        }
    }

    /** What the checker said about one document. */
    public record Report(List<Message> messages) {
        public List<Message> errors() {
            return messages.stream().filter(m -> m.type().equals("error")).toList();
        }

        public List<Message> warnings() {
            return messages.stream().filter(m -> m.type().equals("warning")).toList();
        }
    }

    private final SimpleDocumentValidator validator;
    private final Collector collector = new Collector();

    public HtmlChecker() {
        try {
            // No log4j set-up (the application's logging stays as it is), no URL logging, no language guessing.
            validator = new SimpleDocumentValidator(false, false, false);
            validator.setUpMainSchema(HTML5_SCHEMA, collector);
            validator.setUpValidatorAndParsers(collector, true, false);
        } catch (Exception e) {
            throw new IllegalStateException("the Nu Html Checker could not read its HTML5 schema", e);
        }
    }

    /** Checks a document as the browser gets it: UTF-8 bytes served as text/html. */
    public Report check(String html) {
        collector.messages = new ArrayList<>();
        try {
            InputSource source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            validator.checkHtmlInputSource(source);
        } catch (IOException | SAXException e) {
            collector.messages.add(new Message("error", 0, 0, "the checker stopped: " + e));
        }
        return new Report(List.copyOf(collector.messages));
    }

    private static final class Collector implements ErrorHandler {
        List<Message> messages = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
            messages.add(message("warning", e));
        }

        @Override
        public void error(SAXParseException e) {
            messages.add(message("error", e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            messages.add(message("error", e));
        }

        private static Message message(String type, SAXParseException e) {
            return new Message(type, e.getLineNumber(), e.getColumnNumber(), e.getMessage());
        }
    }
}
