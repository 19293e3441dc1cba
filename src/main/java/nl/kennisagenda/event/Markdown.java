package nl.kennisagenda.event;

import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one way an organiser's Markdown becomes HTML: CommonMark, with raw HTML escaped (it shows as text, it never
 * runs), headings moved down two levels (a "# Heading" becomes h3, under the page's h2 section), and then the result
 * sanitised by the OWASP policy as a second line of defence: only text markup, lists, quotes, code and links whose
 * address is http, https or mailto, each link with {@code rel="noopener nofollow"}. The output is the only HTML the
 * templates print unescaped.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("\n").build();
    private static final Pattern SAFE_URL = Pattern.compile("(?i)^(https?:|mailto:).*", Pattern.DOTALL);
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em", "strong", "code", "pre",
                    "blockquote", "a")
            .allowAttributes("href").matching(SAFE_URL).onElements("a")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("noopener", "nofollow")
            .toFactory();

    private Markdown() {
    }

    /** Sanitised HTML for the Markdown text; empty for null or blank. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 2));
                visitChildren(heading);
            }
        });
        return POLICY.sanitize(RENDERER.render(document));
    }
}
